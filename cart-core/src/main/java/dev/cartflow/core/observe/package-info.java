/**
 * The observation hook of the engine ({@link dev.cartflow.core.observe.CartObserver}): operations,
 * provider calls, retries, caches, breakers, the outbox and business events, for metrics and alerts.
 */
@NullMarked
package dev.cartflow.core.observe;

import org.jspecify.annotations.NullMarked;
