/**
 * The interfaces a host implements to plug its catalog, prices, promotions, stock, shipping, tax
 * and storage into the engine; each documents its thread-safety. Nothing here is null unless
 * marked {@code @Nullable}.
 */
@NullMarked
package dev.cartflow.spi;

import org.jspecify.annotations.NullMarked;
