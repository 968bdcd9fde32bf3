/** The engine's health report: the state of storage, caches, provider breakers and the outbox. */
@NullMarked
package dev.cartflow.core.health;

import org.jspecify.annotations.NullMarked;
