package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.util.Set;

/**
 * What the catalog says about a product.
 *
 * @param sku          the product id
 * @param category     category used by promotion filters, or null
 * @param brand        brand used by promotion filters, or null
 * @param weightGrams  weight of one unit in grams, at least zero
 * @param countries    countries where the product may be sold; empty means everywhere
 * @param minQuantity  smallest quantity of one line, at least 1
 * @param maxQuantity  largest quantity of one line
 * @param quantityStep a line's quantity must be a multiple of this, at least 1
 */
public record Product(Sku sku, String category, String brand, long weightGrams, Set<String> countries,
                      int minQuantity, int maxQuantity, int quantityStep) {

    /** Validates and copies. */
    public Product {
        Checks.notNull(sku, "sku");
        if (category != null) {
            Checks.wellFormed(category, "category");
        }
        if (brand != null) {
            Checks.wellFormed(brand, "brand");
        }
        countries = Checks.textSetOf(countries, "countries");
        if (weightGrams < 0 || minQuantity < 1 || maxQuantity < minQuantity || quantityStep < 1) {
            throw CartException.invalidInput("invalid product limits for " + sku);
        }
    }

    /** A product sold everywhere with no quantity limits. */
    public static Product simple(Sku sku) {
        return new Product(sku, null, null, 0, Set.of(), 1, Integer.MAX_VALUE, 1);
    }

    /** True when the product may be sold to this country. */
    public boolean sellableIn(String country) {
        return countries.isEmpty() || countries.contains(country);
    }
}
