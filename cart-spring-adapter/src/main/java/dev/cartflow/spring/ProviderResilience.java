package dev.cartflow.spring;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.resilience.ProviderPolicy;
import dev.cartflow.core.resilience.Resilience;
import dev.cartflow.error.CartException;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Turns {@code cartflow.resilience.providers.*} into {@link ProviderPolicy}s and wraps providers with
 * {@link Resilience}; a wrong name or value fails start-up naming the property.
 */
final class ProviderResilience {
    static final Set<String> NAMES = Set.of("catalog", "pricing", "tax", "exchange-rates", "inventory",
            "reservations", "promotions", "promotion-usage", "shipping", "repository");

    private final Map<String, CartFlowResilienceProperties.Provider> settings;
    private final @Nullable CartObserver observer;

    ProviderResilience(CartFlowResilienceProperties properties, @Nullable CartObserver observer) {
        this.settings = properties.getProviders();
        this.observer = observer;
        for (String name : settings.keySet()) {
            if (!NAMES.contains(name)) {
                throw new IllegalStateException("cartflow.resilience.providers." + name
                        + " names no provider; known: " + new java.util.TreeSet<>(NAMES));
            }
        }
        if (!settings.isEmpty() && !ClassUtils.isPresent("dev.failsafe.Failsafe", getClass().getClassLoader())) {
            throw new IllegalStateException("cartflow.resilience.providers needs dev.failsafe:failsafe on the class path");
        }
    }

    /** Whether any provider has settings; only then is Failsafe needed. */
    boolean any() {
        return !settings.isEmpty();
    }

    /** The providers, each wrapped when it has settings. */
    HostProviders wrapAll(HostProviders p) {
        return new HostProviders(
                wrap("repository", p.repository(), (r, policy) -> r instanceof dev.cartflow.spi.CartStorage s
                        ? Resilience.storage(s, policy) : Resilience.repository(r, policy)),
                wrap("catalog", p.catalog(), Resilience::catalog),
                wrap("pricing", p.pricing(), Resilience::pricing),
                p.tax() == null ? null : wrap("tax", p.tax(), Resilience::tax),
                p.exchangeRates() == null ? null : wrap("exchange-rates", p.exchangeRates(), Resilience::exchangeRates),
                p.inventory() == null ? null : wrap("inventory", p.inventory(), Resilience::inventory),
                p.reservations() == null ? null : wrap("reservations", p.reservations(), Resilience::reservations),
                p.promotions() == null ? null : wrap("promotions", p.promotions(), Resilience::promotions),
                p.promotionUsage() == null ? null
                        : wrap("promotion-usage", p.promotionUsage(), Resilience::promotionUsage),
                p.shipping() == null ? null : wrap("shipping", p.shipping(), Resilience::shipping));
    }

    /** The provider, wrapped when it has settings. */
    private <T> T wrap(String name, T provider, BiFunction<T, ProviderPolicy, T> decorator) {
        CartFlowResilienceProperties.Provider p = settings.get(name);
        return p == null ? provider : decorator.apply(provider, policy(name, p));
    }

    private ProviderPolicy policy(String name, CartFlowResilienceProperties.Provider p) {
        try {
            ProviderPolicy.Builder b = ProviderPolicy.builder()
                    .timeout(p.getTimeout())
                    .retries(p.getRetries())
                    .backoff(p.getRetryDelay(), p.getRetryMaxDelay())
                    .breaker(p.getBreakerFailures(), p.getBreakerWindow())
                    .breakerDelay(p.getBreakerDelay());
            if (p.getBulkheadMaxConcurrent() > 0) {
                b.bulkhead(p.getBulkheadMaxConcurrent(), p.getBulkheadMaxWait());
            }
            if (p.getLastKnownGoodEntries() > 0) {
                b.lastKnownGood(p.getLastKnownGoodEntries(), p.getLastKnownGoodMaxAge());
            }
            if (observer != null) {
                b.observer(observer);
            }
            return b.build();
        } catch (CartException e) {
            throw new IllegalStateException("cartflow.resilience.providers." + name + ": " + e.getMessage(), e);
        }
    }
}
