package dev.cartflow.core.crypto;

import dev.cartflow.error.CartException;
import java.util.Base64;

/**
 * The stored text of one encrypted value: {@code cfenc:<format>:<key id>:<base64url of nonce,
 * ciphertext and tag>}. The format version and the key id are in clear, so that a reader picks the
 * right key and a later format can be told apart; both are also bound into the associated data, so
 * that neither can be altered without the tag failing.
 *
 * @param keyId  the id of the key that sealed it
 * @param sealed the 96-bit nonce followed by the ciphertext and its 128-bit tag
 */
record Envelope(String keyId, byte[] sealed) {
    static final String PREFIX = "cfenc:";
    static final int FORMAT = 1;
    private static final String HEAD = PREFIX + FORMAT + ":";

    /** Whether stored text is an envelope (as opposed to a value written before encryption was on). */
    static boolean looksSealed(String text) {
        return text.startsWith(PREFIX);
    }

    /** The envelope of stored text; {@code INTERNAL} when it is not one this version reads. */
    static Envelope parse(String text) {
        if (!text.startsWith(HEAD)) {
            throw CartException.internal("an encrypted value has an unknown envelope format", null);
        }
        int colon = text.indexOf(':', HEAD.length());
        if (colon < 0) {
            throw CartException.internal("an encrypted value has no key id", null);
        }
        String keyId = text.substring(HEAD.length(), colon);
        try {
            return new Envelope(KeyIds.check(keyId), Base64.getUrlDecoder().decode(text.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw CartException.internal("an encrypted value is not valid base64", e);
        } catch (CartException e) {
            throw CartException.internal("an encrypted value has a malformed key id", e);
        }
    }

    /** The stored text. */
    String text() {
        return HEAD + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }
}
