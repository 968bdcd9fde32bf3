package dev.cartflow.core.crypto;

import dev.cartflow.error.CartException;
import dev.cartflow.spi.KeyProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link KeyProvider} holding its keys in memory, for tests and for simple hosts that load their
 * keys from their own secret store at start-up. Immutable and thread-safe; to rotate, build a new
 * one with the old keys and a new current key.
 *
 * <pre>{@code
 * KeyProvider keys = InMemoryKeyProvider.builder()
 *         .key("2026-01", oldKeyBytes)
 *         .key("2026-07", newKeyBytes)
 *         .current("2026-07")
 *         .build();
 * }</pre>
 */
public final class InMemoryKeyProvider implements KeyProvider {
    private final Map<String, byte[]> keys;
    private final String current;

    private InMemoryKeyProvider(Map<String, byte[]> keys, String current) {
        this.keys = Map.copyOf(keys);
        this.current = current;
    }

    /**
     * A builder with no keys.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String currentKeyId() {
        return current;
    }

    @Override
    public Optional<byte[]> key(String keyId) {
        byte[] key = keyId == null ? null : keys.get(keyId);
        return key == null ? Optional.empty() : Optional.of(key.clone());
    }

    /** Collects keys; each setter validates its argument once. Not thread-safe. */
    public static final class Builder {
        private final Map<String, byte[]> keys = new LinkedHashMap<>();
        private String current;

        private Builder() {
        }

        /**
         * Adds a key.
         *
         * @param keyId    1 to 64 ASCII letters, digits, {@code -}, {@code _} or {@code .}
         * @param material an AES key of 16, 24 or 32 bytes (copied)
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} on a malformed id, a duplicate id or a key of
         *                       another length
         */
        public Builder key(String keyId, byte[] material) {
            KeyIds.check(keyId);
            if (material == null || !KeyIds.aesLength(material.length)) {
                throw CartException.invalidInput("a key must have 16, 24 or 32 bytes");
            }
            if (keys.containsKey(keyId)) {
                throw CartException.invalidInput("key " + keyId + " is given twice");
            }
            keys.put(keyId, material.clone());
            return this;
        }

        /**
         * Names the key new writes use; by default the last key added.
         *
         * @param keyId a key added to this builder
         * @return this builder
         */
        public Builder current(String keyId) {
            this.current = KeyIds.check(keyId);
            return this;
        }

        /**
         * The provider.
         *
         * @return the provider
         * @throws CartException {@code INVALID_INPUT} when there is no key or the current one is unknown
         */
        public InMemoryKeyProvider build() {
            if (keys.isEmpty()) {
                throw CartException.invalidInput("at least one key is required");
            }
            String chosen = current;
            if (chosen == null) {
                chosen = keys.keySet().stream().reduce((a, b) -> b).orElseThrow();
            }
            if (!keys.containsKey(chosen)) {
                throw CartException.invalidInput("the current key " + chosen + " was not added");
            }
            return new InMemoryKeyProvider(keys, chosen);
        }
    }
}
