package dev.cartflow.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A pricing-only player of the public scenario format, used to check the figures of the scenario
 * files this module contributes to cart-tck before the real runner exists. It supports the ops
 * pricing scenarios use (create, add, setQuantity, remove, applyCode, removeCode, selectShipping,
 * setCountry, expect) and rejects unknown keys like the real runner must.
 */
final class ScenarioPlayer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("name", "description", "source", "settings", "catalog",
            "promotions", "shipping", "steps");
    private static final Set<String> SETTINGS = Set.of("currency", "country", "taxMode", "taxCalculation", "rounding",
            "limits", "guestTtl", "customerTtl");
    private static final Set<String> CATALOG = Set.of("sku", "price", "taxRate", "taxRates", "category", "brand",
            "weight", "stock", "minQuantity", "maxQuantity", "quantityStep", "countries");
    private static final Set<String> PROMO = Set.of("id", "code", "priority", "stacking", "basis", "target", "action",
            "conditions", "maxDiscount", "maxUses", "maxUsesPerCustomer");
    private static final Set<String> TARGET = Set.of("scope", "skus", "categories", "brands");
    private static final Set<String> ACTION = Set.of("type", "value", "per", "buy", "get", "percent");
    private static final Set<String> CONDITIONS = Set.of("minSubtotal", "minQuantity", "customerGroups", "countries",
            "validFrom", "validTo");
    private static final Set<String> SHIPPING = Set.of("id", "price", "freeAbove", "taxRate", "maxWeight", "countries");
    private static final Set<String> EXPECT = Set.of("op", "cart", "subtotal", "discount", "shipping", "tax", "total",
            "net", "state", "lineCount", "lines", "promotions", "codes");
    private static final Set<String> EXPECT_LINE = Set.of("sku", "quantity", "subtotal", "discount", "tax", "total");
    private static final Map<String, Set<String>> OPS = Map.of(
            "create", Set.of("op", "cart", "customer", "customerGroup", "currency", "country"),
            "add", Set.of("op", "cart", "sku", "qty", "warehouse"),
            "setQuantity", Set.of("op", "cart", "sku", "qty"),
            "remove", Set.of("op", "cart", "sku"),
            "applyCode", Set.of("op", "cart", "code"),
            "removeCode", Set.of("op", "cart", "code"),
            "selectShipping", Set.of("op", "cart", "method"),
            "setCountry", Set.of("op", "cart", "country"));

    private ScenarioPlayer() {
    }

    /** Plays one file; fails with an assertion naming the file, step and key on any mismatch. */
    static void play(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        String where = file.getFileName().toString();
        keys(root, TOP, where);
        JsonNode settings = root.path("settings");
        keys(settings, SETTINGS, where + " settings");
        String currency = settings.path("currency").asText("EUR");
        String country = settings.path("country").asText("DE");
        PricingPolicy policy = new PricingPolicy(
                PricingPolicy.TaxMode.valueOf(settings.path("taxMode").asText("EXCLUSIVE")),
                PricingPolicy.TaxCalculation.valueOf(settings.path("taxCalculation").asText("LINE")),
                RoundingMode.valueOf(settings.path("rounding").asText("HALF_EVEN")));

        Map<String, World> carts = new HashMap<>();
        Map<String, ShippingMethod> methods = new HashMap<>();
        int stepNo = 0;
        for (JsonNode step : root.path("steps")) {
            stepNo++;
            String at = where + " step " + stepNo;
            String op = step.path("op").asText();
            String cartName = step.path("cart").asText("main");
            World w = carts.get(cartName);
            if (w == null) {
                w = newWorld(root, currency, country, policy, at);
                carts.put(cartName, w);
                for (JsonNode m : root.path("shipping")) {
                    keys(m, SHIPPING, at + " shipping");
                    ShippingMethod method = new ShippingMethod(m.path("id").asText(), w.money(m.path("price").asText()),
                            m.has("freeAbove") ? w.money(m.path("freeAbove").asText()) : null,
                            m.has("taxRate") ? List.of(Rate.parse(m.path("taxRate").asText())) : List.of(),
                            Long.MAX_VALUE, Set.of());
                    methods.put(method.id(), method);
                }
            }
            if (op.equals("expect")) {
                keys(step, EXPECT, at);
                expect(w.price(), step, at);
                continue;
            }
            Set<String> allowed = OPS.get(op);
            assertThat(allowed).as(at + ": op " + op + " not supported by the pricing player").isNotNull();
            keys(step, allowed, at);
            switch (op) {
                case "create" -> {
                    if (step.has("customerGroup")) {
                        w.customerGroup = step.path("customerGroup").asText();
                    }
                    if (step.has("country")) {
                        w.country = step.path("country").asText();
                    }
                }
                case "add" -> w.add(step.path("sku").asText(), step.path("qty").asInt());
                case "setQuantity" -> w.setQuantity(step.path("sku").asText(), step.path("qty").asInt());
                case "remove" -> w.remove(step.path("sku").asText());
                case "applyCode" -> w.code(step.path("code").asText());
                case "removeCode" -> w.codes.remove(step.path("code").asText());
                case "selectShipping" -> w.shipping = methods.get(step.path("method").asText());
                case "setCountry" -> w.country = step.path("country").asText();
                default -> throw new AssertionError(at + ": unexpected op " + op);
            }
        }
    }

    private static World newWorld(JsonNode root, String currency, String country, PricingPolicy policy, String at) {
        World w = World.eur().currency(currency);
        w.country = country;
        w.policy = policy;
        for (JsonNode c : root.path("catalog")) {
            keys(c, CATALOG, at + " catalog");
            List<String> rates = new ArrayList<>();
            if (c.has("taxRate")) {
                rates.add(c.path("taxRate").asText());
            }
            for (JsonNode r : c.path("taxRates")) {
                rates.add(r.asText());
            }
            w.item(c.path("sku").asText(), c.path("price").asText(), text(c, "category"), text(c, "brand"),
                    rates.toArray(new String[0]));
        }
        for (JsonNode p : root.path("promotions")) {
            w.promo(promotion(p, w, at));
        }
        return w;
    }

    private static Promotion promotion(JsonNode p, World w, String at) {
        keys(p, PROMO, at + " promotion");
        JsonNode target = p.path("target");
        keys(target, TARGET, at + " target");
        JsonNode action = p.path("action");
        keys(action, ACTION, at + " action");
        JsonNode cond = p.path("conditions");
        keys(cond, CONDITIONS, at + " conditions");
        Promotion.Action a = switch (action.path("type").asText()) {
            case "PERCENT" -> new Promotion.Action.Percent(Rate.percent(action.path("value").asText()));
            case "AMOUNT" -> new Promotion.Action.Amount(w.money(action.path("value").asText()),
                    Promotion.Per.valueOf(action.path("per").asText("ORDER")));
            case "FIXED_PRICE" -> new Promotion.Action.FixedPrice(w.money(action.path("value").asText()));
            case "BUY_X_GET_Y" -> new Promotion.Action.BuyXGetY(action.path("buy").asInt(), action.path("get").asInt(),
                    Rate.percent(action.path("percent").asText("100")));
            default -> throw new AssertionError(at + ": action type " + action.path("type"));
        };
        Set<Sku> skus = new HashSet<>();
        target.path("skus").forEach(s -> skus.add(Sku.of(s.asText())));
        return new Promotion(p.path("id").asText(), text(p, "code"), p.path("priority").asInt(0),
                Promotion.Stacking.valueOf(p.path("stacking").asText("STACKABLE")),
                Promotion.Basis.valueOf(p.path("basis").asText("RUNNING")),
                new Promotion.Target(Promotion.Scope.valueOf(target.path("scope").asText("ITEMS")), skus,
                        strings(target.path("categories")), strings(target.path("brands"))),
                a,
                new Promotion.Conditions(cond.has("minSubtotal") ? w.money(cond.path("minSubtotal").asText()) : null,
                        cond.path("minQuantity").asLong(0), strings(cond.path("customerGroups")),
                        strings(cond.path("countries")),
                        cond.has("validFrom") ? Instant.parse(cond.path("validFrom").asText()) : null,
                        cond.has("validTo") ? Instant.parse(cond.path("validTo").asText()) : null),
                p.has("maxDiscount") ? w.money(p.path("maxDiscount").asText()) : null,
                p.path("maxUses").asLong(0), p.path("maxUsesPerCustomer").asLong(0));
    }

    private static void expect(PricedCart priced, JsonNode e, String at) {
        money(e, "subtotal", priced.subtotal(), at);
        money(e, "discount", priced.discount(), at);
        money(e, "shipping", priced.shipping(), at);
        money(e, "tax", priced.tax(), at);
        money(e, "total", priced.total(), at);
        money(e, "net", priced.net(), at);
        if (e.has("lineCount")) {
            assertThat(priced.lines()).as(at + " lineCount").hasSize(e.path("lineCount").asInt());
        }
        for (JsonNode l : e.path("lines")) {
            keys(l, EXPECT_LINE, at + " lines");
            String sku = l.path("sku").asText();
            PricedLine line = World.line(priced, sku);
            if (l.has("quantity")) {
                assertThat(line.quantity()).as(at + " line " + sku + " quantity").isEqualTo(l.path("quantity").asInt());
            }
            money(l, "subtotal", line.subtotal(), at + " line " + sku);
            money(l, "discount", line.discount(), at + " line " + sku);
            money(l, "tax", line.tax(), at + " line " + sku);
            money(l, "total", line.total(), at + " line " + sku);
        }
        for (JsonNode p : e.path("promotions")) {
            keys(p, Set.of("id", "result", "amount"), at + " promotions");
            PromotionExplanation x = World.explanation(priced, p.path("id").asText());
            assertThat(x.result().name()).as(at + " promotion " + x.promotionId() + " result (" + x.reason() + ")")
                    .isEqualTo(p.path("result").asText());
            money(p, "amount", x.amount(), at + " promotion " + x.promotionId());
        }
        for (JsonNode c : e.path("codes")) {
            keys(c, Set.of("code", "state"), at + " codes");
            CodeStatus status = priced.codes().stream().filter(s -> s.code().equals(c.path("code").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError(at + " code " + c.path("code") + " missing"));
            assertThat(status.state().name()).as(at + " code " + status.code()).isEqualTo(c.path("state").asText());
        }
    }

    private static void money(JsonNode node, String key, Money actual, String at) {
        if (node.has(key)) {
            JsonNode v = node.path(key);
            assertThat(v.isTextual()).as(at + " " + key + " must be a decimal string").isTrue();
            assertThat(actual.toDecimalString()).as(at + " " + key).isEqualTo(v.asText());
        }
    }

    private static void keys(JsonNode node, Set<String> allowed, String at) {
        if (node.isMissingNode()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            assertThat(allowed).as(at + ": unknown key '" + key + "'").contains(key);
        }
    }

    private static String text(JsonNode node, String key) {
        return node.has(key) ? node.path(key).asText() : null;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(s -> out.add(s.asText()));
        return out;
    }
}
