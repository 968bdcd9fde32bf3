package dev.cartflow.spring;

import dev.cartflow.core.CartEngineBuilder;

/**
 * A hook for what properties cannot say: every bean of this type is called, in {@code @Order},
 * with the engine builder after the auto-configuration has set everything it knows and before the
 * engine is built.
 *
 * <pre>{@code
 * @Bean
 * CartEngineCustomizer regionEu() {
 *     return builder -> builder.region(new Region("eu"));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CartEngineCustomizer {
    /**
     * Adjusts the builder.
     *
     * @param builder the engine builder
     */
    void customize(CartEngineBuilder builder);
}
