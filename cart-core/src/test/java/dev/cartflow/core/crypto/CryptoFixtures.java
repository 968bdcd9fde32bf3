package dev.cartflow.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/** Keys and settings for the encryption tests: deterministic key bytes per id, so two providers agree. */
final class CryptoFixtures {
    private CryptoFixtures() {
    }

    /** A 32-byte key derived from a label (test keys only). */
    static byte[] keyBytes(String label) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A provider with these keys, the last one current. */
    static InMemoryKeyProvider keys(String... ids) {
        InMemoryKeyProvider.Builder b = InMemoryKeyProvider.builder();
        Arrays.stream(ids).forEach(id -> b.key(id, keyBytes(id)));
        return b.build();
    }

    /** Settings encrypting {@code email} and {@code phone}. */
    static EncryptionSettings settings(dev.cartflow.spi.KeyProvider keys) {
        return EncryptionSettings.builder().keys(keys).metadataFields("email", "phone").build();
    }
}
