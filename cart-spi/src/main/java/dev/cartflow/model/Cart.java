package dev.cartflow.model;

import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A shopping cart: an immutable snapshot at one {@link #version()}. Every accepted change makes a
 * new snapshot with {@code version + 1}; the engine does that, hosts only read carts.
 *
 * @param id             the cart id
 * @param owner          a guest (by token hash) or a customer
 * @param customerGroup  the customer group prices and promotions are chosen for, or null
 * @param currency       the currency of every amount in the cart
 * @param country        ISO 3166-1 alpha-2 ship-to country
 * @param state          the stored life-cycle state
 * @param version        starts at 1 and grows by one with every change
 * @param lines          the lines in the order they were added; one per sku and warehouse
 * @param codes          coupon codes applied, in the order they were applied
 * @param shippingMethod the selected shipping method id, or null
 * @param metadata       a JSON object chosen by the host, as text
 * @param createdAt      creation instant
 * @param updatedAt      instant of the last change
 * @param expiresAt      instant after which the cart reads as {@link CartState#EXPIRED}
 * @param abandonedAt    when the cart was reported abandoned since its last activity, or null
 * @param region         the data-residency region whose storage holds the cart, or null for a cart
 *                       created before regions existed or by an engine without a region
 */
public record Cart(
        CartId id,
        CartOwner owner,
        @Nullable String customerGroup,
        Currency currency,
        String country,
        CartState state,
        long version,
        List<LineItem> lines,
        List<String> codes,
        @Nullable String shippingMethod,
        String metadata,
        Instant createdAt,
        Instant updatedAt,
        Instant expiresAt,
        @Nullable Instant abandonedAt,
        @Nullable String region) {

    /** Validates the invariants and copies the lists. */
    public Cart {
        Checks.notNull(id, "cart id");
        Checks.notNull(owner, "owner");
        if (customerGroup != null) {
            Checks.text(customerGroup, "customer group", 64);
        }
        Checks.currency(currency, "currency");
        Checks.country(country, "country");
        Checks.notNull(state, "state");
        if (version < 1) {
            throw CartException.invalidInput("version must be at least 1");
        }
        lines = Checks.listOf(lines, "lines");
        codes = Checks.listOf(codes, "codes");
        for (String code : codes) {
            Checks.wellFormed(code, "code");
        }
        if (shippingMethod != null) {
            Checks.text(shippingMethod, "shipping method", 64);
        }
        Checks.wellFormed(metadata, "metadata");
        Checks.notNull(createdAt, "created at");
        Checks.notNull(updatedAt, "updated at");
        Checks.notNull(expiresAt, "expires at");
        if (region != null) {
            Checks.region(region, "region");
        }
        Set<LineId> ids = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (LineItem line : lines) {
            if (!ids.add(line.id()) || !keys.add(line.sku().value() + '\u0000' + line.warehouse())) {
                throw CartException.invalidInput("duplicate line " + line.id() + " / " + line.sku());
            }
        }
        if (new HashSet<>(codes).size() != codes.size()) {
            throw CartException.invalidInput("duplicate code");
        }
    }

    /**
     * A cart without a region, as stored before regions existed; see the canonical constructor.
     *
     * @param id             the cart id
     * @param owner          a guest (by token hash) or a customer
     * @param customerGroup  the customer group, or null
     * @param currency       the currency of every amount in the cart
     * @param country        ship-to country
     * @param state          the stored life-cycle state
     * @param version        at least 1
     * @param lines          the lines
     * @param codes          coupon codes applied
     * @param shippingMethod the selected shipping method id, or null
     * @param metadata       a JSON object chosen by the host, as text
     * @param createdAt      creation instant
     * @param updatedAt      instant of the last change
     * @param expiresAt      expiry instant
     * @param abandonedAt    when reported abandoned, or null
     */
    public Cart(CartId id, CartOwner owner, @Nullable String customerGroup, Currency currency, String country,
                CartState state, long version, List<LineItem> lines, List<String> codes,
                @Nullable String shippingMethod, String metadata, Instant createdAt, Instant updatedAt,
                Instant expiresAt, @Nullable Instant abandonedAt) {
        this(id, owner, customerGroup, currency, country, state, version, lines, codes, shippingMethod, metadata,
                createdAt, updatedAt, expiresAt, abandonedAt, null);
    }

    /** The customer owning the cart, if it is a customer cart. */
    public Optional<CustomerId> customerId() {
        return owner instanceof CartOwner.Customer c ? Optional.of(c.customerId()) : Optional.empty();
    }

    /** The line with this id, if any. */
    public Optional<LineItem> line(LineId lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst();
    }

    /** The line for a sku and warehouse, if any. */
    public Optional<LineItem> line(Sku sku, String warehouse) {
        return lines.stream().filter(l -> l.holds(sku, warehouse)).findFirst();
    }

    /** Total units over all lines. */
    public long totalQuantity() {
        long total = 0;
        for (LineItem line : lines) {
            total += line.quantity();
        }
        return total;
    }

    /**
     * A builder starting from this cart, for deriving the next snapshot; the id, currency and
     * creation instant stay. {@link Builder#build()} checks every invariant again.
     *
     * @return a builder holding this cart's values
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a cart from another one; not thread-safe, each setter replaces one value. */
    public static final class Builder {
        private final Cart base;
        private CartOwner owner;
        private @Nullable String customerGroup;
        private String country;
        private CartState state;
        private long version;
        private List<LineItem> lines;
        private List<String> codes;
        private @Nullable String shippingMethod;
        private String metadata;
        private Instant updatedAt;
        private Instant expiresAt;
        private @Nullable Instant abandonedAt;
        private @Nullable String region;

        private Builder(Cart base) {
            this.base = base;
            owner = base.owner;
            customerGroup = base.customerGroup;
            country = base.country;
            state = base.state;
            version = base.version;
            lines = base.lines;
            codes = base.codes;
            shippingMethod = base.shippingMethod;
            metadata = base.metadata;
            updatedAt = base.updatedAt;
            expiresAt = base.expiresAt;
            abandonedAt = base.abandonedAt;
            region = base.region;
        }

        /**
         * Sets the owner.
         *
         * @param owner the owner
         * @return this builder
         */
        public Builder owner(CartOwner owner) {
            this.owner = owner;
            return this;
        }

        /**
         * Sets the customer group.
         *
         * @param customerGroup the customer group, or null
         * @return this builder
         */
        public Builder customerGroup(@Nullable String customerGroup) {
            this.customerGroup = customerGroup;
            return this;
        }

        /**
         * Sets the country.
         *
         * @param country the ship-to country
         * @return this builder
         */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /**
         * Sets the state.
         *
         * @param state the stored state
         * @return this builder
         */
        public Builder state(CartState state) {
            this.state = state;
            return this;
        }

        /**
         * Sets the version.
         *
         * @param version the version
         * @return this builder
         */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * Sets the lines.
         *
         * @param lines the lines
         * @return this builder
         */
        public Builder lines(List<LineItem> lines) {
            this.lines = lines;
            return this;
        }

        /**
         * Sets the codes.
         *
         * @param codes the codes
         * @return this builder
         */
        public Builder codes(List<String> codes) {
            this.codes = codes;
            return this;
        }

        /**
         * Sets the shipping method.
         *
         * @param shippingMethod the shipping method id, or null
         * @return this builder
         */
        public Builder shippingMethod(@Nullable String shippingMethod) {
            this.shippingMethod = shippingMethod;
            return this;
        }

        /**
         * Sets the metadata.
         *
         * @param metadata the metadata JSON object text
         * @return this builder
         */
        public Builder metadata(String metadata) {
            this.metadata = metadata;
            return this;
        }

        /**
         * Sets the updated at.
         *
         * @param updatedAt the instant of the change
         * @return this builder
         */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Sets the expires at.
         *
         * @param expiresAt the expiry
         * @return this builder
         */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /**
         * Sets the abandoned at.
         *
         * @param abandonedAt when reported abandoned, or null
         * @return this builder
         */
        public Builder abandonedAt(@Nullable Instant abandonedAt) {
            this.abandonedAt = abandonedAt;
            return this;
        }

        /**
         * Sets the data-residency region.
         *
         * @param region the region, or null
         * @return this builder
         */
        public Builder region(@Nullable String region) {
            this.region = region;
            return this;
        }

        /**
         * The new snapshot.
         *
         * @return the cart
         * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when an invariant fails
         */
        public Cart build() {
            return new Cart(base.id, owner, customerGroup, base.currency, country, state, version, lines, codes,
                    shippingMethod, metadata, base.createdAt, updatedAt, expiresAt, abandonedAt, region);
        }
    }
}
