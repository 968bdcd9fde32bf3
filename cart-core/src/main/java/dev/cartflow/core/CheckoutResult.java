package dev.cartflow.core;

import dev.cartflow.model.Cart;
import dev.cartflow.model.Checks;
import dev.cartflow.model.PricedCart;
import java.util.List;

/**
 * A checked-out cart, frozen with its final priced snapshot, for the host to turn into an order.
 *
 * @param cart          the cart in state {@code CHECKED_OUT}
 * @param priced        the final prices, taxes and promotions
 * @param reservationId the inventory reservation holding the stock
 * @param redeemed      ids of the promotions whose redemption was counted
 */
public record CheckoutResult(Cart cart, PricedCart priced, String reservationId, List<String> redeemed) {
    /**
     * Copies.
     *
     * @param cart          the checked-out cart
     * @param priced        its final prices
     * @param reservationId the id the engine passed to {@code StockReservations.reserve}, also when no
     *                      reservations are configured
     * @param redeemed      the promotion ids, not null; copied
     */
    public CheckoutResult {
        redeemed = Checks.listOf(redeemed, "redeemed codes");
    }
}
