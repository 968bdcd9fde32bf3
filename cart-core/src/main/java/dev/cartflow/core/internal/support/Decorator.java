package dev.cartflow.core.internal.support;

/**
 * A decorator of the engine's own that lets the engine see what it wraps, so that a part behind it
 * (a resilience decorator's breaker behind a provider cache) still reports to the health report.
 */
public interface Decorator {
    /**
     * The object this decorator wraps.
     *
     * @return the wrapped object, never null
     */
    Object decorated();
}
