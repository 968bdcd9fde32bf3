/**
 * The one exception type of CartFlow, {@link dev.cartflow.error.CartException}, and its stable
 * codes. Depends on nothing, so the model and the SPIs both use it without depending on each other.
 * Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.cartflow.error;

import org.jspecify.annotations.NullMarked;
