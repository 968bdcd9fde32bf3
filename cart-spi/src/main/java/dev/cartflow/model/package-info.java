/**
 * The shared language of CartFlow: immutable records for carts, money, products, promotions and
 * priced carts. Constructors validate and fail with {@code INVALID_INPUT}; builders exist where
 * hosts assemble values ({@link dev.cartflow.model.Promotion#builder}, {@link
 * dev.cartflow.model.Product#builder}). Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.cartflow.model;

import org.jspecify.annotations.NullMarked;
