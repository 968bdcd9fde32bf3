package dev.cartflow.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.RecoveredCart;
import dev.cartflow.core.RecoveryLink;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.PriceChange;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The project-only steps of recovery links and freezing (docs/scenario-format.md, "Recovery and
 * freezing steps"): {@code abandon}, {@code issueRecovery}, {@code recover}, {@code freeze},
 * {@code unfreeze}, {@code setPrice} and {@code expectFreeze}. The recovery tokens the engine hands
 * out are kept by cart name, so a later {@code recover} presents the same token again.
 */
final class RecoverySteps {
    static final Set<String> EXPECT_PRICE_CHANGE = Set.of("sku", "previous", "current");

    private final String file;
    private final Supplier<ScenarioWorld> world;
    private final Map<String, ScenarioPlayer.Handle> carts;
    private final Function<String, ScenarioPlayer.Handle> cart;
    private final Map<String, String> tokens = new HashMap<>();

    RecoverySteps(String file, Supplier<ScenarioWorld> world, Map<String, ScenarioPlayer.Handle> carts,
                  Function<String, ScenarioPlayer.Handle> cart) {
        this.file = file;
        this.world = world;
        this.carts = carts;
        this.cart = cart;
    }

    void perform(String op, JsonNode step, String path, List<String> failures, String label) {
        ScenarioWorld w = world.get();
        String name = step.path("cart").asText("main");
        switch (op) {
            case "abandon" -> {
                Duration inactivity = w.duration(step.path("inactivity").asText("PT1H"), path + ".inactivity");
                for (RecoveryLink link : w.engine.maintenance().markAbandonedWithRecovery(inactivity, 1_000)) {
                    carts.forEach((cartName, handle) -> {
                        if (handle.id().equals(link.cartId())) {
                            tokens.put(cartName, link.token());
                        }
                    });
                }
            }
            case "issueRecovery" -> {
                ScenarioPlayer.Handle h = cart.apply(name);
                tokens.put(name, w.engine.issueRecovery(Actor.service("scenario-mailer"), h.id()).token());
            }
            case "recover" -> recover(w, step, path, name);
            case "freeze" -> {
                ScenarioPlayer.Handle h = cart.apply(name);
                Duration duration = step.has("duration")
                        ? w.duration(step.get("duration").asText(), path + ".duration") : null;
                w.engine.freeze(h.actor(), h.id(), duration, Mutation.none());
            }
            case "unfreeze" -> {
                ScenarioPlayer.Handle h = cart.apply(name);
                w.engine.unfreeze(h.actor(), h.id(), Mutation.none());
            }
            case "setPrice" -> {
                Sku sku = new Sku(w.required(step, "sku", path).asText());
                PriceQuote old = w.pricing.prices(new PriceRequest(Set.of(sku), w.currency, w.country, null)).get(sku);
                if (old == null) {
                    throw new ScenarioFormatException(file + ": " + path + ".sku: not in the catalog");
                }
                w.pricing.put(new PriceQuote(sku, w.money(w.required(step, "price", path)), old.taxRates(),
                        old.taxCategory()));
            }
            case "expectFreeze" -> expectFreeze(w, step, path, name, failures, label);
            default -> throw new ScenarioFormatException(file + ": " + path + ".op: unknown op '" + op + "'");
        }
    }

    /** Presents the cart's token, anonymously or as the customer of the cart {@code into}. */
    private void recover(ScenarioWorld w, JsonNode step, String path, String name) {
        String token = tokens.get(name);
        if (token == null) {
            throw new ScenarioFormatException(file + ": " + path + ": no recovery token was issued for '" + name + "'");
        }
        String into = ScenarioWorld.textOrNull(step, "into");
        if (into == null) {
            RecoveredCart recovered = w.engine.recover(token);
            carts.put(name, new ScenarioPlayer.Handle(recovered.cart().id(), recovered.guestActor().orElseThrow()));
            return;
        }
        ScenarioPlayer.Handle customer = carts.get(into);
        if (customer == null || !(customer.actor() instanceof Actor.Customer)) {
            throw new ScenarioFormatException(file + ": " + path + ".into must name a cart created with a customer");
        }
        MergePolicy policy = w.enumValue(MergePolicy.class, step.path("policy").asText("SUM"), path + ".policy");
        RecoveredCart recovered = w.engine.recover(customer.actor(), token, policy);
        ScenarioPlayer.Handle recoveredHandle = carts.get(name);
        if (recovered.guestActor().isPresent()) {
            carts.put(name, new ScenarioPlayer.Handle(recoveredHandle.id(), recovered.guestActor().get()));
        } else if (recovered.cart().id().equals(recoveredHandle.id())) {
            // The guest cart became the customer's own.
            carts.put(name, new ScenarioPlayer.Handle(recoveredHandle.id(), customer.actor()));
        } else {
            // Merged: its guest token was replaced and is not handed out, so the runner reads it as a service.
            carts.put(name, new ScenarioPlayer.Handle(recoveredHandle.id(), Actor.service("scenario-reader")));
        }
    }

    private void expectFreeze(ScenarioWorld w, JsonNode step, String path, String name, List<String> failures,
                              String label) {
        ScenarioPlayer.Handle h = cart.apply(name);
        List<String> diffs = new ArrayList<>();
        if (step.has("frozen")) {
            Cart stored = w.engine.get(h.actor(), h.id());
            boolean frozen = stored.freeze() != null && w.clock.instant().isBefore(stored.freeze().until());
            if (frozen != step.get("frozen").asBoolean()) {
                diffs.add("frozen expected " + step.get("frozen").asBoolean() + ", got " + frozen);
            }
        }
        if (step.has("priceChanges")) {
            PricedCart priced = w.engine.price(h.actor(), h.id());
            Set<String> expected = new HashSet<>();
            int i = 0;
            for (JsonNode change : step.get("priceChanges")) {
                String p = path + ".priceChanges[" + i++ + "]";
                Keys.check(file, p, change, EXPECT_PRICE_CHANGE);
                expected.add(w.required(change, "sku", p).asText() + " " + w.money(w.required(change, "previous", p))
                        .toDecimalString() + " -> " + w.money(w.required(change, "current", p)).toDecimalString());
            }
            Set<String> actual = new HashSet<>();
            for (PriceChange c : priced.priceChanges()) {
                actual.add(c.sku().value() + " " + c.previous().toDecimalString() + " -> " + c.current().toDecimalString());
            }
            if (!actual.equals(expected)) {
                diffs.add("priceChanges expected " + expected + ", got " + actual);
            }
        }
        if (!diffs.isEmpty()) {
            failures.add(label + ": " + String.join("; ", diffs));
        }
    }
}
