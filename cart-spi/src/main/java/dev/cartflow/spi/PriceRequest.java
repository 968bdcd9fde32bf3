package dev.cartflow.spi;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import dev.cartflow.model.Sku;
import java.util.Currency;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What prices are asked for.
 *
 * @param skus          the skus
 * @param currency      the cart's currency
 * @param country       the cart's ship-to country
 * @param customerGroup the customer group, or null
 */
public record PriceRequest(Set<Sku> skus, Currency currency, String country, @Nullable String customerGroup) {
    /**
     * Copies the skus into an immutable set.
     *
     * @param skus          the skus to price; never empty when the engine asks
     * @param currency      the cart's currency
     * @param country       the cart's ship-to country (ISO 3166-1 alpha-2)
     * @param customerGroup the customer group, or null for none
     * @throws CartException {@code INVALID_INPUT} when the skus, one of them, the currency or the country is null
     */
    public PriceRequest {
        skus = Checks.setOf(skus, "skus");
        CartException.requireNonNull(currency, "currency");
        CartException.requireNonNull(country, "country");
    }
}
