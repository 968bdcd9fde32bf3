package dev.cartflow.model;

import java.util.Arrays;
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
    /**
     * Validates and copies.
     *
     * @param sku         not null
     * @param unitPrice   at least zero
     * @param taxRates    no null element; copied
     * @param taxCategory well-formed UTF-16, or null
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component breaks its rule
     */
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

    /**
     * A price with explicit rates.
     *
     * @param sku       the product
     * @param unitPrice price of one unit, at least zero
     * @param taxRates  the rates, none for an untaxed product; neither the array nor a rate may be null
     * @return a quote without a tax category
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the sku or the price is null or
     *                                          the price is negative
     */
    public static PriceQuote of(Sku sku, Money unitPrice, Rate... taxRates) {
        return new PriceQuote(sku, unitPrice, taxRates == null ? null : Arrays.asList(taxRates), null);
    }
}
