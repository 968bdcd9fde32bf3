package dev.cartflow.service.auth;

import java.util.Locale;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The credentials one request carries. HTTP sends them as headers and gRPC as metadata under the
 * same names, so both read them through {@link #from(Function)}.
 *
 * @param cartToken  a guest's proof of ownership ({@value #CART_TOKEN})
 * @param bearer     a customer's or support agent's signed token, without the {@code Bearer } prefix
 * @param apiKey     a trusted service's key ({@value #API_KEY})
 * @param shareToken a shared cart participant's invitation token ({@value #SHARE_TOKEN})
 */
public record Credentials(@Nullable String cartToken, @Nullable String bearer, @Nullable String apiKey,
                          @Nullable String shareToken) {
    /** The header (and metadata key) of a guest's cart token. */
    public static final String CART_TOKEN = "Cart-Token";
    /** The header (and metadata key) of a bearer token, {@code Bearer <token>}. */
    public static final String AUTHORIZATION = "Authorization";
    /** The header (and metadata key) of a service's API key. */
    public static final String API_KEY = "X-Api-Key";
    /** The header (and metadata key) of a shared cart participant's token. */
    public static final String SHARE_TOKEN = "Cart-Share-Token";

    private static final String BEARER = "bearer ";

    /** No credentials at all. */
    public static Credentials none() {
        return new Credentials(null, null, null, null);
    }

    /**
     * Reads the credentials from request headers or metadata.
     *
     * @param header the value of a header by name, or null when absent
     */
    public static Credentials from(Function<String, @Nullable String> header) {
        String authorization = blankToNull(header.apply(AUTHORIZATION));
        String bearer = null;
        if (authorization != null) {
            // a malformed scheme is kept as an unverifiable token, so it answers 401 rather than
            // silently falling back to another credential the request also carries
            bearer = authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                    ? blankToNull(authorization.substring(BEARER.length())) : authorization;
            if (bearer == null) {
                bearer = authorization;
            }
        }
        return new Credentials(blankToNull(header.apply(CART_TOKEN)), bearer, blankToNull(header.apply(API_KEY)),
                blankToNull(header.apply(SHARE_TOKEN)));
    }

    /** Whether the request carries no credential at all. */
    public boolean isEmpty() {
        return cartToken == null && bearer == null && apiKey == null && shareToken == null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Never prints a token. */
    @Override
    public String toString() {
        return "Credentials[cartToken=" + present(cartToken) + ", bearer=" + present(bearer) + ", apiKey="
                + present(apiKey) + ", shareToken=" + present(shareToken) + "]";
    }

    private static String present(@Nullable String value) {
        return value == null ? "absent" : "present";
    }
}
