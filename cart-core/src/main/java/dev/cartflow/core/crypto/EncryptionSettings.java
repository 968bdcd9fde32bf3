package dev.cartflow.core.crypto;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import dev.cartflow.spi.KeyProvider;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What {@link EncryptingCartRepository} encrypts and with which keys. Immutable; built once with
 * {@link #builder()}, whose setters validate their arguments.
 *
 * <pre>{@code
 * EncryptionSettings settings = EncryptionSettings.builder()
 *         .keys(keyProvider)
 *         .metadataFields("email", "phone")
 *         .build();
 * }</pre>
 */
public final class EncryptionSettings {
    private final KeyProvider keys;
    private final Set<String> metadataFields;
    private final boolean responses;
    private final boolean addresses;
    private final SecureRandom random;

    private EncryptionSettings(Builder b) {
        this.keys = b.keys;
        this.metadataFields = Set.copyOf(b.metadataFields);
        this.responses = b.responses;
        this.addresses = b.addresses;
        this.random = b.random;
    }

    /**
     * A builder: no fields, stored responses and addresses encrypted, no key provider yet.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The key provider.
     *
     * @return the provider given to {@link Builder#keys}, never null
     */
    public KeyProvider keys() {
        return keys;
    }

    /**
     * The top-level metadata keys whose values are encrypted.
     *
     * @return an unmodifiable set, empty when no metadata value is encrypted
     */
    public Set<String> metadataFields() {
        return metadataFields;
    }

    /**
     * Whether stored idempotent responses are encrypted.
     *
     * @return true unless {@link Builder#responses} turned it off
     */
    public boolean responses() {
        return responses;
    }

    /**
     * Whether the postal code, city and street lines of shipping addresses are encrypted.
     *
     * @return true unless {@link Builder#addresses} turned it off
     */
    public boolean addresses() {
        return addresses;
    }

    SecureRandom random() {
        return random;
    }

    /** Collects the settings. Not thread-safe. */
    public static final class Builder {
        private KeyProvider keys;
        private final Set<String> metadataFields = new LinkedHashSet<>();
        private boolean responses = true;
        private boolean addresses = true;
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /**
         * The keys (required).
         *
         * @param keys the key provider
         * @return this builder
         */
        public Builder keys(KeyProvider keys) {
            this.keys = CartException.requireNonNull(keys, "key provider");
            return this;
        }

        /**
         * Adds top-level metadata keys (such as {@code email}, {@code phone}) whose values are stored
         * encrypted; nested values are encrypted with the key that holds them.
         *
         * @param fields the keys, each 1 to 256 characters of well-formed text
         * @return this builder
         */
        public Builder metadataFields(String... fields) {
            CartException.requireNonNull(fields, "metadata fields");
            for (String field : fields) {
                Checks.text(field, "metadata field", 256);
                if (field.equals(AddressSealing.KEY)) {
                    throw CartException.invalidInput("metadata field " + field + " is reserved for the encrypted address");
                }
                metadataFields.add(field);
            }
            return this;
        }

        /**
         * Whether the stored responses of idempotent operations (which hold the whole cart, metadata
         * included) are encrypted; default true.
         *
         * @param encrypt true to encrypt them
         * @return this builder
         */
        public Builder responses(boolean encrypt) {
            this.responses = encrypt;
            return this;
        }

        /**
         * Whether the personal parts of a cart's shipping address (postal code, city, street lines)
         * are stored encrypted; default true. They are sealed together into the reserved metadata
         * key {@code cartflow:address}, and the stored address keeps only its subdivision (see
         * docs/data-protection.md). A sealed address is read whatever this says.
         *
         * @param encrypt true to encrypt them
         * @return this builder
         */
        public Builder addresses(boolean encrypt) {
            this.addresses = encrypt;
            return this;
        }

        /**
         * The source of nonces; by default a new {@link SecureRandom}. For tests only: a nonce must
         * never repeat under one key.
         *
         * @param random the source
         * @return this builder
         */
        public Builder random(SecureRandom random) {
            this.random = CartException.requireNonNull(random, "random");
            return this;
        }

        /**
         * The settings.
         *
         * @return the settings
         * @throws CartException {@code INVALID_INPUT} without a key provider
         */
        public EncryptionSettings build() {
            if (keys == null) {
                throw CartException.invalidInput("a key provider is required");
            }
            return new EncryptionSettings(this);
        }
    }
}
