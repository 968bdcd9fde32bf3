package dev.cartflow.core.internal.support;

import dev.cartflow.error.CartException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms of personal identifiers (customer ids, guest identities) for logs, audit
 * entries and erasure lookups: HMAC-SHA256 under the engine's pseudonym key, so that the same
 * customer has the same pseudonym on every instance with that key, and no one without the key can
 * tell who it is or test a guess.
 */
public final class Pseudonyms {
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;
    /**
     * A MAC initialized with the key and never updated: each pseudonym works on a clone of it. A
     * provider look-up and key schedule per call cost as much as the rest of a change's engine work
     * in the load driver's profile; cloning an idle MAC only reads it, so the prototype is shared
     * by every thread. Null when the provider's MAC cannot be cloned.
     */
    private final Mac prototype;

    /** Pseudonyms under {@code key} (at least 16 bytes). */
    public Pseudonyms(byte[] key) {
        if (key == null || key.length < 16) {
            throw CartException.invalidInput("pseudonym key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.prototype = cloneable(newMac(this.key));
    }

    /**
     * The pseudonym of an identifier: 22 URL-safe characters (128 bits of the MAC).
     *
     * @param kind  what the identifier is ({@code customer}, {@code guest}), so that equal values of
     *              different kinds do not share a pseudonym
     * @param value the identifier
     * @return its pseudonym
     */
    public String of(String kind, String value) {
        Mac mac = mac();
        mac.update(kind.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return BASE64.encodeToString(java.util.Arrays.copyOf(digest, 16));
    }

    private Mac mac() {
        if (prototype != null) {
            try {
                return (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // cloneable() checked it once; a provider that changes its mind gets a new MAC
            }
        }
        return newMac(key);
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw CartException.internal("HmacSHA256 unavailable", e);
        }
    }

    private static Mac cloneable(Mac mac) {
        try {
            mac.clone();
            return mac;
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }
}
