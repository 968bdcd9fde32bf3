package dev.cartflow.core.security;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.Checks;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the engine allows guests, fixed when it is built ({@code CartEngineBuilder.security(..)}).
 * Immutable and thread-safe. The default, {@link #DEFAULT}, denies guests nothing, requires nothing
 * of them, and refuses guests without an identity the promotions limited per customer.
 *
 * <p>A refusal is {@code ACCESS_DENIED}, recorded in the audit trail. A missing required metadata
 * key is {@code ACCESS_DENIED} too, not {@code INVALID_INPUT}: the call itself is well-formed, it
 * is the guest (a cart without the details the shop requires of a guest) who may not run it yet;
 * only a guest who proved it owns the cart is told which key is missing.
 */
public final class SecurityPolicy {
    /** Guests may run every operation on their own carts; per-customer promotions need an identity. */
    public static final SecurityPolicy DEFAULT = builder().build();

    /** How promotions limited per customer apply to a guest whose host supplied no stable identity. */
    public enum UnidentifiedGuests {
        /**
         * Such promotions are spent for the guest: they give no discount, and a code of theirs on
         * the cart stops checkout with {@code PROMOTION_EXHAUSTED}. The default, because each guest
         * cart has its own token: counting per token would give one use per cart, not per person.
         */
        REFUSE_PER_CUSTOMER_PROMOTIONS,
        /** Such promotions are counted per guest token (per guest cart), as before roles existed. */
        COUNT_PER_TOKEN
    }

    private final Set<CartOperation> deniedToGuests;
    private final Map<CartOperation, Set<String>> requiredGuestMetadata;
    private final UnidentifiedGuests unidentifiedGuests;

    private SecurityPolicy(Builder builder) {
        this.deniedToGuests = Collections.unmodifiableSet(EnumSet.copyOf(builder.deniedToGuests));
        EnumMap<CartOperation, Set<String>> required = new EnumMap<>(CartOperation.class);
        builder.requiredGuestMetadata.forEach((op, keys) -> required.put(op, Set.copyOf(keys)));
        this.requiredGuestMetadata = Collections.unmodifiableMap(required);
        this.unidentifiedGuests = builder.unidentifiedGuests;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether guests are refused an operation outright.
     *
     * @param operation the operation
     * @return true when it is denied to guests
     */
    public boolean deniesGuests(CartOperation operation) {
        return deniedToGuests.contains(operation);
    }

    /**
     * The metadata keys a guest cart must hold (with a non-blank value) before a guest may run an
     * operation on it.
     *
     * @param operation the operation
     * @return the keys, empty when nothing is required
     */
    public Set<String> requiredGuestMetadata(CartOperation operation) {
        return requiredGuestMetadata.getOrDefault(operation, Set.of());
    }

    /**
     * How promotions limited per customer apply to guests without an identity.
     *
     * @return the setting
     */
    public UnidentifiedGuests unidentifiedGuests() {
        return unidentifiedGuests;
    }

    @Override
    public String toString() {
        return "SecurityPolicy[deniedToGuests=" + deniedToGuests + ", requiredGuestMetadata="
                + requiredGuestMetadata + ", unidentifiedGuests=" + unidentifiedGuests + "]";
    }

    /** Builds a {@link SecurityPolicy}; each setter validates, so {@link #build()} cannot fail. */
    public static final class Builder {
        private static final int MAX_KEY_LENGTH = 128;
        private final Set<CartOperation> deniedToGuests = EnumSet.noneOf(CartOperation.class);
        private final Map<CartOperation, Set<String>> requiredGuestMetadata = new EnumMap<>(CartOperation.class);
        private UnidentifiedGuests unidentifiedGuests = UnidentifiedGuests.REFUSE_PER_CUSTOMER_PROMOTIONS;

        private Builder() {
        }

        /**
         * Refuses guests these operations (for example {@code CHECKOUT} for a shop that sells to
         * signed-in customers only, or {@code CREATE_GUEST_CART} for no guest carts at all).
         *
         * @param operations the operations
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} on a null operation
         */
        public Builder denyGuests(CartOperation... operations) {
            if (operations == null) {
                throw CartException.invalidInput("operations must not be null");
            }
            for (CartOperation operation : operations) {
                deniedToGuests.add(required(operation, "operation"));
            }
            return this;
        }

        /**
         * Requires a guest cart to hold a top-level metadata key with a non-blank value before a guest
         * may run an operation on it (for example an e-mail before {@code CHECKOUT}).
         *
         * @param operation the operation
         * @param key       the metadata key
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} on a null operation or a null, blank or over-long key
         */
        public Builder requireGuestMetadata(CartOperation operation, String key) {
            required(operation, "operation");
            Checks.text(key, "metadata key", MAX_KEY_LENGTH);
            requiredGuestMetadata.computeIfAbsent(operation, op -> new LinkedHashSet<>()).add(key);
            return this;
        }

        /**
         * How promotions limited per customer apply to guests the host gave no identity.
         *
         * @param setting the setting
         * @return this builder
         * @throws CartException {@code INVALID_INPUT} when null
         */
        public Builder unidentifiedGuests(UnidentifiedGuests setting) {
            this.unidentifiedGuests = required(setting, "unidentified guests setting");
            return this;
        }

        private static <T> T required(T value, String name) {
            if (value == null) {
                throw CartException.invalidInput(name + " must not be null");
            }
            return value;
        }

        /**
         * The policy.
         *
         * @return an immutable policy
         */
        public SecurityPolicy build() {
            return new SecurityPolicy(this);
        }
    }
}
