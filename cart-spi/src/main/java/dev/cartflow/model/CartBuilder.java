package dev.cartflow.model;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Builds a cart from another one ({@link Cart#toBuilder()}); not thread-safe, each setter replaces one
 * value. Every value starts as the base cart's; the id, currency and creation instant cannot change.
 * Setters check nothing: {@link #build()} runs every check of the {@link Cart} record.
 */
public final class CartBuilder {
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
    private CartKind kind;
    private @Nullable String name;
    private @Nullable ShippingAddress shippingAddress;
    private @Nullable String billingCountry;
    private List<Participant> participants;
    private @Nullable RecoveryToken recovery;
    private @Nullable CartFreeze freeze;

    CartBuilder(Cart base) {
        this.base = base;
        owner = base.owner();
        customerGroup = base.customerGroup();
        country = base.country();
        state = base.state();
        version = base.version();
        lines = base.lines();
        codes = base.codes();
        shippingMethod = base.shippingMethod();
        metadata = base.metadata();
        updatedAt = base.updatedAt();
        expiresAt = base.expiresAt();
        abandonedAt = base.abandonedAt();
        region = base.region();
        kind = base.kind();
        name = base.name();
        shippingAddress = base.shippingAddress();
        billingCountry = base.billingCountry();
        participants = base.participants();
        recovery = base.recovery();
        freeze = base.freeze();
    }

    /**
     * Sets the owner.
     *
     * @param owner the owner
     * @return this builder
     */
    public CartBuilder owner(CartOwner owner) {
        this.owner = owner;
        return this;
    }

    /**
     * Sets the customer group.
     *
     * @param customerGroup the customer group, at most 64 characters, or null
     * @return this builder
     */
    public CartBuilder customerGroup(@Nullable String customerGroup) {
        this.customerGroup = customerGroup;
        return this;
    }

    /**
     * Sets the country.
     *
     * @param country the ship-to country, ISO 3166-1 alpha-2 in upper case
     * @return this builder
     */
    public CartBuilder country(String country) {
        this.country = country;
        return this;
    }

    /**
     * Sets the state.
     *
     * @param state the stored state
     * @return this builder
     */
    public CartBuilder state(CartState state) {
        this.state = state;
        return this;
    }

    /**
     * Sets the version.
     *
     * @param version at least 1; a derived snapshot normally has the base's version + 1
     * @return this builder
     */
    public CartBuilder version(long version) {
        this.version = version;
        return this;
    }

    /**
     * Sets the lines.
     *
     * @param lines the lines in the order they were added, at most one per sku and warehouse; copied by
     *              {@link #build()}
     * @return this builder
     */
    public CartBuilder lines(List<LineItem> lines) {
        this.lines = lines;
        return this;
    }

    /**
     * Sets the codes.
     *
     * @param codes the coupon codes in the order they were applied, no duplicates; copied by
     *              {@link #build()}
     * @return this builder
     */
    public CartBuilder codes(List<String> codes) {
        this.codes = codes;
        return this;
    }

    /**
     * Sets the shipping method.
     *
     * @param shippingMethod the shipping method id, at most 64 characters, or null
     * @return this builder
     */
    public CartBuilder shippingMethod(@Nullable String shippingMethod) {
        this.shippingMethod = shippingMethod;
        return this;
    }

    /**
     * Sets the metadata.
     *
     * @param metadata the metadata, a JSON object as text (the record checks only that the text is
     *                 well-formed UTF-16)
     * @return this builder
     */
    public CartBuilder metadata(String metadata) {
        this.metadata = metadata;
        return this;
    }

    /**
     * Sets the instant of the last change.
     *
     * @param updatedAt the instant of the change
     * @return this builder
     */
    public CartBuilder updatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
        return this;
    }

    /**
     * Sets the expiry.
     *
     * @param expiresAt the instant after which the cart reads as {@link CartState#EXPIRED}
     * @return this builder
     */
    public CartBuilder expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    /**
     * Sets when the cart was reported abandoned.
     *
     * @param abandonedAt when reported abandoned, or null
     * @return this builder
     */
    public CartBuilder abandonedAt(@Nullable Instant abandonedAt) {
        this.abandonedAt = abandonedAt;
        return this;
    }

    /**
     * Sets the data-residency region.
     *
     * @param region the region (see {@link Checks#region}), or null
     * @return this builder
     */
    public CartBuilder region(@Nullable String region) {
        this.region = region;
        return this;
    }

    /**
     * Sets the kind.
     *
     * @param kind what the cart is for
     * @return this builder
     */
    public CartBuilder kind(CartKind kind) {
        this.kind = kind;
        return this;
    }

    /**
     * Sets the name.
     *
     * @param name the cart's name, at most 128 characters, or null
     * @return this builder
     */
    public CartBuilder name(@Nullable String name) {
        this.name = name;
        return this;
    }

    /**
     * Sets the shipping address.
     *
     * @param shippingAddress the address beyond the country, or null
     * @return this builder
     */
    public CartBuilder shippingAddress(@Nullable ShippingAddress shippingAddress) {
        this.shippingAddress = shippingAddress;
        return this;
    }

    /**
     * Sets the billing country.
     *
     * @param billingCountry ISO 3166-1 alpha-2 in upper case, or null when it is the ship-to country
     * @return this builder
     */
    public CartBuilder billingCountry(@Nullable String billingCountry) {
        this.billingCountry = billingCountry;
        return this;
    }

    /**
     * Sets the participants.
     *
     * @param participants the participants in the order they were invited, ids unique; copied by
     *                     {@link #build()}
     * @return this builder
     */
    public CartBuilder participants(List<Participant> participants) {
        this.participants = participants;
        return this;
    }

    /**
     * Sets the recovery link.
     *
     * @param recovery the recovery link, or null
     * @return this builder
     */
    public CartBuilder recovery(@Nullable RecoveryToken recovery) {
        this.recovery = recovery;
        return this;
    }

    /**
     * Sets the freeze.
     *
     * @param freeze the freeze, or null when the cart is not frozen
     * @return this builder
     */
    public CartBuilder freeze(@Nullable CartFreeze freeze) {
        this.freeze = freeze;
        return this;
    }

    /**
     * The new snapshot.
     *
     * @return the cart
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when an invariant fails
     */
    public Cart build() {
        return new Cart(base.id(), owner, customerGroup, base.currency(), country, state, version, lines, codes,
                shippingMethod, metadata, base.createdAt(), updatedAt, expiresAt, abandonedAt, region, kind, name,
                shippingAddress, billingCountry, participants, recovery, freeze);
    }
}
