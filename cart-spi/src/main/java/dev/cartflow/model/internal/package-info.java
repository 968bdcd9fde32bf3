/**
 * Not API: representations behind the model's public types that the pricing function of cart-core
 * builds directly. They may change in any release; hosts use the model types' own methods.
 */
@NullMarked
package dev.cartflow.model.internal;

import org.jspecify.annotations.NullMarked;
