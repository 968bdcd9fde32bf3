package dev.cartflow.core.resilience;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.observe.BreakerState;
import dev.cartflow.error.CartException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

/** What every resilient decorator shares: its guard, its health ({@code breaker.<provider>}) and argument checks. */
abstract class Decorated implements HealthContributor {
    /** For calls made outside a snapshot: nobody is told about fallbacks. */
    static final Consumer<String> NOBODY = name -> {
    };

    final Guard guard;

    Decorated(Guard guard) {
        this.guard = guard;
    }

    @Override
    public final String healthName() {
        return "breaker." + guard.name();
    }

    @Override
    public final ComponentHealth health() {
        return guard.health();
    }

    /** The breaker's state now (for tests and for the health report's details). */
    final BreakerState breakerState() {
        return guard.state();
    }

    /** An immutable copy of what a caller passed, refusing null elements with {@code INVALID_INPUT}. */
    static <T> Set<T> keys(Collection<T> values, String name) {
        CartException.requireNonNull(values, name);
        Set<T> copy = new LinkedHashSet<>();
        for (T value : values) {
            copy.add(CartException.requireNonNull(value, name + " element"));
        }
        return Set.copyOf(copy);
    }
}
