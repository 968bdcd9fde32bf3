package dev.cartflow.core;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Checks;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * What a new cart starts with.
 *
 * @param currency      the cart's currency for its whole life
 * @param country       ship-to country, ISO 3166-1 alpha-2
 * @param customerGroup group for prices and promotions, or null
 * @param clientKey     who asks for a guest cart, as the host names the client (an IP address, a
 *                      device or session id), for the per-client rate limit of guest cart creation;
 *                      at most {@value #MAX_CLIENT_KEY_LENGTH} characters, or null. Never stored:
 *                      the rate limiter sees only its keyed pseudonym
 * @param region        the data-residency region the cart must be stored in, or null for the
 *                      engine's own region (see {@link CartEngineBuilder#region})
 */
public record NewCart(Currency currency, String country, @Nullable String customerGroup, @Nullable String clientKey,
                      @Nullable String region) {
    /** The longest client key. */
    public static final int MAX_CLIENT_KEY_LENGTH = 256;

    /**
     * Validates.
     *
     * @param currency      not null, with a minor unit (so not {@code XAU} or {@code XXX})
     * @param country       two upper-case ASCII letters
     * @param customerGroup null, or 1 to 64 characters, not blank, without control characters
     * @param clientKey     null, or 1 to {@value #MAX_CLIENT_KEY_LENGTH} characters, not blank, without control
     *                      characters
     * @param region        null, or 1 to 32 ASCII letters, digits, {@code -} and {@code _}
     * @throws CartException {@code INVALID_INPUT} when a value is out of shape
     */
    public NewCart {
        if (currency == null) {
            throw CartException.invalidInput("currency is required");
        }
        Checks.currency(currency, "currency");
        Shapes.country(country);
        if (customerGroup != null) {
            Shapes.text(customerGroup, "customer group", 64);
        }
        if (clientKey != null) {
            Shapes.text(clientKey, "client key", MAX_CLIENT_KEY_LENGTH);
        }
        if (region != null) {
            Checks.region(region, "region");
        }
    }

    /**
     * A cart spec in the engine's region, without a client key.
     *
     * @param currency      the cart's currency for its whole life
     * @param country       ship-to country, ISO 3166-1 alpha-2
     * @param customerGroup group for prices and promotions, or null
     */
    public NewCart(Currency currency, String country, @Nullable String customerGroup) {
        this(currency, country, customerGroup, null, null);
    }

    /**
     * A cart in this currency and country, no customer group.
     *
     * @param currencyCode an ISO 4217 code; an unknown one is {@code INVALID_INPUT}
     * @param country      ship-to country, ISO 3166-1 alpha-2 in upper case
     * @return the spec, in the engine's region and without a client key
     */
    public static NewCart of(String currencyCode, String country) {
        try {
            return new NewCart(Currency.getInstance(currencyCode), country, null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CartException.invalidInput("unknown currency " + currencyCode);
        }
    }

    /**
     * The same spec, created for this client: guest cart creation is rate limited per client key
     * when {@code RateLimits} limits {@code CREATE_GUEST_CART} per actor.
     *
     * @param clientKey the client as the host names it (an IP address, a device id); required
     * @return the spec with the client key
     */
    public NewCart withClientKey(String clientKey) {
        return new NewCart(currency, country, customerGroup,
                Shapes.text(clientKey, "client key", MAX_CLIENT_KEY_LENGTH), region);
    }

    /**
     * The same cart asked for in a region.
     *
     * @param region the region, or null for the engine's own
     * @return a new spec
     * @throws CartException {@code INVALID_INPUT} when the region is not a region name
     */
    public NewCart withRegion(@Nullable String region) {
        return new NewCart(currency, country, customerGroup, clientKey, region);
    }

    /** The spec, with the client key masked: it may be personal data (an IP address). */
    @Override
    public String toString() {
        return "NewCart[currency=" + currency + ", country=" + country + ", customerGroup=" + customerGroup
                + (clientKey == null ? "" : ", clientKey=***") + (region == null ? "" : ", region=" + region) + "]";
    }
}
