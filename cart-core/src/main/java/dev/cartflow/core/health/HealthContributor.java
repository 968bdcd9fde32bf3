package dev.cartflow.core.health;

/**
 * A part that reports its health to {@link dev.cartflow.core.CartEngine#health()}: storage, a cache,
 * a provider's circuit breaker, the outbox. Must be thread-safe, quick and must not throw (a
 * contributor that throws is reported {@code DOWN}).
 */
public interface HealthContributor {
    /**
     * The part's name in the report ({@code repository}, {@code cache}, {@code breaker.pricing}, ...).
     *
     * @return a stable, lowercase dotted name; a null or blank one is shown as {@code unnamed}, and a
     *         name another part already has as {@code name#2}
     */
    String healthName();

    /**
     * Its health now.
     *
     * @return the part's state and details (null is reported {@code DOWN})
     */
    ComponentHealth health();
}
