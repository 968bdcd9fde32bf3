package dev.cartflow.core.internal.observe;

import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.internal.snapshot.ProviderSet;
import dev.cartflow.core.internal.support.Decorator;
import dev.cartflow.spi.CartRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The parts an engine's health report asks: the repository probe, then the repository and every
 * provider that is a {@link HealthContributor} itself (a Redis cart cache, a resilience decorator
 * with its breaker), then the host's own contributors. Discovered on the host's objects, before
 * the observing decorators hide what they are.
 */
public final class HealthParts {
    /** A repository probe slower than this is {@code DEGRADED}. */
    static final Duration SLOW_PROBE = Duration.ofSeconds(1);

    private HealthParts() {
    }

    /**
     * The contributors, each once.
     *
     * @param repository   the host's repository
     * @param providers    the host's providers
     * @param others       other host objects the engine calls (reservations, the event publisher, ...)
     * @param configured   the contributors given to the builder
     * @return the repository probe first, then the discovered ones, then the configured ones
     */
    public static List<HealthContributor> of(CartRepository repository, ProviderSet providers, List<Object> others,
                                             List<HealthContributor> configured) {
        List<HealthContributor> parts = new ArrayList<>();
        parts.add(new RepositoryProbe(repository, SLOW_PROBE));
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> candidates = new ArrayList<>();
        candidates.add(repository);
        candidates.add(providers.catalog());
        candidates.add(providers.pricing());
        candidates.add(providers.tax());
        candidates.add(providers.exchangeRates());
        candidates.add(providers.inventory());
        candidates.add(providers.promotions());
        candidates.add(providers.usage());
        candidates.add(providers.shipping());
        candidates.add(providers.customers());
        candidates.addAll(others);
        candidates.addAll(configured);
        for (Object candidate : candidates) {
            // A provider cache hides what it wraps (a resilience decorator and its breaker): look behind it.
            for (Object part = candidate; part != null && seen.add(part);
                 part = part instanceof Decorator d ? d.decorated() : null) {
                if (part instanceof HealthContributor contributor) {
                    parts.add(contributor);
                }
            }
        }
        return List.copyOf(parts);
    }
}
