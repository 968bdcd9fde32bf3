package dev.cartflow.core.internal.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.merge.MergeLine;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.LineId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceChange;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.model.TaxAmount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one codec of stored responses (execute, merge, checkout): an envelope
 * {@code {"format":2,"kind":...}} with carts in the cart codec ({@link CartJson}) and every other
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
        root.set("cart", cart(cart));
        return root.toString();
    }

    /** The stored form of a merge's response. */
    public static String write(MergeResult result) {
        ObjectNode root = envelope("merge");
        root.set("cart", cart(result.cart()));
        root.set("guestCart", cart(result.guestCart()));
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
        root.set("cart", cart(result.cart()));
        root.set("priced", priced(result.priced()));
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

    private static JsonNode cart(Cart cart) {
        try {
            return MAPPER.readTree(CartCodec.write(cart, CartCodec.Keys.COMPACT));
        } catch (JsonProcessingException e) {
            throw CartException.internal("the cart codec wrote no JSON", e);
        }
    }

    private static Cart cart(JsonNode node) {
        return CartCodec.read(node.toString());
    }

    private static ObjectNode priced(PricedCart p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.set("cart", cart(p.cart()));
        n.put("currency", p.currency().getCurrencyCode());
        ArrayNode lines = n.putArray("lines");
        for (PricedLine l : p.lines()) {
            ObjectNode line = lines.addObject().put("id", l.lineId().value()).put("sku", l.sku().value())
                    .put("qty", l.quantity());
            money(line, "unit", l.unitPrice());
            money(line, "subtotal", l.subtotal());
            money(line, "discount", l.discount());
            money(line, "tax", l.tax());
            money(line, "total", l.total());
            money(line, "net", l.net());
            taxes(line.putArray("taxes"), l.taxes());
            ArrayNode discounts = line.putArray("discounts");
            for (LineDiscount d : l.discounts()) {
                money(discounts.addObject().put("promotion", d.promotionId()), "amount", d.amount());
            }
        }
        money(n, "subtotal", p.subtotal());
        money(n, "discount", p.discount());
        money(n, "shipping", p.shipping());
        money(n, "shippingDiscount", p.shippingDiscount());
        money(n, "shippingTax", p.shippingTax());
        money(n, "tax", p.tax());
        taxes(n.putArray("taxes"), p.taxes());
        money(n, "total", p.total());
        money(n, "net", p.net());
        ArrayNode promotions = n.putArray("promotions");
        for (PromotionExplanation e : p.promotions()) {
            ObjectNode o = promotions.addObject().put("id", e.promotionId()).put("code", e.code())
                    .put("result", e.result().name()).put("reason", e.reason());
            money(o, "amount", e.amount());
        }
        ArrayNode codes = n.putArray("codes");
        p.codes().forEach(c -> codes.addObject().put("code", c.code()).put("state", c.state().name()));
        ArrayNode changes = n.putArray("priceChanges");
        for (PriceChange c : p.priceChanges()) {
            ObjectNode o = changes.addObject().put("line", c.lineId().value()).put("sku", c.sku().value());
            money(o, "previous", c.previous());
            money(o, "current", c.current());
        }
        if (p.exchangeRate() != null) {
            ExchangeRate r = p.exchangeRate();
            ObjectNode o = n.putObject("exchangeRate").put("from", r.from().getCurrencyCode())
                    .put("to", r.to().getCurrencyCode()).put("asOf", r.asOf().toString());
            rate(o, r.rate());
        }
        n.put("pricedAt", p.pricedAt().toString());
        if (p.degraded()) {
            // Only when there are any, so that responses without fallbacks keep their exact format.
            ArrayNode fallbacks = n.putArray("fallbacks");
            p.fallbacks().forEach(fallbacks::add);
        }
        return n;
    }

    private static PricedCart priced(JsonNode n) {
        List<PricedLine> lines = new ArrayList<>();
        for (JsonNode l : n.get("lines")) {
            List<LineDiscount> discounts = new ArrayList<>();
            l.get("discounts").forEach(d -> discounts.add(new LineDiscount(d.get("promotion").asText(),
                    money(d.get("amount")))));
            lines.add(new PricedLine(new LineId(l.get("id").asText()), new Sku(l.get("sku").asText()),
                    l.get("qty").asInt(), money(l.get("unit")), money(l.get("subtotal")), money(l.get("discount")),
                    money(l.get("tax")), money(l.get("total")), money(l.get("net")), taxes(l.get("taxes")),
                    discounts));
        }
        List<PromotionExplanation> promotions = new ArrayList<>();
        n.get("promotions").forEach(e -> promotions.add(new PromotionExplanation(e.get("id").asText(),
                text(e.get("code")), PromotionResult.valueOf(e.get("result").asText()), money(e.get("amount")),
                text(e.get("reason")))));
        List<CodeStatus> codes = new ArrayList<>();
        n.get("codes").forEach(c -> codes.add(new CodeStatus(c.get("code").asText(),
                CodeStatus.State.valueOf(c.get("state").asText()))));
        List<PriceChange> changes = new ArrayList<>();
        n.get("priceChanges").forEach(c -> changes.add(new PriceChange(new LineId(c.get("line").asText()),
                new Sku(c.get("sku").asText()), money(c.get("previous")), money(c.get("current")))));
        JsonNode r = n.get("exchangeRate");
        ExchangeRate exchangeRate = r == null || r.isNull() ? null
                : new ExchangeRate(Currency.getInstance(r.get("from").asText()),
                        Currency.getInstance(r.get("to").asText()), rate(r.get("rate")),
                        Instant.parse(r.get("asOf").asText()));
        return new PricedCart(cart(n.get("cart")), Currency.getInstance(n.get("currency").asText()), lines,
                money(n.get("subtotal")), money(n.get("discount")), money(n.get("shipping")),
                money(n.get("shippingDiscount")), money(n.get("shippingTax")), money(n.get("tax")),
                taxes(n.get("taxes")), money(n.get("total")), money(n.get("net")), promotions, codes, changes,
                exchangeRate, Instant.parse(n.get("pricedAt").asText())).withFallbacks(fallbacks(n.get("fallbacks")));
    }

    private static Set<String> fallbacks(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node != null) {
            node.forEach(f -> names.add(f.asText()));
        }
        return names;
    }

    private static void money(ObjectNode node, String field, Money money) {
        if (money == null) {
            node.putNull(field);
        } else {
            node.putArray(field).add(money.minor()).add(money.currency().getCurrencyCode());
        }
    }

    private static Money money(JsonNode node) {
        return node == null || node.isNull() ? null
                : new Money(node.get(0).asLong(), Currency.getInstance(node.get(1).asText()));
    }

    private static void rate(ObjectNode node, Rate rate) {
        node.putArray("rate").add(rate.unscaled()).add(rate.scale());
    }

    private static Rate rate(JsonNode node) {
        return new Rate(node.get(0).asLong(), node.get(1).asInt());
    }

    private static void taxes(ArrayNode array, List<TaxAmount> taxes) {
        for (TaxAmount t : taxes) {
            ObjectNode o = array.addObject();
            rate(o, t.rate());
            money(o, "amount", t.amount());
        }
    }

    private static List<TaxAmount> taxes(JsonNode array) {
        List<TaxAmount> taxes = new ArrayList<>();
        array.forEach(t -> taxes.add(new TaxAmount(rate(t.get("rate")), money(t.get("amount")))));
        return taxes;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
