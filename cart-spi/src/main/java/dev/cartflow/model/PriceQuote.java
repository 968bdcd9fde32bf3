package dev.cartflow.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The unit price of a sku and how it is taxed. Either {@code taxRates} is non-empty, or
 * {@code taxCategory} names a category that the tax provider resolves for the cart's country;
 * with neither the product is untaxed.
 *
 * @param sku         the product
 * @param unitPrice   price of one unit, net or gross depending on the engine's tax mode
 * @param taxRates    non-compounding rates applied to the same base
 * @param taxCategory tax category for the tax provider, or null
 */
public record PriceQuote(Sku sku, Money unitPrice, List<Rate> taxRates, @Nullable String taxCategory) {
    /** Validates and copies. */
    public PriceQuote {
        Checks.notNull(sku, "sku");
        Checks.notNull(unitPrice, "unit price");
        if (unitPrice.isNegative()) {
            throw dev.cartflow.error.CartException.invalidInput("negative price for " + sku);
        }
        taxRates = Checks.listOf(taxRates, "tax rates");
        if (taxCategory != null) {
            Checks.wellFormed(taxCategory, "tax category");
        }
    }

    /** A price with explicit rates. */
    public static PriceQuote of(Sku sku, Money unitPrice, Rate... taxRates) {
        return new PriceQuote(sku, unitPrice, List.of(taxRates), null);
    }
}
