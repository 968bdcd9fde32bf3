package dev.cartflow.core.health;

/** The state of the engine or one of its parts, worst last. */
public enum HealthStatus {
    /** Working. */
    UP,
    /** Working with reduced service (a fallback answers, a cache is bypassed, the outbox lags). */
    DEGRADED,
    /** Not working. */
    DOWN
}
