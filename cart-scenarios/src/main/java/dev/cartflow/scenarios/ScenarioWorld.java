package dev.cartflow.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.core.CartEngine;
import dev.cartflow.model.CartKind;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartException;
import dev.cartflow.tck.MutableClock;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The in-memory world of one scenario file: providers, repository, clock and engine. */
final class ScenarioWorld {
    final String file;
    final Currency currency;
    final String country;
    final MutableClock clock;
    final InMemoryCartRepository repository = new InMemoryCartRepository();
    final InMemoryInventory inventory = new InMemoryInventory();
    final InMemoryPricing pricing = new InMemoryPricing();
    private final java.util.Map<Sku, Long> stock = new java.util.HashMap<>();
    private final Set<String> stocked = new HashSet<>();
    final CartEngine engine;

    ScenarioWorld(String file, JsonNode root, Instant start) {
        this.file = file;
        JsonNode settings = root.path("settings");
        if (!settings.isMissingNode()) {
            Keys.check(file, "settings", settings, Keys.SETTINGS);
        }
        currency = currency(settings.path("currency").asText("EUR"));
        country = settings.path("country").asText("DE");
        PricingPolicy policy = new PricingPolicy(
                enumValue(PricingPolicy.TaxMode.class, settings.path("taxMode").asText("EXCLUSIVE"), "settings.taxMode"),
                enumValue(PricingPolicy.TaxCalculation.class, settings.path("taxCalculation").asText("LINE"),
                        "settings.taxCalculation"),
                enumValue(RoundingMode.class, settings.path("rounding").asText("HALF_EVEN"), "settings.rounding"));
        clock = new MutableClock(start);

        InMemoryCatalog catalog = new InMemoryCatalog();
        JsonNode products = root.path("catalog");
        if (!products.isArray()) {
            throw new ScenarioFormatException(file + ": catalog must be a list");
        }
        int i = 0;
        for (JsonNode p : products) {
            String path = "catalog[" + i++ + "]";
            Keys.check(file, path, p, Keys.PRODUCT);
            Sku sku = new Sku(required(p, "sku", path).asText());
            catalog.put(new Product(sku, textOrNull(p, "category"), textOrNull(p, "brand"), p.path("weight").asLong(0),
                    strings(p.path("countries")), p.path("minQuantity").asInt(1),
                    p.path("maxQuantity").asInt(Integer.MAX_VALUE), p.path("quantityStep").asInt(1)));
            pricing.put(new PriceQuote(sku, money(required(p, "price", path)), rates(p), textOrNull(p, "taxCategory")));
            if (p.has("stock")) {
                stock.put(sku, p.get("stock").asLong());
                stock(sku, LineItem.DEFAULT_WAREHOUSE);
            }
        }
        InMemoryPromotions promotions = new InMemoryPromotions();
        i = 0;
        for (JsonNode p : root.path("promotions")) {
            promotions.put(promotion(p, "promotions[" + i++ + "]"));
        }
        InMemoryShipping shipping = new InMemoryShipping();
        i = 0;
        for (JsonNode s : root.path("shipping")) {
            String path = "shipping[" + i++ + "]";
            Keys.check(file, path, s, Keys.SHIPPING);
            ShippingMethod method = new ShippingMethod(required(s, "id", path).asText(),
                    money(required(s, "price", path)), s.has("freeAbove") ? money(s.get("freeAbove")) : null,
                    s.has("taxRate") ? List.of(Rate.parse(s.get("taxRate").asText())) : List.of(),
                    s.path("maxWeight").asLong(Long.MAX_VALUE), strings(s.path("countries")));
            dev.cartflow.core.memory.ShippingZone zone = AddressWorld.zone(s);
            if (zone == null) {
                shipping.put(method);
            } else {
                shipping.put(method, zone);
            }
        }
        CartLimits limits = CartLimits.DEFAULT;
        JsonNode l = settings.path("limits");
        if (!l.isMissingNode()) {
            Keys.check(file, "settings.limits", l, Keys.LIMITS);
            limits = new CartLimits(l.path("maxLines").asInt(CartLimits.DEFAULT.maxLines()),
                    l.path("maxTotalQuantity").asLong(CartLimits.DEFAULT.maxTotalQuantity()),
                    l.has("maxSubtotal") ? money(l.get("maxSubtotal")) : null);
        }
        dev.cartflow.core.CartEngineBuilder builder = CartEngine.builder();
        dev.cartflow.spi.CustomerProvider customers = AddressWorld.customers(file, root);
        if (customers != null) {
            builder.customers(customers);
        }
        engine = builder
                .repository(repository)
                .catalog(catalog)
                .pricing(pricing)
                .inventory(inventory)
                .promotions(promotions)
                .promotionUsage(new InMemoryPromotionUsageStore())
                .shipping(shipping)
                .tax(AddressWorld.tax(file, root))
                .clock(clock)
                .pricingPolicy(policy)
                .limits(limits)
                .limits(CartKind.SAVED_FOR_LATER, SeveralCartsSteps.kindLimits(this, settings, CartKind.SAVED_FOR_LATER, limits))
                .limits(CartKind.WISH_LIST, SeveralCartsSteps.kindLimits(this, settings, CartKind.WISH_LIST, limits))
                .guestTtl(duration(settings.path("guestTtl").asText("P30D"), "settings.guestTtl"))
                .customerTtl(duration(settings.path("customerTtl").asText("P90D"), "settings.customerTtl"))
                .build();
    }

