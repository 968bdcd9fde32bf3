package dev.cartflow.spi;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import dev.cartflow.model.Sku;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a cart asks the promotion provider for.
 *
 * @param currency      the cart's currency
 * @param country       ship-to country
 * @param customerGroup customer group, or null
 * @param skus          skus on the cart
 * @param codes         codes applied to the cart
 * @param now           the engine's clock
 */
public record PromotionQuery(Currency currency, String country, @Nullable String customerGroup, Set<Sku> skus,
                             List<String> codes, Instant now) {
    /**
     * Copies the skus and codes into an immutable set and list.
     *
     * @param currency      the cart's currency
     * @param country       the cart's ship-to country (ISO 3166-1 alpha-2)
     * @param customerGroup the customer group, or null for none
     * @param skus          the skus of the cart's lines, possibly empty
     * @param codes         the codes applied to the cart in the order applied, possibly empty
     * @param now           the engine's clock, against which validity windows are judged
     * @throws CartException {@code INVALID_INPUT} when any argument but the customer group is null, or a sku or code
     *                       in them is
     */
    public PromotionQuery {
        CartException.requireNonNull(currency, "currency");
        CartException.requireNonNull(country, "country");
        skus = Checks.setOf(skus, "skus");
        codes = Checks.listOf(codes, "codes");
        CartException.requireNonNull(now, "now");
    }
}
