package dev.cartflow.spi;

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
    /** Copies. */
    public PromotionQuery {
        skus = Set.copyOf(skus);
        codes = List.copyOf(codes);
    }
}
