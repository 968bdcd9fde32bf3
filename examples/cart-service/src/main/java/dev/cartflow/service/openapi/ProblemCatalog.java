package dev.cartflow.service.openapi;

import io.swagger.v3.oas.models.examples.Example;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The problem statuses of {@code ../shared/API.md}: what each means and an example body, the way
 * {@code Problems} writes it.
 */
final class ProblemCatalog {
    /** One status: the response's description and its example's code, title and detail. */
    record Entry(int status, String description, String code, String title, String detail) {
    }

    private static final String TYPE_BASE = "https://cartflow.dev/problems/";
    private static final Map<Integer, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add(400, "The request is malformed: a missing or invalid field, header or parameter (INVALID_INPUT).",
                "INVALID_INPUT", "Invalid input", "currency and country are required");
        add(401, "No credentials, or credentials that do not verify, where the call needs them.",
                "UNAUTHENTICATED", "Unauthenticated", "the bearer token does not verify");
        add(403, "The caller may not act on this cart (ACCESS_DENIED); to guests and customers also a missing cart.",
                "ACCESS_DENIED", "Access denied", "not allowed");
        add(404, "No such cart for support staff and services (CART_NOT_FOUND).",
                "CART_NOT_FOUND", "Cart not found", "no cart with this id");
        add(409, "The cart is no longer active (CART_NOT_ACTIVE), or a concurrent change could not be re-applied "
                + "(VERSION_CONFLICT without If-Match).", "CART_NOT_ACTIVE", "Cart not active", "the cart is checked out");
        add(412, "If-Match names a version that is no longer current; currentVersion holds the current one.",
                "VERSION_CONFLICT", "Precondition failed", "the cart is at version 5");
        add(422, "The change breaks a rule: PRODUCT_NOT_FOUND, COUNTRY_RESTRICTED, CURRENCY_MISMATCH, "
                + "INVALID_QUANTITY, QUANTITY_LIMIT, OUT_OF_STOCK, CART_LIMIT, PROMOTION_NOT_FOUND, "
                + "PROMOTION_EXHAUSTED, SHIPPING_NOT_AVAILABLE, or an Idempotency-Key reused for another request "
                + "(IDEMPOTENCY_KEY_REUSED).", "OUT_OF_STOCK", "Out of stock", "only 2 left of MUG");
        add(429, "Too many requests (RATE_LIMITED); Retry-After says when to try again.",
                "RATE_LIMITED", "Rate limited", "too many add-item operations; retry later");
        add(500, "An internal failure: a bug, never the caller's fault (INTERNAL). The body says nothing more.",
                "INTERNAL", "Internal", "an internal error; the service logged it");
        add(503, "A service the cart depends on is unavailable (PROVIDER_UNAVAILABLE); Retry-After says when to "
                + "try again.", "PROVIDER_UNAVAILABLE", "Provider unavailable",
                "a service the cart depends on is unavailable; retry later");
    }

    private ProblemCatalog() {
    }

    private static void add(int status, String description, String code, String title, String detail) {
        ENTRIES.put(status, new Entry(status, description, code, title, detail));
    }

    /** The entry of a status, or empty when API.md has none. */
    static Optional<Entry> of(int status) {
        return Optional.ofNullable(ENTRIES.get(status));
    }

    /** Every entry, by status. */
    static Iterable<Entry> all() {
        return ENTRIES.values();
    }

    /** The name of a status's example under {@code components.examples}. */
    static String exampleName(int status) {
        return "Problem" + status;
    }

    /** The example body of an entry, as {@code Problems} would write it. */
    static Example example(Entry entry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + entry.code().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", entry.title());
        body.put("status", entry.status());
        body.put("detail", entry.detail());
        body.put("code", entry.code());
        if (entry.status() == 412) {
            body.put("currentVersion", 5);
        }
        body.put("instance", "/carts/0b6f1c52-8e0a-4c1e-9a53-2f0f5d1c7a10/lines");
        return new Example().summary(entry.code()).value(body);
    }
}
