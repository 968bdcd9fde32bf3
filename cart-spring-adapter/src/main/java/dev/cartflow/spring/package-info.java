/**
 * Spring Boot auto-configuration of CartFlow: the engine, cart-jdbi storage and outbox, cart-micrometer
 * meters and the health contributor, configured by {@link dev.cartflow.spring.CartFlowProperties}
 * and adjusted by {@link dev.cartflow.spring.CartEngineCustomizer} beans. See docs/spring.md.
 */
@NullMarked
package dev.cartflow.spring;

import org.jspecify.annotations.NullMarked;
