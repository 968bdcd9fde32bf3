package dev.cartflow.core.observe;

/** The state of a provider's circuit breaker. */
public enum BreakerState {
    /** Calls go through. */
    CLOSED,
    /** Calls fail fast (or use the fallback) until the delay has passed. */
    OPEN,
    /** A few trial calls go through to decide whether to close again. */
    HALF_OPEN
}
