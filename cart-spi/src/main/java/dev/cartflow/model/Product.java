package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

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
public record Product(Sku sku, @Nullable String category, @Nullable String brand, long weightGrams,
                      Set<String> countries, int minQuantity, int maxQuantity, int quantityStep) {

    /**
     * Validates and copies.
     *
     * @param sku          not null
     * @param category     well-formed UTF-16, or null
     * @param brand        well-formed UTF-16, or null
     * @param weightGrams  at least zero
     * @param countries    well-formed texts, no null element; copied
     * @param minQuantity  at least 1
     * @param maxQuantity  at least {@code minQuantity}
     * @param quantityStep at least 1
     * @throws CartException {@code INVALID_INPUT} when a component breaks its rule
     */
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

    /**
     * A product sold everywhere with no quantity limits.
     *
     * @param sku the product id
     * @return a product without category or brand, weightless, sold everywhere, quantities 1 to
     *         {@code Integer.MAX_VALUE} in steps of 1
     * @throws CartException {@code INVALID_INPUT} when the sku is null
     */
    public static Product simple(Sku sku) {
        return new Product(sku, null, null, 0, Set.of(), 1, Integer.MAX_VALUE, 1);
    }

    /**
     * A builder for a product with this sku, starting as {@link #simple}: no category or brand,
     * weightless, sold everywhere, quantities 1 to {@code Integer.MAX_VALUE} in steps of 1.
     *
     * @param sku the product id
     * @return a new builder
     * @throws CartException {@code INVALID_INPUT} when the sku is null
     */
    public static Builder builder(Sku sku) {
        return new Builder(Checks.notNull(sku, "sku"));
    }

    /**
     * A builder holding this product's values, to derive a changed one.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(sku);
        b.category = category;
        b.brand = brand;
        b.weightGrams = weightGrams;
        b.countries = countries;
        b.minQuantity = minQuantity;
        b.maxQuantity = maxQuantity;
        b.quantityStep = quantityStep;
        return b;
    }

    /**
     * True when the product may be sold to this country.
     *
     * @param country ISO 3166-1 alpha-2, compared as given with {@link #countries()}
     * @return whether {@link #countries()} is empty or holds the country
     */
    public boolean sellableIn(String country) {
        return countries.isEmpty() || countries.contains(country);
    }

    /**
     * Builds a {@link Product}. Each setter checks its own value at once ({@code INVALID_INPUT});
     * {@link #build()} runs the record's checks, such as {@code maxQuantity >= minQuantity}. Not
     * thread-safe. The default each setter names is the value of a builder from
     * {@link Product#builder}; one from {@link Product#toBuilder()} starts with the product's own
     * values instead.
     */
    public static final class Builder {
        private final Sku sku;
        private @Nullable String category;
        private @Nullable String brand;
        private long weightGrams;
        private Set<String> countries = Set.of();
        private int minQuantity = 1;
        private int maxQuantity = Integer.MAX_VALUE;
        private int quantityStep = 1;

        private Builder(Sku sku) {
            this.sku = sku;
        }

        /**
         * Sets the category promotion filters match. Default: none.
         *
         * @param category the category, or null for none
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} when the category is ill-formed UTF-16
         */
        public Builder category(@Nullable String category) {
            this.category = category == null ? null : Checks.wellFormed(category, "category");
            return this;
        }

        /**
         * Sets the brand promotion filters match. Default: none.
         *
         * @param brand the brand, or null for none
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} when the brand is ill-formed UTF-16
         */
        public Builder brand(@Nullable String brand) {
            this.brand = brand == null ? null : Checks.wellFormed(brand, "brand");
            return this;
        }

        /**
         * Sets the weight of one unit. Default: 0.
         *
         * @param weightGrams grams, at least zero
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} when the weight is negative
         */
        public Builder weightGrams(long weightGrams) {
            if (weightGrams < 0) {
                throw CartException.invalidInput("weight must not be negative");
            }
            this.weightGrams = weightGrams;
            return this;
        }

        /**
         * Restricts where the product may be sold. Default: empty, sold everywhere.
         *
         * @param countries ISO 3166-1 alpha-2 codes, compared as given with the cart's upper-case country;
         *                  empty for everywhere; copied
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} when the set or a code is null, or a code is ill-formed
         *                       UTF-16
         */
        public Builder countries(Set<String> countries) {
            this.countries = Checks.textSetOf(countries, "countries");
            return this;
        }

        /**
         * Sets the smallest quantity of one line. Default: 1.
         *
         * @param minQuantity at least 1
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} when the value is below 1
         */
        public Builder minQuantity(int minQuantity) {
            this.minQuantity = atLeastOne(minQuantity, "minQuantity");
            return this;
        }

        /**
         * Sets the largest quantity of one line. Default: {@code Integer.MAX_VALUE}.
         *
         * @param maxQuantity at least 1 (and at least the minimum, checked by {@link #build()})
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} when the value is below 1
         */
        public Builder maxQuantity(int maxQuantity) {
            this.maxQuantity = atLeastOne(maxQuantity, "maxQuantity");
            return this;
        }

        /**
         * Sets the step a line's quantity must be a multiple of. Default: 1.
         *
         * @param quantityStep at least 1
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} when the value is below 1
         */
        public Builder quantityStep(int quantityStep) {
            this.quantityStep = atLeastOne(quantityStep, "quantityStep");
            return this;
        }

        /**
         * The product.
         *
         * @return a new product with the values set so far
         * @throws CartException {@code INVALID_INPUT} when a check of the record fails
         */
        public Product build() {
            return new Product(sku, category, brand, weightGrams, countries, minQuantity, maxQuantity, quantityStep);
        }

        private static int atLeastOne(int value, String name) {
            if (value < 1) {
                throw CartException.invalidInput(name + " must be at least 1");
            }
            return value;
        }
    }
}
