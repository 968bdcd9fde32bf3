package dev.cartflow.core.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.Hint;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one JSON form of a {@link PricedCart}: the figures of a frozen cart (inside the cart document
 * of {@link CartCodec}, and in cart-jdbi's freeze column) and of a stored checkout response. The
 * priced cart's own cart is a {@link CartCodec} document; amounts are {@code [minor, "CUR"]} pairs,
 * rates {@code [unscaled, scale]}. The format is the one stored checkout responses have always used
 * (format 2 of the engine's stored responses), so those still read; {@code "fv"} (the format version,
 * {@value #FORMAT_VERSION}) is written since it became a codec of its own and is optional on read.
 *
 * <pre>{@code
 * String json = PricedCartCodec.write(priced);
 * PricedCart again = PricedCartCodec.read(json);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PricedCartCodec {
    /** The format version written, and the newest one read. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PricedCartCodec() {
    }

    /**
     * The priced cart as one line of JSON, its cart in the compact key set.
     *
     * @param priced the priced cart
     * @return the document
     */
    public static String write(PricedCart priced) {
        return node(CartException.requireNonNull(priced, "priced cart"), CartCodec.Keys.COMPACT).toString();
    }

    /**
     * Reads a document written by {@link #write}, or the priced cart of a stored checkout response.
     *
     * @param json the document
     * @return the priced cart
     * @throws CartException {@code INVALID_INPUT} when the text is not such a document (malformed,
     *                       a newer format version, a missing or mistyped key, a value the model
     *                       refuses); the message names keys, never values
     */
    public static PricedCart read(String json) {
        CartException.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw CartException.invalidInput("priced cart JSON is malformed");
        }
        if (root == null || !root.isObject()) {
            throw CartException.invalidInput("a priced cart document must be a JSON object");
        }
        try {
            return read(root);
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CartException.internal("reading a priced cart document failed", e);
        }
    }

    /** The document as a tree, its cart in the given key set. */
    static ObjectNode node(PricedCart p, CartCodec.Keys keys) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("fv", FORMAT_VERSION);
        n.set("cart", CartCodec.node(p.cart(), keys));
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
            rate(o, "rate", r.rate());
        }
        n.put("pricedAt", p.pricedAt().toString());
        // The two lists below only when not empty, so that documents without them keep the format
        // stored checkout responses have always had.
        if (!p.allLinesPriced()) {
            ArrayNode unavailable = n.putArray("unavailable");
            p.unavailableLines().forEach(id -> unavailable.add(id.value()));
        }
        if (p.degraded()) {
            ArrayNode fallbacks = n.putArray("fallbacks");
            p.fallbacks().forEach(fallbacks::add);
        }
        if (!p.hints().isEmpty()) {
            ArrayNode hints = n.putArray("hints");
            for (Hint h : p.hints()) {
                ObjectNode o = hints.addObject().put("subject", h.subject().name()).put("id", h.id())
                        .put("kind", h.kind().name());
                if (h.missingAmount() != null) {
                    money(o, "amount", h.missingAmount());
                } else {
                    o.put("units", h.missingUnits());
                }
            }
        }
        return n;
    }

    /** Reads a tree of {@link #node}; {@code INVALID_INPUT} naming the key on anything wrong. */
    static PricedCart read(JsonNode n) {
        JsonNode version = n.get("fv");
        if (version != null && (!version.isIntegralNumber() || version.asLong() < 1
                || version.asLong() > FORMAT_VERSION)) {
            throw CartException.invalidInput("priced cart format version is not one this reader knows");
        }
        List<PricedLine> lines = new ArrayList<>();
        for (JsonNode l : objects(n, "lines")) {
            List<LineDiscount> discounts = new ArrayList<>();
            for (JsonNode d : objects(l, "discounts")) {
                discounts.add(new LineDiscount(Nodes.text(d, "promotion"), money(d, "amount")));
            }
            lines.add(new PricedLine(new LineId(Nodes.text(l, "id")), new Sku(Nodes.text(l, "sku")),
                    Nodes.smallNumber(l, "qty"), money(l, "unit"), money(l, "subtotal"), money(l, "discount"),
                    money(l, "tax"), money(l, "total"), money(l, "net"), taxes(l), discounts));
        }
        List<PromotionExplanation> promotions = new ArrayList<>();
        for (JsonNode e : objects(n, "promotions")) {
            promotions.add(new PromotionExplanation(Nodes.text(e, "id"), Nodes.optionalText(e, "code"),
                    Nodes.constant(e, "result", PromotionResult.class), money(e, "amount"),
                    Nodes.optionalText(e, "reason")));
        }
        List<CodeStatus> codes = new ArrayList<>();
        for (JsonNode c : objects(n, "codes")) {
            codes.add(new CodeStatus(Nodes.text(c, "code"), Nodes.constant(c, "state", CodeStatus.State.class)));
        }
        List<PriceChange> changes = new ArrayList<>();
        for (JsonNode c : objects(n, "priceChanges")) {
            changes.add(new PriceChange(new LineId(Nodes.text(c, "line")), new Sku(Nodes.text(c, "sku")),
                    money(c, "previous"), money(c, "current")));
        }
        JsonNode r = Nodes.optionalObject(n, "exchangeRate");
        ExchangeRate exchangeRate = r == null ? null
                : new ExchangeRate(Nodes.currency(Nodes.text(r, "from")), Nodes.currency(Nodes.text(r, "to")),
                        rate(r, "rate"), Nodes.instant(r, "asOf"));
        List<LineId> unavailable = new ArrayList<>();
        for (JsonNode id : Nodes.optionalArray(n, "unavailable")) {
            unavailable.add(new LineId(textElement(id, "unavailable")));
        }
        Set<String> fallbacks = new TreeSet<>();
        for (JsonNode f : Nodes.optionalArray(n, "fallbacks")) {
            fallbacks.add(textElement(f, "fallbacks"));
        }
        List<Hint> hints = new ArrayList<>();
        if (Nodes.optionalArray(n, "hints").size() > 0) {
            for (JsonNode h : objects(n, "hints")) {
                Hint.Kind kind = Nodes.constant(h, "kind", Hint.Kind.class);
                hints.add(new Hint(Nodes.constant(h, "subject", Hint.Subject.class), Nodes.text(h, "id"), kind,
                        kind == Hint.Kind.AMOUNT ? money(h, "amount") : null,
                        kind == Hint.Kind.AMOUNT ? 0 : Nodes.wholeNumber(h, "units")));
            }
        }
        return new PricedCart(CartCodec.read(Nodes.object(n, "cart")), Nodes.currency(Nodes.text(n, "currency")),
                lines, money(n, "subtotal"), money(n, "discount"), money(n, "shipping"),
                money(n, "shippingDiscount"), money(n, "shippingTax"), money(n, "tax"), taxes(n), money(n, "total"),
                money(n, "net"), promotions, codes, changes, exchangeRate, Nodes.instant(n, "pricedAt"), unavailable,
                fallbacks, hints);
    }

    private static List<JsonNode> objects(JsonNode node, String key) {
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode element : Nodes.array(node, key)) {
            if (!element.isObject()) {
                throw CartException.invalidInput(key + " must hold objects");
            }
            objects.add(element);
        }
        return objects;
    }

    private static String textElement(JsonNode element, String key) {
        if (!element.isTextual()) {
            throw CartException.invalidInput(key + " must hold text");
        }
        return element.asText();
    }

    private static void money(ObjectNode node, String field, Money money) {
        if (money == null) {
            node.putNull(field);
        } else {
            node.putArray(field).add(money.minor()).add(money.currency().getCurrencyCode());
        }
    }

    /** A {@code [minor, "CUR"]} pair, or null when the value is null or absent. */
    private static Money money(JsonNode node, String field) {
        JsonNode pair = node.get(field);
        if (pair == null || pair.isNull()) {
            return null;
        }
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isIntegralNumber() || !pair.get(0).canConvertToLong()
                || !pair.get(1).isTextual()) {
            throw CartException.invalidInput(field + " must be [minor units, currency]");
        }
        return new Money(pair.get(0).longValue(), Nodes.currency(pair.get(1).asText()));
    }

    private static void rate(ObjectNode node, String field, Rate rate) {
        node.putArray(field).add(rate.unscaled()).add(rate.scale());
    }

    private static Rate rate(JsonNode node, String field) {
        JsonNode pair = Nodes.required(node, field);
        if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isIntegralNumber() || !pair.get(0).canConvertToLong()
                || !pair.get(1).isIntegralNumber() || !pair.get(1).canConvertToInt()) {
            throw CartException.invalidInput(field + " must be [unscaled, scale]");
        }
        return new Rate(pair.get(0).longValue(), pair.get(1).intValue());
    }

    private static void taxes(ArrayNode array, List<TaxAmount> taxes) {
        for (TaxAmount t : taxes) {
            ObjectNode o = array.addObject();
            rate(o, "rate", t.rate());
            money(o, "amount", t.amount());
        }
    }

    private static List<TaxAmount> taxes(JsonNode node) {
        List<TaxAmount> taxes = new ArrayList<>();
        for (JsonNode t : objects(node, "taxes")) {
            taxes.add(new TaxAmount(rate(t, "rate"), money(t, "amount")));
        }
        return taxes;
    }
}
