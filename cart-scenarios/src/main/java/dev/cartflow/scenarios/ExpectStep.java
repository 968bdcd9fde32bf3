package dev.cartflow.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PromotionExplanation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code expect} step: compares the keys given with the cart's current (priced) state. */
final class ExpectStep {
    private final String file;
    private final ScenarioWorld world;

    ExpectStep(String file, ScenarioWorld world) {
        this.file = file;
        this.world = world;
    }

    void check(ScenarioPlayer.Handle h, JsonNode step, String path, List<String> failures, String label) {
        Cart cart = world.engine.get(h.actor(), h.id());
        List<String> diffs = new ArrayList<>();
        if (step.has("state") && !cart.state().name().equals(step.get("state").asText())) {
            diffs.add("state expected " + step.get("state").asText() + ", got " + cart.state());
        }
        if (step.has("lineCount") && cart.lines().size() != step.get("lineCount").asInt()) {
            diffs.add("lineCount expected " + step.get("lineCount").asInt() + ", got " + cart.lines().size());
        }
        boolean needsPrice = false;
        for (String key : List.of("subtotal", "discount", "shipping", "tax", "total", "net", "promotions", "codes",
                "hints")) {
            needsPrice |= step.has(key);
        }
        for (JsonNode expected : step.path("lines")) {
            for (String key : List.of("subtotal", "discount", "tax", "total")) {
                needsPrice |= expected.has(key);
            }
        }
        if (!needsPrice) {
            int i = 0;
            for (JsonNode expected : step.path("lines")) {
                String p = path + ".lines[" + i++ + "]";
                Keys.check(file, p, expected, Keys.EXPECT_LINE);
                String sku = world.required(expected, "sku", p).asText();
                Optional<LineItem> line = cart.lines().stream().filter(l -> l.sku().value().equals(sku)).findFirst();
                if (line.isEmpty()) {
                    diffs.add("line " + sku + " expected, not on the cart");
                } else if (expected.has("quantity") && expected.get("quantity").asInt() != line.get().quantity()) {
                    diffs.add("line " + sku + " quantity expected " + expected.get("quantity").asInt() + ", got "
                            + line.get().quantity());
                }
            }
        }
        if (needsPrice) {
            PricedCart priced = world.engine.price(h.actor(), h.id());
            amount(diffs, "subtotal", step, priced.subtotal());
            amount(diffs, "discount", step, priced.discount());
            amount(diffs, "shipping", step, priced.shipping());
            amount(diffs, "tax", step, priced.tax());
            amount(diffs, "total", step, priced.total());
            amount(diffs, "net", step, priced.net());
            int i = 0;
            for (JsonNode expected : step.path("lines")) {
                String p = path + ".lines[" + i++ + "]";
                Keys.check(file, p, expected, Keys.EXPECT_LINE);
                String sku = world.required(expected, "sku", p).asText();
                Optional<PricedLine> line = priced.lines().stream().filter(l -> l.sku().value().equals(sku))
                        .findFirst();
                if (line.isEmpty()) {
                    diffs.add("line " + sku + " expected, not on the cart");
                    continue;
                }
                PricedLine l = line.get();
                if (expected.has("quantity") && expected.get("quantity").asInt() != l.quantity()) {
                    diffs.add("line " + sku + " quantity expected " + expected.get("quantity").asInt() + ", got "
                            + l.quantity());
                }
                compare(diffs, "line " + sku + " subtotal", expected.get("subtotal"), l.subtotal());
                compare(diffs, "line " + sku + " discount", expected.get("discount"), l.discount());
                compare(diffs, "line " + sku + " tax", expected.get("tax"), l.tax());
                compare(diffs, "line " + sku + " total", expected.get("total"), l.total());
            }
            i = 0;
            for (JsonNode expected : step.path("promotions")) {
                String p = path + ".promotions[" + i++ + "]";
                Keys.check(file, p, expected, Keys.EXPECT_PROMOTION);
                String id = world.required(expected, "id", p).asText();
                Optional<PromotionExplanation> found = priced.promotions().stream()
                        .filter(e -> e.promotionId().equals(id)).findFirst();
                if (found.isEmpty()) {
                    diffs.add("promotion " + id + " not explained");
                    continue;
                }
                if (expected.has("result") && !found.get().result().name().equals(expected.get("result").asText())) {
                    diffs.add("promotion " + id + " result expected " + expected.get("result").asText() + ", got "
                            + found.get().result());
                }
                compare(diffs, "promotion " + id + " amount", expected.get("amount"), found.get().amount());
            }
            i = 0;
            for (JsonNode expected : step.path("codes")) {
                String p = path + ".codes[" + i++ + "]";
                Keys.check(file, p, expected, Keys.EXPECT_CODE);
                String code = world.required(expected, "code", p).asText();
                Optional<CodeStatus> found = priced.codes().stream().filter(c -> c.code().equalsIgnoreCase(code))
                        .findFirst();
                if (found.isEmpty()) {
                    diffs.add("code " + code + " not on the cart");
                } else if (expected.has("state") && !found.get().state().name().equals(expected.get("state").asText())) {
                    diffs.add("code " + code + " state expected " + expected.get("state").asText() + ", got "
                            + found.get().state());
                }
            }
            if (step.has("hints")) {
                HintExpectations.compare(file, path + ".hints", step.get("hints"), priced, diffs);
            }
        }
        if (!diffs.isEmpty()) {
            failures.add(label + ": " + String.join("; ", diffs));
        }
    }

    private void amount(List<String> diffs, String key, JsonNode step, Money actual) {
        compare(diffs, key, step.get(key), actual);
    }

    private void compare(List<String> diffs, String label, JsonNode expected, Money actual) {
        if (expected == null) {
            return;
        }
        if (!expected.isTextual()) {
            throw new ScenarioFormatException(file + ": " + label + " must be a decimal string");
        }
        Money want;
        try {
            want = Money.parse(expected.asText(), actual.currency());
        } catch (CartException e) {
            throw new ScenarioFormatException(file + ": " + label + ": " + e.getMessage());
        }
        if (want.minor() != actual.minor()) {
            diffs.add(label + " expected " + expected.asText() + ", got " + actual.toDecimalString());
        }
    }
}
