package dev.cartflow.service.http;

import dev.cartflow.core.Mutation;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.service.auth.Credentials;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** Reads what every cart call takes from the request: credentials, cart id and mutation options. */
final class Requests {
    /** The header of a caller's idempotency key. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The header of a caller's request id, passed to the engine's log lines as the correlation id. */
    static final String REQUEST_ID = "X-Request-Id";

    private static final Pattern ENTITY_TAG = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private Requests() {
    }

    static Credentials credentials(HttpServletRequest request) {
        return Credentials.from(request::getHeader);
    }

    static CartId cartId(String id) {
        return CartId.parse(id);
    }

    /** The mutation options of a change: If-Match makes it strict, Idempotency-Key retry-safe. */
    static Mutation mutation(HttpServletRequest request) {
        return new Mutation(expectedVersion(request), blankToNull(request.getHeader(IDEMPOTENCY_KEY)),
                correlationId(request));
    }

    static @Nullable Long expectedVersion(HttpServletRequest request) {
        String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw CartException.invalidInput("If-Match must be the cart's ETag, such as \"3\"");
        }
        long version = Long.parseLong(matcher.group(1));
        if (version < 1) {
            throw CartException.invalidInput("If-Match must be the cart's ETag, such as \"3\"");
        }
        return version;
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static @Nullable String correlationId(HttpServletRequest request) {
        String id = blankToNull(request.getHeader(REQUEST_ID));
        return id != null && id.length() <= 128 && id.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? id : null;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