    /** A product's {@code stock} holds in every warehouse a step names, set on first use. */
    void stock(Sku sku, String warehouse) {
        Long units = stock.get(sku);
        if (units != null && stocked.add(sku.value() + '\u0000' + warehouse)) {
            inventory.setStock(sku, warehouse, units);
        }
    }

    private Promotion promotion(JsonNode p, String path) {
        Keys.check(file, path, p, Keys.PROMOTION);
        JsonNode t = p.path("target");
        Promotion.Target target = Promotion.Target.all(Promotion.Scope.ITEMS);
        if (!t.isMissingNode()) {
            Keys.check(file, path + ".target", t, Keys.TARGET);
            Set<Sku> skus = new HashSet<>();
            strings(t.path("skus")).forEach(s -> skus.add(new Sku(s)));
            target = new Promotion.Target(
                    enumValue(Promotion.Scope.class, t.path("scope").asText("ITEMS"), path + ".target.scope"),
                    skus, strings(t.path("categories")), strings(t.path("brands")));
        }
        JsonNode a = required(p, "action", path);
        Keys.check(file, path + ".action", a, Keys.ACTION);
        String type = required(a, "type", path + ".action").asText();
        Promotion.Action action = switch (type) {
            case "PERCENT" -> new Promotion.Action.Percent(Rate.percent(required(a, "value", path + ".action").asText()));
            case "AMOUNT" -> new Promotion.Action.Amount(money(required(a, "value", path + ".action")),
                    enumValue(Promotion.Per.class, a.path("per").asText(
                            target.scope() == Promotion.Scope.ITEMS ? "UNIT" : "ORDER"), path + ".action.per"));
            case "FIXED_PRICE" -> new Promotion.Action.FixedPrice(money(required(a, "value", path + ".action")));
            case "BUY_X_GET_Y" -> new Promotion.Action.BuyXGetY(required(a, "buy", path + ".action").asInt(),
                    required(a, "get", path + ".action").asInt(), Rate.percent(a.path("percent").asText("100")));
            default -> throw new ScenarioFormatException(file + ": " + path + ".action.type: unknown '" + type + "'");
        };
        JsonNode c = p.path("conditions");
        Promotion.Conditions conditions = Promotion.Conditions.NONE;
        if (!c.isMissingNode()) {
            Keys.check(file, path + ".conditions", c, Keys.CONDITIONS);
            conditions = new Promotion.Conditions(c.has("minSubtotal") ? money(c.get("minSubtotal")) : null,
                    c.path("minQuantity").asLong(0), strings(c.path("customerGroups")), strings(c.path("countries")),
                    c.has("validFrom") ? instant(c.get("validFrom").asText(), path + ".conditions.validFrom") : null,
                    c.has("validTo") ? instant(c.get("validTo").asText(), path + ".conditions.validTo") : null);
        }
        return new Promotion(required(p, "id", path).asText(), textOrNull(p, "code"), p.path("priority").asInt(0),
                enumValue(Promotion.Stacking.class, p.path("stacking").asText("STACKABLE"), path + ".stacking"),
                enumValue(Promotion.Basis.class, p.path("basis").asText("RUNNING"), path + ".basis"),
                target, action, conditions, p.has("maxDiscount") ? money(p.get("maxDiscount")) : null,
                p.path("maxUses").asLong(0), p.path("maxUsesPerCustomer").asLong(0));
    }

    Money money(JsonNode node) {
        return Money.parse(node.asText(), currency);
    }

    private List<Rate> rates(JsonNode product) {
        List<Rate> rates = new ArrayList<>();
        if (product.has("taxRate")) {
            rates.add(Rate.parse(product.get("taxRate").asText()));
        }
        for (JsonNode r : product.path("taxRates")) {
            rates.add(Rate.parse(r.asText()));
        }
        return rates;
    }

    JsonNode required(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new ScenarioFormatException(file + ": " + path + " needs '" + key + "'");
        }
        return value;
    }

    static String textOrNull(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Set<String> strings(JsonNode list) {
        Set<String> result = new HashSet<>();
        list.forEach(n -> result.add(n.asText()));
        return result;
    }

    <E extends Enum<E>> E enumValue(Class<E> type, String value, String path) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(file + ": " + path + ": unknown value '" + value + "'");
        }
    }

    Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ScenarioFormatException(file + ": unknown currency '" + code + "'");
        }
    }

    Duration duration(String text, String path) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            try {
                java.time.Period period = java.time.Period.parse(text);
                return Duration.ofDays(period.toTotalMonths() * 30 + period.getDays());
            } catch (DateTimeParseException e2) {
                throw new ScenarioFormatException(file + ": " + path + ": not an ISO-8601 duration '" + text + "'");
            }
        }
    }

    private Instant instant(String text, String path) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ScenarioFormatException(file + ": " + path + ": not an ISO-8601 instant '" + text + "'");
        }
    }

    static void rethrowFormat(CartException e, String file, String path) {
        throw new ScenarioFormatException(file + ": " + path + ": " + e.getMessage());
    }
}
