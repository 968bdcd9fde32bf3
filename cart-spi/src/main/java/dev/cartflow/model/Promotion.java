package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A promotion: automatic, or activated by a coupon code. The semantics of every field are those of
 * the scenario format (docs/scenario-format.md).
 *
 * @param id                 unique id; ties of priority go to the lower id
 * @param code               the coupon code that activates it, or null for an automatic promotion
 * @param priority           lower applies first
 * @param stacking           how it combines with others
 * @param basis              what a percentage is taken of
 * @param target             scope and filters
 * @param action             what it gives
 * @param conditions         when it applies
 * @param maxDiscount        cap on its total discount, or null
 * @param maxUses            redemptions allowed in all, or 0 for unlimited
 * @param maxUsesPerCustomer redemptions allowed per customer, or 0 for unlimited
 */
public record Promotion(String id, @Nullable String code, int priority, Stacking stacking, Basis basis, Target target,
                        Action action, Conditions conditions, @Nullable Money maxDiscount, long maxUses,
                        long maxUsesPerCustomer) {

    /**
     * The largest amount of a promotion's action ({@link Action.Amount}, {@link Action.FixedPrice}),
     * in minor units: the most that, multiplied by any {@code int} quantity or line count, still fits
     * a {@code long}, so that pricing a cart with the promotion cannot overflow. In EUR about
     * 42.9 million per unit.
     */
    public static final long MAX_AMOUNT_MINOR = Long.MAX_VALUE / Integer.MAX_VALUE;

    /**
     * Validates.
     *
     * @param id                 a {@linkplain Checks#text text} of at most 128 characters
     * @param code               a {@linkplain Checks#text text} of at most 64 characters, or null
     * @param priority           any value
     * @param stacking           not null
     * @param basis              not null
     * @param target             not null
     * @param action             not null
     * @param conditions         not null
     * @param maxDiscount        at least zero, or null
     * @param maxUses            at least zero
     * @param maxUsesPerCustomer at least zero
     * @throws CartException {@code INVALID_INPUT} when a component breaks its rule
     */
    public Promotion {
        Checks.text(id, "promotion id", 128);
        if (code != null) {
            Checks.text(code, "code", 64);
        }
        Checks.notNull(stacking, "stacking");
        Checks.notNull(basis, "basis");
        Checks.notNull(target, "target");
        Checks.notNull(action, "action");
        Checks.notNull(conditions, "conditions");
        if (maxDiscount != null && maxDiscount.isNegative() || maxUses < 0 || maxUsesPerCustomer < 0) {
            throw CartException.invalidInput("invalid limits on promotion " + id);
        }
    }

    /**
     * True when a coupon code activates it.
     *
     * @return whether {@link #code()} is not null
     */
    public boolean coded() {
        return code != null;
    }

    /**
     * A builder for a promotion with this id: automatic (no code), priority 0, {@code STACKABLE},
     * basis {@code RUNNING}, every item line targeted, no conditions, no cap, unlimited uses. The
     * action has no default and must be set.
     *
     * @param id the promotion's unique id
     * @return a new builder
     * @throws CartException {@code INVALID_INPUT} when the id is blank, too long or ill-formed
     */
    public static PromotionBuilder builder(String id) {
        return new PromotionBuilder(Checks.text(id, "promotion id", 128));
    }

    /**
     * A builder holding this promotion's values, to derive a changed one.
     *
     * @return a new builder
     */
    public PromotionBuilder toBuilder() {
        return new PromotionBuilder(this);
    }

    /** How a promotion combines with the ones after it. */
    public enum Stacking {
        /** Combines with every other promotion. */
        STACKABLE,
        /** Once it gives a discount, promotions after it in priority order are not applied. */
        STOP_FURTHER,
        /** Applies alone; the engine keeps the option best for the customer. */
        EXCLUSIVE
    }

    /** What a percentage is taken of. */
    public enum Basis {
        /** The amount left after the promotions before it. */
        RUNNING,
        /** The amount before any promotion. */
        ORIGINAL
    }

    /** What a promotion discounts. */
    public enum Scope {
        /** Item lines, each on its own. */
        ITEMS,
        /** The targeted lines together, allocated back to them. */
        ORDER,
        /** The shipping amount. */
        SHIPPING
    }

    /**
     * Scope and filters: a line is targeted when it matches any listed value of every non-empty filter.
     *
     * @param scope      what is discounted
     * @param skus       sku filter, empty for any
     * @param categories category filter, empty for any
     * @param brands     brand filter, empty for any
     */
    public record Target(Scope scope, Set<Sku> skus, Set<String> categories, Set<String> brands) {
        /**
         * Validates and copies.
         *
         * @param scope      not null
         * @param skus       no null element; copied
         * @param categories well-formed texts, no null element; copied
         * @param brands     well-formed texts, no null element; copied
         * @throws CartException {@code INVALID_INPUT} when a component breaks its rule
         */
        public Target {
            Checks.notNull(scope, "scope");
            skus = Checks.setOf(skus, "skus");
            categories = Checks.textSetOf(categories, "categories");
            brands = Checks.textSetOf(brands, "brands");
        }

        /**
         * Every line of the given scope.
         *
         * @param scope what is discounted
         * @return a target without filters
         * @throws CartException {@code INVALID_INPUT} when the scope is null
         */
        public static Target all(Scope scope) {
            return new Target(scope, Set.of(), Set.of(), Set.of());
        }

        /**
         * True when a product matches every given filter.
         *
         * @param sku      the product's sku
         * @param category the product's category, or null; a null category matches only an empty filter
         * @param brand    the product's brand, or null; a null brand matches only an empty filter
         * @return whether every non-empty filter holds the product's value
         */
        public boolean matches(Sku sku, @Nullable String category, @Nullable String brand) {
            return (skus.isEmpty() || skus.contains(sku))
                    && (categories.isEmpty() || category != null && categories.contains(category))
                    && (brands.isEmpty() || brand != null && brands.contains(brand));
        }
    }

    /** Per what an {@link Action.Amount} is given. */
    public enum Per {
        /** Once per targeted unit. */
        UNIT,
        /** Once per targeted line. */
        LINE,
        /** Once for all targeted lines. */
        ORDER
    }

    /** What a promotion gives. */
    public sealed interface Action {
        /**
         * A percentage off.
         *
         * @param fraction the fraction off, 0 to 1 ({@code 0.10} for 10 %)
         */
        record Percent(Rate fraction) implements Action {
            /**
             * Validates.
             *
             * @param fraction at most {@link Rate#ONE}
             * @throws CartException {@code INVALID_INPUT} when the fraction is null or above one
             */
            public Percent {
                Checks.notNull(fraction, "percent");
                if (fraction.compareTo(Rate.ONE) > 0) {
                    throw CartException.invalidInput("a percentage must be at most 100");
                }
            }
        }

        /**
         * A fixed amount off.
         *
         * @param amount the amount
         * @param per    per unit, line or order
         */
        record Amount(Money amount, Per per) implements Action {
            /**
             * Validates.
             *
             * @param amount 0 to {@link Promotion#MAX_AMOUNT_MINOR} minor units
             * @param per    not null
             * @throws CartException {@code INVALID_INPUT} when a component is null or the amount is out of
             *                       range
             */
            public Amount {
                Checks.notNull(amount, "amount");
                Checks.notNull(per, "per");
                if (amount.isNegative() || amount.minor() > MAX_AMOUNT_MINOR) {
                    throw CartException.invalidInput("a discount must be between 0 and " + MAX_AMOUNT_MINOR
                            + " minor units");
                }
            }
        }

        /**
         * A unit price, applied only where lower than the current one.
         *
         * @param unitPrice the price of one unit
         */
        record FixedPrice(Money unitPrice) implements Action {
            /**
             * Validates.
             *
             * @param unitPrice 0 to {@link Promotion#MAX_AMOUNT_MINOR} minor units
             * @throws CartException {@code INVALID_INPUT} when the price is null or out of range
             */
            public FixedPrice {
                Checks.notNull(unitPrice, "unit price");
                if (unitPrice.isNegative() || unitPrice.minor() > MAX_AMOUNT_MINOR) {
                    throw CartException.invalidInput("a fixed price must be between 0 and " + MAX_AMOUNT_MINOR
                            + " minor units");
                }
            }
        }

        /**
         * Buy {@code buy} units, get {@code get} units {@code fraction} off, pooled over targeted lines.
         *
         * @param buy      units to pay for
         * @param get      units discounted
         * @param fraction the fraction off the discounted units (1 for free)
         */
        record BuyXGetY(int buy, int get, Rate fraction) implements Action {
            /**
             * Validates.
             *
             * @param buy      at least 1
             * @param get      at least 1
             * @param fraction at most {@link Rate#ONE}
             * @throws CartException {@code INVALID_INPUT} when a component breaks its rule
             */
            public BuyXGetY {
                Checks.notNull(fraction, "percent");
                if (buy < 1 || get < 1 || fraction.compareTo(Rate.ONE) > 0) {
                    throw CartException.invalidInput("buy and get must be positive, percent at most 100");
                }
            }
        }
    }

    /**
     * When a promotion applies. Null or empty values do not restrict.
     *
     * @param minSubtotal    running amount of the targeted lines when evaluated, or null
     * @param minQuantity    targeted units, 0 for none
     * @param customerGroups groups allowed, empty for all
     * @param countries      ship-to countries allowed, empty for all
     * @param validFrom      first instant, or null
     * @param validTo        last instant it applies (inclusive), or null
     */
    public record Conditions(@Nullable Money minSubtotal, long minQuantity, Set<String> customerGroups, Set<String> countries,
                             @Nullable Instant validFrom, @Nullable Instant validTo) {
        /** No condition. */
        public static final Conditions NONE = new Conditions(null, 0, Set.of(), Set.of(), null, null);

        /**
         * Validates and copies.
         *
         * @param minSubtotal    any amount, or null
         * @param minQuantity    at least zero
         * @param customerGroups well-formed texts, no null element; copied
         * @param countries      well-formed texts, no null element; copied
         * @param validFrom      any instant, or null
         * @param validTo        any instant, or null; not compared with {@code validFrom}
         * @throws CartException {@code INVALID_INPUT} when a set is null or holds a null or ill-formed text, or
         *                       {@code minQuantity} is negative
         */
        public Conditions {
            customerGroups = Checks.textSetOf(customerGroups, "customer groups");
            countries = Checks.textSetOf(countries, "countries");
            if (minQuantity < 0) {
                throw CartException.invalidInput("minQuantity must not be negative");
            }
        }
    }
}
