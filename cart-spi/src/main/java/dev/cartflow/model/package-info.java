/**
 * The shared language of CartFlow: immutable records for carts, money, products, promotions and
 * priced carts. Constructors validate and fail with {@code INVALID_INPUT} (two say otherwise: a
 * {@link dev.cartflow.model.LineItem} quantity below one is {@code INVALID_QUANTITY}, a
 * {@link dev.cartflow.model.ShippingMethod} threshold in another currency {@code CURRENCY_MISMATCH});
 * builders exist where hosts assemble values ({@link dev.cartflow.model.Promotion#builder},
 * {@link dev.cartflow.model.Product#builder}). Nothing here is null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.cartflow.model;

import org.jspecify.annotations.NullMarked;
