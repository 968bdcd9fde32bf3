package dev.cartflow.spring;

import dev.cartflow.spi.CartRepository;

/**
 * A decorator the engine's repository is wrapped in (the Redis cache, resilience), contributed by
 * an auto-configuration and applied by {@link CartFlowEngineAutoConfiguration} in {@code @Order}.
 */
@FunctionalInterface
interface RepositoryLayer {
    CartRepository wrap(CartRepository repository);
}
