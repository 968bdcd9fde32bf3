package dev.cartflow.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The keys allowed in each object of the scenario format, and the check that rejects others. */
final class Keys {
    static final Set<String> TOP = Set.of("name", "description", "source", "settings", "catalog", "promotions",
            "shipping", "steps", "taxes", "customers");
    static final Set<String> SETTINGS = Set.of("currency", "country", "taxMode", "taxCalculation", "rounding",
            "limits", "guestTtl", "customerTtl",
            // several carts
            "kindLimits");
    static final Set<String> LIMITS = Set.of("maxLines", "maxTotalQuantity", "maxSubtotal");
    static final Set<String> PRODUCT = Set.of("sku", "price", "taxRate", "taxRates", "category", "brand", "weight",
            "stock", "minQuantity", "maxQuantity", "quantityStep", "countries", "taxCategory");
    static final Set<String> PROMOTION = Set.of("id", "code", "priority", "stacking", "basis", "target", "action",
            "conditions", "maxDiscount", "maxUses", "maxUsesPerCustomer");
    static final Set<String> TARGET = Set.of("scope", "skus", "categories", "brands");
    static final Set<String> ACTION = Set.of("type", "value", "per", "buy", "get", "percent");
    static final Set<String> CONDITIONS = Set.of("minSubtotal", "minQuantity", "customerGroups", "countries",
            "validFrom", "validTo");
    static final Set<String> SHIPPING = Set.of("id", "price", "freeAbove", "taxRate", "maxWeight", "countries",
            "subdivisions", "postalCodes");
    static final Set<String> EXPECT_LINE = Set.of("sku", "quantity", "subtotal", "discount", "tax", "total");
    static final Set<String> EXPECT_PROMOTION = Set.of("id", "result", "amount");
    static final Set<String> EXPECT_CODE = Set.of("code", "state");
    static final Map<String, Set<String>> STEPS = Map.ofEntries(
            Map.entry("create", Set.of("cart", "customer", "customerGroup", "currency", "country", "kind", "name")),
            Map.entry("add", Set.of("cart", "sku", "qty", "warehouse")),
            Map.entry("setQuantity", Set.of("cart", "sku", "qty")),
            Map.entry("remove", Set.of("cart", "sku")),
            Map.entry("clear", Set.of("cart")),
            Map.entry("applyCode", Set.of("cart", "code")),
            Map.entry("removeCode", Set.of("cart", "code")),
            Map.entry("selectShipping", Set.of("cart", "method")),
            Map.entry("setCountry", Set.of("cart", "country")),
            Map.entry("setAddress", AddressWorld.SET_ADDRESS),
            Map.entry("merge", Set.of("from", "into", "policy")),
            Map.entry("checkout", Set.of("cart")),
            Map.entry("invite", Set.of("cart", "participant", "role", "mayCheckout", "ttl", "as")),
            Map.entry("removeParticipant", Set.of("cart", "participant", "as")),
            Map.entry("expectBy", Set.of("cart", "by")),
            Map.entry("advanceClock", Set.of("duration")),
            // several carts
            Map.entry("move", Set.of("from", "to", "sku", "qty")),
            Map.entry("expectActiveCart", Set.of("customer", "active")),
            Map.entry("expectCustomerCarts", Set.of("customer", "carts")),
            // recovery and freezing (project-only, RecoverySteps)
            Map.entry("abandon", Set.of("inactivity")),
            Map.entry("issueRecovery", Set.of("cart")),
            Map.entry("recover", Set.of("cart", "into", "policy")),
            Map.entry("freeze", Set.of("cart", "duration")),
            Map.entry("unfreeze", Set.of("cart")),
            Map.entry("setPrice", Set.of("sku", "price")),
            Map.entry("expectFreeze", Set.of("cart", "frozen", "priceChanges")),
            Map.entry("expect", Set.of("cart", "subtotal", "discount", "shipping", "tax", "total", "net", "state",
                    "lineCount", "lines", "promotions", "codes", "hints")));

    private Keys() {
    }

    /** Fails with the file and the path of the first key not in {@code allowed}. */
    static void check(String file, String path, JsonNode node, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new ScenarioFormatException(file + ": " + path + " must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new ScenarioFormatException(file + ": unknown key '" + (path.isEmpty() ? "" : path + ".") + key
                        + "'");
            }
        }
    }
}
