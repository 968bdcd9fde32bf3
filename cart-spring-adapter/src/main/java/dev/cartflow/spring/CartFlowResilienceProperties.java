package dev.cartflow.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Resilience per provider ({@code cartflow.resilience.providers.<name>.*}, needs Failsafe on the
 * class path). Names: {@code catalog}, {@code pricing}, {@code tax}, {@code exchange-rates},
 * {@code inventory}, {@code reservations}, {@code promotions}, {@code promotion-usage},
 * {@code shipping}, {@code repository}. A provider without an entry is called as it is.
 */
@ConfigurationProperties("cartflow.resilience")
public class CartFlowResilienceProperties {
    /**
     * The policy of each provider by name; a provider without an entry, and every one when unset, is called
     * as it is.
     */
    private Map<String, Provider> providers = new LinkedHashMap<>();

    /** @return the policies by provider name */
    public Map<String, Provider> getProviders() {
        return providers;
    }

    /** @param providers the policies by provider name */
    public void setProviders(Map<String, Provider> providers) {
        this.providers = Checked.present("cartflow.resilience.providers", providers);
    }

    /** One provider's timeout, retries, circuit breaker, bulkhead and last-known-good fallback. */
    public static class Provider {
        /** How long one attempt may take. */
        private Duration timeout = Duration.ofSeconds(2);
        /** Retries of a failed read (writes are never retried). */
        private int retries = 2;
        /** First back-off between retries. */
        private Duration retryDelay = Duration.ofMillis(50);
        /** Longest back-off between retries. */
        private Duration retryMaxDelay = Duration.ofSeconds(1);
        /** Failures within breaker-window calls that open the circuit breaker. */
        private int breakerFailures = 5;
        /** Calls the breaker counts failures over. */
        private int breakerWindow = 10;
        /** How long an open breaker waits before letting a trial call through. */
        private Duration breakerDelay = Duration.ofSeconds(30);
        /** Most calls at once; 0 for no bulkhead. */
        private int bulkheadMaxConcurrent;
        /** How long a call waits for a bulkhead permit. */
        private Duration bulkheadMaxWait = Duration.ZERO;
        /** Answers kept as last-known-good fallbacks; 0 for none. */
        private int lastKnownGoodEntries;
        /** Oldest last-known-good answer served. */
        private Duration lastKnownGoodMaxAge = Duration.ofHours(24);

        /** @return the timeout */
        public Duration getTimeout() {
            return timeout;
        }

        /** @param timeout the timeout */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }

        /** @return the retries */
        public int getRetries() {
            return retries;
        }

        /** @param retries the retries */
        public void setRetries(int retries) {
            this.retries = retries;
        }

        /** @return the first back-off */
        public Duration getRetryDelay() {
            return retryDelay;
        }

        /** @param retryDelay the first back-off */
        public void setRetryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
        }

        /** @return the longest back-off */
        public Duration getRetryMaxDelay() {
            return retryMaxDelay;
        }

        /** @param retryMaxDelay the longest back-off */
        public void setRetryMaxDelay(Duration retryMaxDelay) {
            this.retryMaxDelay = retryMaxDelay;
        }

        /** @return the failures that open the breaker */
        public int getBreakerFailures() {
            return breakerFailures;
        }

        /** @param breakerFailures the failures that open the breaker */
        public void setBreakerFailures(int breakerFailures) {
            this.breakerFailures = breakerFailures;
        }

        /** @return the breaker window */
        public int getBreakerWindow() {
            return breakerWindow;
        }

        /** @param breakerWindow the breaker window */
        public void setBreakerWindow(int breakerWindow) {
            this.breakerWindow = breakerWindow;
        }

        /** @return the breaker delay */
        public Duration getBreakerDelay() {
            return breakerDelay;
        }

        /** @param breakerDelay the breaker delay */
        public void setBreakerDelay(Duration breakerDelay) {
            this.breakerDelay = breakerDelay;
        }

        /** @return the most calls at once, 0 for none */
        public int getBulkheadMaxConcurrent() {
            return bulkheadMaxConcurrent;
        }

        /** @param bulkheadMaxConcurrent the most calls at once, 0 for none */
        public void setBulkheadMaxConcurrent(int bulkheadMaxConcurrent) {
            this.bulkheadMaxConcurrent = bulkheadMaxConcurrent;
        }

        /** @return the bulkhead wait */
        public Duration getBulkheadMaxWait() {
            return bulkheadMaxWait;
        }

        /** @param bulkheadMaxWait the bulkhead wait */
        public void setBulkheadMaxWait(Duration bulkheadMaxWait) {
            this.bulkheadMaxWait = bulkheadMaxWait;
        }

        /** @return the last-known-good entries */
        public int getLastKnownGoodEntries() {
            return lastKnownGoodEntries;
        }

        /** @param lastKnownGoodEntries the last-known-good entries, 0 for none */
        public void setLastKnownGoodEntries(int lastKnownGoodEntries) {
            this.lastKnownGoodEntries = lastKnownGoodEntries;
        }

        /** @return the oldest last-known-good answer served */
        public Duration getLastKnownGoodMaxAge() {
            return lastKnownGoodMaxAge;
        }

        /** @param lastKnownGoodMaxAge the oldest last-known-good answer served */
        public void setLastKnownGoodMaxAge(Duration lastKnownGoodMaxAge) {
            this.lastKnownGoodMaxAge = lastKnownGoodMaxAge;
        }
    }
}
