package dev.cartflow.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own settings ({@code cartservice.*}); the engine's are the adapter's
 * {@code cartflow.*}.
 */
@ConfigurationProperties("cartservice")
public class CartServiceProperties {
    private final Auth auth = new Auth();

    /** Credentials: the bearer token key and the services' API keys. */
    public Auth getAuth() {
        return auth;
    }

    /** Credentials settings. */
    public static class Auth {
        /** The base64 key (at least 32 bytes) that signs and verifies the example's bearer tokens. */
        private String hmacKey = "";
        /** How long a minted token is valid. */
        private Duration tokenLifetime = Duration.ofHours(12);
        /** Trusted services' API keys, by service name. */
        private Map<String, String> apiKeys = new LinkedHashMap<>();

        /** The base64 token key. */
        public String getHmacKey() {
            return hmacKey;
        }

        /** Sets the base64 token key. */
        public void setHmacKey(String hmacKey) {
            this.hmacKey = hmacKey;
        }

        /** How long a minted token is valid. */
        public Duration getTokenLifetime() {
            return tokenLifetime;
        }

        /** Sets how long a minted token is valid. */
        public void setTokenLifetime(Duration tokenLifetime) {
            this.tokenLifetime = tokenLifetime;
        }

        /** The services' API keys by service name. */
        public Map<String, String> getApiKeys() {
            return apiKeys;
        }

        /** Sets the services' API keys. */
        public void setApiKeys(Map<String, String> apiKeys) {
            this.apiKeys = apiKeys;
        }
    }
}
