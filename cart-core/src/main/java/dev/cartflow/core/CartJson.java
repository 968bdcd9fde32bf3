package dev.cartflow.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * A versioned JSON form of a {@link Cart}, for storage adapters (snapshots, import and export) and
 * idempotent responses. Field {@code "f"} holds the format version; a reader rejects versions it
 * does not know with {@code INVALID_INPUT} so that a caller can treat the entry as missing.
 */
public final class CartJson {
    /** The format version written. */
    public static final int FORMAT = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CartJson() {
    }

    /** The cart as compact JSON text. */
    public static String write(Cart cart) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("f", FORMAT);
        root.put("id", cart.id().toString());
        if (cart.owner() instanceof CartOwner.Guest g) {
            root.put("guest", g.tokenHash());
        } else if (cart.owner() instanceof CartOwner.Customer c) {
            root.put("customer", c.customerId().value());
        }
        if (cart.customerGroup() != null) {
            root.put("group", cart.customerGroup());
        }
        root.put("currency", cart.currency().getCurrencyCode());
        root.put("country", cart.country());
        root.put("state", cart.state().name());
        root.put("version", cart.version());
        ArrayNode lines = root.putArray("lines");
        for (LineItem line : cart.lines()) {
            ObjectNode l = lines.addObject();
            l.put("id", line.id().value());
            l.put("sku", line.sku().value());
            l.put("qty", line.quantity());
            l.put("wh", line.warehouse());
            if (line.addedUnitPrice() != null) {
                l.put("price", line.addedUnitPrice().minor());
                l.put("priceCurrency", line.addedUnitPrice().currency().getCurrencyCode());
            }
            l.put("at", line.addedAt().toString());
        }
        ArrayNode codes = root.putArray("codes");
        cart.codes().forEach(codes::add);
        if (cart.shippingMethod() != null) {
            root.put("shipping", cart.shippingMethod());
        }
        root.put("metadata", cart.metadata());
        root.put("created", cart.createdAt().toString());
        root.put("updated", cart.updatedAt().toString());
        root.put("expires", cart.expiresAt().toString());
        if (cart.abandonedAt() != null) {
            root.put("abandoned", cart.abandonedAt().toString());
        }
        return root.toString();
    }

    /** Reads what {@link #write} wrote; anything else fails with {@code INVALID_INPUT}. */
    public static Cart read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject() || root.path("f").asInt(-1) != FORMAT) {
                throw CartException.invalidInput("not a cart in format " + FORMAT);
            }
            CartOwner owner = root.hasNonNull("guest") ? new CartOwner.Guest(root.get("guest").asText())
                    : new CartOwner.Customer(new CustomerId(text(root, "customer")));
            List<LineItem> lines = new ArrayList<>();
            for (JsonNode l : root.path("lines")) {
                Money price = l.hasNonNull("price")
                        ? new Money(l.get("price").asLong(), Currency.getInstance(text(l, "priceCurrency"))) : null;
                lines.add(new LineItem(new LineId(text(l, "id")), new Sku(text(l, "sku")), l.path("qty").asInt(),
                        text(l, "wh"), price, Instant.parse(text(l, "at"))));
            }
            List<String> codes = new ArrayList<>();
            root.path("codes").forEach(c -> codes.add(c.asText()));
            return new Cart(CartId.parse(text(root, "id")), owner,
                    root.hasNonNull("group") ? root.get("group").asText() : null,
                    Currency.getInstance(text(root, "currency")), text(root, "country"),
                    CartState.valueOf(text(root, "state")), root.path("version").asLong(), lines, codes,
                    root.hasNonNull("shipping") ? root.get("shipping").asText() : null, text(root, "metadata"),
                    Instant.parse(text(root, "created")), Instant.parse(text(root, "updated")),
                    Instant.parse(text(root, "expires")),
                    root.hasNonNull("abandoned") ? Instant.parse(root.get("abandoned").asText()) : null);
        } catch (CartException e) {
            throw e;
        } catch (JsonProcessingException | RuntimeException e) {
            throw new CartException(dev.cartflow.error.CartErrorCode.INVALID_INPUT, "unreadable cart JSON", e);
        }
    }

    /** Host metadata in stored form; the rule is {@link MetadataText}'s. */
    static String normalizeMetadata(String json, int maxBytes) {
        return MetadataText.normalize(json, maxBytes);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw CartException.invalidInput("missing field " + field);
        }
        return value.asText();
    }
}
