package dev.cartflow.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compact, versioned JSON of carts, events and idempotency records.
 *
 * <p>Every payload starts with {@code "fv"}, the format version. A reader accepts the versions it
 * knows ({@link #MIN_READABLE} to {@link #CURRENT}) and ignores fields it does not know; anything
 * else (a newer format, a missing version, malformed JSON, a value the model rejects) decodes to
 * empty, which a cache treats as a miss. Short field names keep entries small.
 */
final class CartCodec {
    /** The format written by this code. */
    static final int CURRENT = 1;
    /** The oldest format this code still reads. */
    static final int MIN_READABLE = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CartCodec() {
    }

    // ---------------------------------------------------------------- carts

    static String encode(Cart cart) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("fv", CURRENT);
        n.put("id", cart.id().toString());
        ObjectNode owner = n.putObject("o");
        if (cart.owner() instanceof CartOwner.Guest g) {
            owner.put("g", g.tokenHash());
        } else if (cart.owner() instanceof CartOwner.Customer c) {
            owner.put("c", c.customerId().value());
        }
        if (cart.customerGroup() != null) {
            n.put("cg", cart.customerGroup());
        }
        n.put("cu", cart.currency().getCurrencyCode());
        n.put("co", cart.country());
        n.put("st", cart.state().name());
        n.put("v", cart.version());
        ArrayNode lines = n.putArray("l");
        for (LineItem line : cart.lines()) {
            ObjectNode l = lines.addObject();
            l.put("i", line.id().value());
            l.put("s", line.sku().value());
            l.put("q", line.quantity());
            l.put("w", line.warehouse());
            if (line.addedUnitPrice() != null) {
                l.put("pm", line.addedUnitPrice().minor());
                l.put("pc", line.addedUnitPrice().currency().getCurrencyCode());
            }
            l.put("a", line.addedAt().toString());
        }
        ArrayNode codes = n.putArray("cd");
        cart.codes().forEach(codes::add);
        if (cart.shippingMethod() != null) {
            n.put("sm", cart.shippingMethod());
        }
        n.put("md", cart.metadata());
        n.put("ca", cart.createdAt().toString());
        n.put("ua", cart.updatedAt().toString());
        n.put("ea", cart.expiresAt().toString());
        if (cart.abandonedAt() != null) {
            n.put("aa", cart.abandonedAt().toString());
        }
        return n.toString();
    }

    /** The cart, or empty when the payload is unreadable by this version. */
    static Optional<Cart> decodeCart(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            JsonNode n = readable(json);
            if (n == null) {
                return Optional.empty();
            }
            JsonNode o = n.get("o");
            CartOwner owner;
            if (o.hasNonNull("g")) {
                owner = new CartOwner.Guest(o.get("g").asText());
            } else {
                owner = new CartOwner.Customer(new CustomerId(o.get("c").asText()));
            }
            List<LineItem> lines = new ArrayList<>();
            for (JsonNode l : n.get("l")) {
                Money price = l.hasNonNull("pm")
                        ? Money.ofMinor(l.get("pm").asLong(), Currency.getInstance(l.get("pc").asText()))
                        : null;
                lines.add(new LineItem(new LineId(l.get("i").asText()), Sku.of(l.get("s").asText()),
                        l.get("q").intValue(), l.get("w").asText(), price, Instant.parse(l.get("a").asText())));
            }
            List<String> codes = new ArrayList<>();
            for (JsonNode c : n.get("cd")) {
                codes.add(c.asText());
            }
            return Optional.of(new Cart(
                    CartId.parse(n.get("id").asText()),
                    owner,
                    text(n, "cg"),
                    Currency.getInstance(n.get("cu").asText()),
                    n.get("co").asText(),
                    CartState.valueOf(n.get("st").asText()),
                    n.get("v").asLong(),
                    lines,
                    codes,
                    text(n, "sm"),
                    n.get("md").asText(),
                    Instant.parse(n.get("ca").asText()),
                    Instant.parse(n.get("ua").asText()),
                    Instant.parse(n.get("ea").asText()),
                    instant(n, "aa")));
        } catch (RuntimeException e) {
            // unknown enum constant, missing field, model validation: unreadable, never an error
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- events

    static String encode(CartEvent event) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("fv", CURRENT);
        n.put("c", event.cartId().toString());
        n.put("s", event.sequence());
        n.put("i", event.index());
        n.put("t", event.type().name());
        n.put("at", event.at().toString());
        ObjectNode d = n.putObject("d");
        event.sortedData().forEach(d::put);
        return n.toString();
    }

    static Optional<CartEvent> decodeEvent(String json) {
        try {
            JsonNode n = readable(json);
            if (n == null) {
                return Optional.empty();
            }
            Map<String, String> data = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.get("d").properties()) {
                data.put(e.getKey(), e.getValue().asText());
            }
            return Optional.of(new CartEvent(CartId.parse(n.get("c").asText()), n.get("s").asLong(),
                    n.get("i").intValue(), CartEvent.Type.valueOf(n.get("t").asText()),
                    Instant.parse(n.get("at").asText()), data));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- idempotency

    static String encode(IdempotencyRecord record) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("fv", CURRENT);
        n.put("k", record.key());
        n.put("f", record.fingerprint());
        n.put("r", record.response());
        n.put("e", record.expiresAt().toString());
        return n.toString();
    }

    static Optional<IdempotencyRecord> decodeIdempotency(String json) {
        try {
            JsonNode n = readable(json);
            if (n == null) {
                return Optional.empty();
            }
            return Optional.of(new IdempotencyRecord(n.get("k").asText(), n.get("f").asText(),
                    n.get("r").asText(), Instant.parse(n.get("e").asText())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The parsed object when its format version is readable here, else null. */
    private static JsonNode readable(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                return null;
            }
            JsonNode fv = n.get("fv");
            if (fv == null || !fv.canConvertToInt()) {
                return null;
            }
            int version = fv.intValue();
            return version >= MIN_READABLE && version <= CURRENT ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : Instant.parse(t);
    }
}
