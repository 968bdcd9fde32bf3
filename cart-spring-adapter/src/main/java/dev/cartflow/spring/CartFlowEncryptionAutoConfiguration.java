package dev.cartflow.spring;

import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.KeyProvider;
import java.util.Base64;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.annotation.Order;

/**
 * Encryption at rest of the cart repository, once {@code cartflow.encryption.current-key} is set or
 * a {@link KeyProvider} bean exists. The encrypting layer is the outermost one, so that the Redis
 * cache holds encrypted carts too. Key rotation runs as the {@code key-rotation} job.
 */
@AutoConfiguration(after = CartFlowRedisAutoConfiguration.class, before = CartFlowEngineAutoConfiguration.class)
@Conditional(CartFlowEncryptionAutoConfiguration.KeysConfigured.class)
@EnableConfigurationProperties(CartFlowEncryptionProperties.class)
public class CartFlowEncryptionAutoConfiguration {

    /** Creates the configuration; Spring calls it. */
    public CartFlowEncryptionAutoConfiguration() {
    }

    /**
     * The encrypting layer around the repository.
     *
     * @param properties the cartflow.encryption.* properties
     * @param keys       the application's key provider, if any
     * @return the layer
     */
    @Bean
    @Order(200)
    @ConditionalOnMissingBean(name = "cartFlowEncryption")
    RepositoryLayer cartFlowEncryption(CartFlowEncryptionProperties properties, ObjectProvider<KeyProvider> keys) {
        KeyProvider provider = keys.getIfUnique(() -> fromProperties(properties));
        EncryptionSettings settings = settings(properties, provider);
        return repository -> EncryptingCartRepository.wrap(repository, settings);
    }

    private static EncryptionSettings settings(CartFlowEncryptionProperties properties, KeyProvider provider) {
        try {
            return EncryptionSettings.builder().keys(provider)
                    .metadataFields(properties.getMetadataFields().toArray(String[]::new))
                    .responses(properties.isResponses()).build();
        } catch (CartException e) {
            throw new IllegalStateException("cartflow.encryption: " + e.getMessage(), e);
        }
    }

    private static KeyProvider fromProperties(CartFlowEncryptionProperties properties) {
        String current = properties.getCurrentKey();
        if (!properties.getKeys().containsKey(current)) {
            throw new IllegalStateException("cartflow.encryption.current-key must name one of cartflow.encryption.keys");
        }
        try {
            InMemoryKeyProvider.Builder builder = InMemoryKeyProvider.builder();
            for (Map.Entry<String, String> key : properties.getKeys().entrySet()) {
                builder.key(key.getKey(), Base64.getDecoder().decode(key.getValue().trim()));
            }
            return builder.current(current).build();
        } catch (CartException e) {
            throw new IllegalStateException("cartflow.encryption.keys: " + e.getMessage(), e);
        }
    }

    /** A current key id is configured, or a KeyProvider bean exists. */
    static final class KeysConfigured extends AnyNestedCondition {
        KeysConfigured() {
            super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "cartflow.encryption", name = "current-key")
        static final class FromProperties {
        }

        @ConditionalOnBean(KeyProvider.class)
        static final class FromBean {
        }
    }
}
