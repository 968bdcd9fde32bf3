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
 * @param kind           what the cart is for; {@link CartKind#SHOPPING} for every cart stored before kinds existed
 * @param name           the name of a named cart (a wish list's title), or null; null for shopping carts
 * @param shippingAddress where beyond the country the cart ships to, or null
 * @param billingCountry ISO 3166-1 alpha-2 billing country, or null when it is the ship-to country
 * @param participants   the people the owner shared the cart with, in the order they were invited
 * @param recovery       the recovery link of an abandoned cart, or null
 * @param freeze         the freeze before payment, or null when the cart is not frozen
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
        @Nullable String region,
        CartKind kind,
        @Nullable String name,
        @Nullable ShippingAddress shippingAddress,
        @Nullable String billingCountry,
        List<Participant> participants,
        @Nullable RecoveryToken recovery,
        @Nullable CartFreeze freeze) {

    /**
     * Validates the invariants and copies the lists.
     *
     * @param id              not null
     * @param owner           not null
     * @param customerGroup   a {@linkplain Checks#text text} of at most 64 characters, or null
     * @param currency        a currency with a minor unit
     * @param country         ISO 3166-1 alpha-2 in upper case
     * @param state           not null
     * @param version         at least 1
     * @param lines           no null element, no two with the same id or the same sku and warehouse; copied
     * @param codes           well-formed UTF-16, no null element, no duplicate; copied
     * @param shippingMethod  a {@linkplain Checks#text text} of at most 64 characters, or null
     * @param metadata        well-formed UTF-16 (that it is a JSON object is the engine's check, not the
     *                        record's)
     * @param createdAt       not null
     * @param updatedAt       not null
     * @param expiresAt       not null
     * @param abandonedAt     any instant, or null
     * @param region          a {@linkplain Checks#region region name}, or null
     * @param kind            not null
     * @param name            a {@linkplain Checks#text text} of at most 128 characters, or null
     * @param shippingAddress the address, or null
     * @param billingCountry  ISO 3166-1 alpha-2 in upper case, or null
     * @param participants    no null element, no two with the same id; copied
     * @param recovery        the recovery link, or null
     * @param freeze          the freeze, or null
     * @throws CartException {@code INVALID_INPUT} when a component breaks its rule
     */
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
        Checks.notNull(kind, "cart kind");
        if (name != null) {
            Checks.text(name, "cart name", 128);
        }
        if (billingCountry != null) {
            Checks.country(billingCountry, "billing country");
        }
        participants = Checks.listOf(participants, "participants");
        Set<String> participantIds = new HashSet<>();
        for (Participant participant : participants) {
            if (!participantIds.add(participant.id())) {
                throw CartException.invalidInput("duplicate participant");
            }
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
     * A shopping cart with none of the later additions (kind, name, address, participants, recovery,
     * freeze); see the canonical constructor.
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
     * @param region         the data-residency region, or null
     */
    public Cart(CartId id, CartOwner owner, @Nullable String customerGroup, Currency currency, String country,
                CartState state, long version, List<LineItem> lines, List<String> codes,
                @Nullable String shippingMethod, String metadata, Instant createdAt, Instant updatedAt,
                Instant expiresAt, @Nullable Instant abandonedAt, @Nullable String region) {
        this(id, owner, customerGroup, currency, country, state, version, lines, codes, shippingMethod, metadata,
                createdAt, updatedAt, expiresAt, abandonedAt, region, CartKind.SHOPPING, null, null, null, List.of(),
                null, null);
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
                createdAt, updatedAt, expiresAt, abandonedAt, (String) null);
    }

    /**
     * The customer owning the cart, if it is a customer cart.
     *
     * @return the customer's id; empty for a guest cart
     */
    public Optional<CustomerId> customerId() {
        return owner instanceof CartOwner.Customer c ? Optional.of(c.customerId()) : Optional.empty();
    }

    /**
     * The line with this id, if any.
     *
     * @param lineId the line's id
     * @return the line; empty when no line has this id (or the id is null)
     */
    public Optional<LineItem> line(LineId lineId) {
        return lines.stream().filter(l -> l.id().equals(lineId)).findFirst();
    }

    /**
     * The line for a sku and warehouse, if any.
     *
     * @param sku       the product
     * @param warehouse the warehouse, compared exactly; {@link LineItem#DEFAULT_WAREHOUSE} for lines
     *                  added without one
     * @return the line, of which a cart holds at most one per sku and warehouse; empty when none
     */
    public Optional<LineItem> line(Sku sku, String warehouse) {
        return lines.stream().filter(l -> l.holds(sku, warehouse)).findFirst();
    }

    /**
     * Total units over all lines.
     *
     * @return the sum of the lines' quantities; 0 for an empty cart
     */
    public long totalQuantity() {
        long total = 0;
        for (LineItem line : lines) {
            total += line.quantity();
        }
        return total;
    }

    /**
     * A builder starting from this cart, for deriving the next snapshot; the id, currency and
     * creation instant stay. {@link CartBuilder#build()} checks every invariant again.
     *
     * @return a builder holding this cart's values
     */
    public CartBuilder toBuilder() {
        return new CartBuilder(this);
    }
}
