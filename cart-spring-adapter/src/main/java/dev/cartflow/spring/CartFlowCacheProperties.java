package dev.cartflow.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * In-process caches of the catalog and the prices ({@code cartflow.cache.*}, needs Caffeine on the
 * class path). With cart-redis configured, an invalidation on one instance reaches every instance.
 */
@ConfigurationProperties("cartflow.cache")
public class CartFlowCacheProperties {
    /** The catalog cache. */
    private final Cache catalog = new Cache();
    /** The price cache. */
    private final Cache pricing = new Cache();

    /** @return the catalog cache settings */
    public Cache getCatalog() {
        return catalog;
    }

    /** @return the price cache settings */
    public Cache getPricing() {
        return pricing;
    }

    /** One provider cache. */
    public static class Cache {
        /** Whether the provider's answers are cached. */
        private boolean enabled;
        /** Most skus kept. */
        private long maximumSize = 10_000;
        /** How long an answer is kept. */
        private Duration ttl = Duration.ofMinutes(5);
        /** How long "no such sku" is kept. */
        private Duration negativeTtl = Duration.ofSeconds(30);

        /** @return whether the cache is on */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the cache is on */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the most skus kept */
        public long getMaximumSize() {
            return maximumSize;
        }

        /** @param maximumSize the most skus kept, at least 1 */
        public void setMaximumSize(long maximumSize) {
            this.maximumSize = Checked.atLeast("cartflow.cache.*.maximum-size", maximumSize, 1);
        }

        /** @return the TTL */
        public Duration getTtl() {
            return ttl;
        }

        /** @param ttl the TTL, positive */
        public void setTtl(Duration ttl) {
            this.ttl = Checked.positive("cartflow.cache.*.ttl", ttl);
        }

        /** @return the negative TTL */
        public Duration getNegativeTtl() {
            return negativeTtl;
        }

        /** @param negativeTtl the negative TTL, zero or more */
        public void setNegativeTtl(Duration negativeTtl) {
            this.negativeTtl = Checked.notNegative("cartflow.cache.*.negative-ttl", negativeTtl);
        }
    }
}
