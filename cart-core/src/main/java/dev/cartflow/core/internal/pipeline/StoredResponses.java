package dev.cartflow.core.internal.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.core.codec.PricedCartCodec;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.merge.MergeLine;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one codec of stored responses (execute, merge, checkout): an envelope
 * {@code {"format":2,"kind":...}} with carts in the cart codec ({@link CartCodec}), a checkout's
 * priced cart in the priced-cart codec ({@link PricedCartCodec}), and every other
 * field named explicitly, so a stored response never depends on a class's private fields. Reads
 * what earlier versions stored (a bare cart for execute, the reflective form for merge and
 * checkout) so that a rolling deploy replays old keys.
 */
public final class StoredResponses {
    /** The format written. */
    public static final int FORMAT = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StoredResponses() {
    }

    /** The stored form of a command's response. */
    public static String write(Cart cart) {
        ObjectNode root = envelope("cart");
        root.putRawValue("cart", cart(cart));
        return root.toString();
    }

    /** The stored form of a merge's response. */
    public static String write(MergeResult result) {
        ObjectNode root = envelope("merge");
        root.putRawValue("cart", cart(result.cart()));
        root.putRawValue("guestCart", cart(result.guestCart()));
        ArrayNode lines = root.putArray("lines");
        for (MergeLine l : result.lines()) {
            lines.addObject().put("sku", l.sku().value()).put("wh", l.warehouse()).put("guest", l.guestQuantity())
                    .put("customer", l.customerQuantity()).put("result", l.resultQuantity())
                    .put("outcome", l.outcome().name()).put("reason", l.reason());
        }
        strings(root.putArray("codes"), result.codes());
        root.put("preview", result.preview());
        return root.toString();
    }

    /** The stored form of a checkout's response. */
    public static String write(CheckoutResult result) {
        ObjectNode root = envelope("checkout");
        root.putRawValue("cart", cart(result.cart()));
        root.putRawValue("priced", priced(result.priced()));
        root.put("reservation", result.reservationId());
        strings(root.putArray("redeemed"), result.redeemed());
        return root.toString();
    }

    /** Reads a command's response (also a bare cart, as stored before format 2). */
    public static Cart readCart(String json) {
        JsonNode root = parse(json);
        if (!root.has("format")) {
            return CartCodec.read(json);
        }
        return read(root, "cart", r -> cart(r.get("cart")));
    }

    /** Reads a merge's response (also the reflective form stored before format 2). */
    public static MergeResult readMerge(String json) {
        JsonNode root = parse(json);
        if (!root.has("format")) {
            return LegacyResponses.read(json, MergeResult.class);
        }
        return read(root, "merge", r -> {
            List<MergeLine> lines = new ArrayList<>();
            for (JsonNode l : r.get("lines")) {
                lines.add(new MergeLine(new Sku(l.get("sku").asText()), l.get("wh").asText(), l.get("guest").asInt(),
                        l.get("customer").asInt(), l.get("result").asInt(),
                        MergeLine.Outcome.valueOf(l.get("outcome").asText()), l.get("reason").asText()));
            }
            return new MergeResult(cart(r.get("cart")), cart(r.get("guestCart")), lines, strings(r.get("codes")),
                    r.get("preview").asBoolean());
        });
    }

    /** Reads a checkout's response (also the reflective form stored before format 2). */
    public static CheckoutResult readCheckout(String json) {
        JsonNode root = parse(json);
        if (!root.has("format")) {
            return LegacyResponses.read(json, CheckoutResult.class);
        }
        return read(root, "checkout", r -> new CheckoutResult(cart(r.get("cart")), priced(r.get("priced")),
                r.get("reservation").asText(), strings(r.get("redeemed"))));
    }

    private static ObjectNode envelope(String kind) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("kind", kind);
        return root;
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw CartException.internal("a stored response is not a JSON object", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw CartException.internal("a stored response is not JSON", e);
        }
    }

    /** A stored response we cannot read is our data, not the caller's input: {@code INTERNAL}. */
    private static <T> T read(JsonNode root, String kind, Function<JsonNode, T> reader) {
        if (root.path("format").asInt() != FORMAT || !kind.equals(root.path("kind").asText())) {
            throw CartException.internal("stored response is not a " + kind + " in format " + FORMAT, null);
        }
        try {
            return reader.apply(root);
        } catch (CartException e) {
            throw CartException.internal("unreadable stored " + kind, e);
        } catch (RuntimeException e) {
            throw CartException.internal("unreadable stored " + kind, e);
        }
    }

    /**
     * The cart codec's JSON, embedded as it was written: parsing it into a tree only to print it
     * again took a tenth of the engine's CPU in the load driver's checkouts (issue 14).
     */
    private static RawValue cart(Cart cart) {
        return new RawValue(CartCodec.write(cart, CartCodec.Keys.COMPACT));
    }

    private static Cart cart(JsonNode node) {
        return CartCodec.read(node.toString());
    }

    /** The priced cart in the one priced-cart codec, which reads what format 2 always stored. */
    private static RawValue priced(PricedCart p) {
        return new RawValue(PricedCartCodec.write(p));
    }

    private static PricedCart priced(JsonNode node) {
        return PricedCartCodec.read(node.toString());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

}
