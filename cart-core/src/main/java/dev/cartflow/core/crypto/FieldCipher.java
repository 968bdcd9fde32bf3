package dev.cartflow.core.crypto;

import dev.cartflow.error.CartException;
import dev.cartflow.spi.KeyProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM through the JCA, one value at a time: a fresh 96-bit random nonce per value, a 128-bit
 * tag, and associated data that binds the ciphertext to the envelope's format and key id and to
 * where the value lives (cart id and field, or the idempotency key of a stored response), so a
 * ciphertext copied to another cart, field or record fails to open.
 *
 * <p>Failures: a key provider that throws is {@code PROVIDER_UNAVAILABLE} (it may answer on a
 * retry); an unknown key id, a key of the wrong length, a malformed envelope or a failed tag is
 * {@code INTERNAL}, because no retry and no caller can fix it: the stored data was altered or the
 * key provider lost a key, and the host must be alerted. Thread-safe: a {@link Cipher} is made per
 * call.
 */
final class FieldCipher {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final KeyProvider keys;
    private final SecureRandom random;

    FieldCipher(KeyProvider keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** The id of the key new values are sealed with. */
    String currentKeyId() {
        String id = ask(keys::currentKeyId);
        if (id == null) {
            throw CartException.internal("the key provider named no current key", null);
        }
        try {
            return KeyIds.check(id);
        } catch (CartException e) {
            throw CartException.internal("the key provider's current key id is malformed", e);
        }
    }

    /** The envelope text of a value, sealed with the current key. */
    String seal(String plaintext, String... context) {
        String keyId = currentKeyId();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] key = key(keyId);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(keyId, context));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + ciphertext.length);
            System.arraycopy(ciphertext, 0, sealed, NONCE_BYTES, ciphertext.length);
            return new Envelope(keyId, sealed).text();
        } catch (GeneralSecurityException e) {
            throw CartException.internal("encrypting with key " + keyId + " failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The plaintext of an envelope sealed for this context. */
    String open(String envelopeText, String... context) {
        Envelope envelope = Envelope.parse(envelopeText);
        byte[] sealed = envelope.sealed();
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw CartException.internal("an encrypted value is too short", null);
        }
        byte[] key = key(envelope.keyId());
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(envelope.keyId(), context));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw CartException.internal("an encrypted value failed authentication under key " + envelope.keyId()
                    + " (altered, moved, or sealed with another key)", e);
        } catch (GeneralSecurityException e) {
            throw CartException.internal("decrypting with key " + envelope.keyId() + " failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private byte[] key(String keyId) {
        Optional<byte[]> found = ask(() -> keys.key(keyId));
        if (found == null || found.isEmpty()) {
            throw CartException.internal("the key provider has no key " + keyId, null);
        }
        byte[] key = found.get();
        if (!KeyIds.aesLength(key.length)) {
            throw CartException.internal("key " + keyId + " is not 16, 24 or 32 bytes", null);
        }
        return key;
    }

    private static <T> T ask(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CartException.providerUnavailable("the key provider failed", e);
        }
    }

    /** Format, key id and context, each length-prefixed, so no two different tuples share a byte string. */
    private static byte[] associatedData(String keyId, String... context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part(out, "cartflow-envelope-" + Envelope.FORMAT);
        part(out, keyId);
        for (String c : context) {
            part(out, c);
        }
        return out.toByteArray();
    }

    private static void part(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes.length >>> 24);
        out.write(bytes.length >>> 16);
        out.write(bytes.length >>> 8);
        out.write(bytes.length);
        out.writeBytes(bytes);
    }
}
