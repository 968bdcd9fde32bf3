/**
 * Resilience decorators around the host's providers and storage, with Failsafe (an optional
 * dependency): {@link dev.cartflow.core.resilience.Resilience} wraps each SPI,
 * {@link dev.cartflow.core.resilience.ProviderPolicy} says how. Only this package of cart-core uses
 * Failsafe, and no Failsafe type leaves it.
 */
@NullMarked
package dev.cartflow.core.resilience;

import org.jspecify.annotations.NullMarked;
