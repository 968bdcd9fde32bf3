/**
 * The engine's observer hook ({@link dev.cartflow.core.observe.CartObserver}) as Micrometer
 * meters: {@link dev.cartflow.micrometer.MicrometerCartObserver}.
 */
@NullMarked
package dev.cartflow.micrometer;

import org.jspecify.annotations.NullMarked;
