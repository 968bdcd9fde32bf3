package dev.cartflow.spi;

import dev.cartflow.model.Promotion;
import java.util.Currency;
import java.util.List;

/**
 * The host's promotions: the automatic ones that may apply to a cart, and those a code unlocks.
 *
 * <p>Thread-safe: the engine calls it from any number of threads at once. A failure is reported as
 * a {@code CartException} (a plain exception becomes {@code PROVIDER_UNAVAILABLE} in the engine);
 * a null answer is a failure too.
 */
public interface PromotionProvider {
    /**
     * The promotions to consider for a cart: every automatic promotion that may apply and every
     * coded promotion the shop wants explained (at least those of the applied codes). Validity
     * windows and conditions are judged by the engine, so returning more is safe.
     *
     * @param query the cart's context
     * @return promotions, in any order
     */
    List<Promotion> promotions(PromotionQuery query);

    /**
     * The promotions a code activates (several promotions may share one code).
     *
     * @param code     the code as typed (the provider decides about case)
     * @param currency the cart's currency
     * @return the promotions, empty when the code is unknown
     */
    List<Promotion> byCode(String code, Currency currency);
}
