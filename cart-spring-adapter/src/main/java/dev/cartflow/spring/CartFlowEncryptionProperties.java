package dev.cartflow.spring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Encryption at rest ({@code cartflow.encryption.*}; docs/data-protection.md): the keys by id and
 * the current one, unless the application has a {@link dev.cartflow.spi.KeyProvider} bean (a KMS),
 * and what is encrypted.
 */
@ConfigurationProperties("cartflow.encryption")
public class CartFlowEncryptionProperties {
    /**
     * Keys by id, each Base64 of 32 bytes (AES-256); keep retired ids until key rotation has run. None when
     * unset: a KeyProvider bean gives the keys, or nothing is encrypted.
     */
    private Map<String, String> keys = new LinkedHashMap<>();
    /**
     * The id of the key new writes use; required when keys are given. Carts are stored unencrypted when
     * unset, unless a KeyProvider bean gives the keys.
     */
    private @Nullable String currentKey;
    /** Top-level fields of the cart metadata that are encrypted; none when unset (the metadata is stored as given). */
    private List<String> metadataFields = new ArrayList<>();
    /** Whether stored idempotent responses are encrypted too. */
    private boolean responses = true;

    /** @return the keys by id */
    public Map<String, String> getKeys() {
        return keys;
    }

    /** @param keys the keys by id */
    public void setKeys(Map<String, String> keys) {
        Checked.present("cartflow.encryption.keys", keys)
                .forEach((id, key) -> Checked.base64Key("cartflow.encryption.keys." + id, key, 32));
        this.keys = keys;
    }

    /** @return the current key id */
    public @Nullable String getCurrentKey() {
        return currentKey;
    }

    /** @param currentKey the current key id */
    public void setCurrentKey(@Nullable String currentKey) {
        this.currentKey = currentKey;
    }

    /** @return the encrypted metadata fields */
    public List<String> getMetadataFields() {
        return metadataFields;
    }

    /** @param metadataFields the encrypted metadata fields */
    public void setMetadataFields(List<String> metadataFields) {
        this.metadataFields = Checked.present("cartflow.encryption.metadata-fields", metadataFields);
    }

    /** @return whether stored responses are encrypted */
    public boolean isResponses() {
        return responses;
    }

    /** @param responses whether stored responses are encrypted */
    public void setResponses(boolean responses) {
        this.responses = responses;
    }
}
