package dev.cartflow.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.LineMove;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runner's project-only steps and keys for several carts per customer: {@code create} with
 * {@code kind} and {@code name} (a named cart of the customer), {@code move} (units of a line to
 * another cart), {@code expectActiveCart} and {@code expectCustomerCarts}, and the settings key
 * {@code kindLimits}. Documented in docs/scenario-format.md, "Several carts".
 */
final class SeveralCartsSteps {
    static final Set<String> KIND_LIMITS = Set.of("SAVED_FOR_LATER", "WISH_LIST");

    private final ScenarioWorld world;

    SeveralCartsSteps(ScenarioWorld world) {
        this.world = world;
    }

    /** The limits of a kind from {@code settings.kindLimits}, or the engine's when it gives none. */
    static CartLimits kindLimits(ScenarioWorld world, JsonNode settings, CartKind kind, CartLimits engine) {
        JsonNode all = settings.path("kindLimits");
        if (all.isMissingNode()) {
            return engine;
        }
        Keys.check(world.file, "settings.kindLimits", all, KIND_LIMITS);
        JsonNode l = all.path(kind.name());
        if (l.isMissingNode()) {
            return engine;
        }
        String path = "settings.kindLimits." + kind.name();
        Keys.check(world.file, path, l, Keys.LIMITS);
        return new CartLimits(l.path("maxLines").asInt(engine.maxLines()),
                l.path("maxTotalQuantity").asLong(engine.maxTotalQuantity()),
                l.has("maxSubtotal") ? world.money(l.get("maxSubtotal")) : engine.maxSubtotal());
    }

    /** {@code create} with {@code kind} and {@code name}: the customer's named cart (made once per kind and name). */
    Cart create(JsonNode step, String path, NewCart spec) {
        CustomerId customer = new CustomerId(world.required(step, "customer", path).asText());
        CartKind kind = world.enumValue(CartKind.class, world.required(step, "kind", path).asText(), path + ".kind");
        String name = world.required(step, "name", path).asText();
        return world.engine.createNamedCart(Actor.customer(customer), customer, kind, name, spec);
    }

    /** {@code move}: {@code qty} units (all without it) of the first line with {@code sku} on {@code from}. */
    void move(JsonNode step, String path, CartId from, Actor actor, CartId to) {
        Sku sku = new Sku(world.required(step, "sku", path).asText());
        Cart source = world.engine.get(actor, from);
        Optional<LineItem> line = source.lines().stream().filter(l -> l.sku().equals(sku)).findFirst();
        if (line.isEmpty()) {
            throw new ScenarioFormatException(world.file + ": " + path + ".sku: no line " + sku + " on the cart");
        }
        JsonNode qty = step.get("qty");
        if (qty != null && !qty.canConvertToInt()) {
            throw new ScenarioFormatException(world.file + ": " + path + ".qty must be an integer");
        }
        world.engine.moveLine(actor, new LineMove(from, line.get().id(), to, qty == null ? null : qty.asInt()),
                Mutation.none());
    }

    /** {@code expectActiveCart} or {@code expectCustomerCarts}; differences go to {@code failures} under the label. */
    void expect(String op, JsonNode step, String path, Map<String, CartId> names, List<String> failures, String label) {
        List<String> diffs = new ArrayList<>();
        if (op.equals("expectActiveCart")) {
            expectActive(step, path, names, diffs);
        } else {
            expectCustomerCarts(step, path, names, diffs);
        }
        if (!diffs.isEmpty()) {
            failures.add(label + ": " + String.join("; ", diffs));
        }
    }

    /** {@code expectActiveCart}: the customer's active cart is the cart named {@code active}, or none for null. */
    private void expectActive(JsonNode step, String path, Map<String, CartId> names, List<String> diffs) {
        CustomerId customer = new CustomerId(world.required(step, "customer", path).asText());
        if (!step.has("active")) {
            throw new ScenarioFormatException(world.file + ": " + path + " needs 'active' (a cart name or null)");
        }
        Optional<CartId> found = world.engine.activeCart(Actor.customer(customer), customer).map(Cart::id);
        JsonNode active = step.get("active");
        Optional<CartId> expected = active.isNull() ? Optional.empty() : Optional.of(known(names, active.asText(), path));
        if (!found.equals(expected)) {
            diffs.add("active cart expected " + (active.isNull() ? "none" : active.asText()) + ", got "
                    + found.map(id -> nameOf(names, id)).orElse("none"));
        }
    }

    /** {@code expectCustomerCarts}: the customer's carts of every kind are exactly the carts named in {@code carts}. */
    private void expectCustomerCarts(JsonNode step, String path, Map<String, CartId> names, List<String> diffs) {
        CustomerId customer = new CustomerId(world.required(step, "customer", path).asText());
        JsonNode listed = world.required(step, "carts", path);
        if (!listed.isArray()) {
            throw new ScenarioFormatException(world.file + ": " + path + ".carts must be a list of cart names");
        }
        // Names are compared through the carts they stand for: two names may stand for one cart.
        Set<CartId> expected = new java.util.HashSet<>();
        for (JsonNode name : listed) {
            expected.add(known(names, name.asText(), path));
        }
        Set<CartId> found = new java.util.HashSet<>();
        for (Cart cart : world.engine.customerCarts(Actor.customer(customer), customer)) {
            found.add(cart.id());
        }
        if (!found.equals(expected)) {
            diffs.add("customer carts expected " + names(names, expected) + ", got " + names(names, found));
        }
    }

    private static Set<String> names(Map<String, CartId> names, Set<CartId> ids) {
        Set<String> all = new TreeSet<>();
        ids.forEach(id -> all.add(nameOf(names, id)));
        return all;
    }

    private CartId known(Map<String, CartId> names, String name, String path) {
        CartId id = names.get(name);
        if (id == null) {
            throw new ScenarioFormatException(world.file + ": " + path + ": no cart named '" + name + "'");
        }
        return id;
    }

    private static String nameOf(Map<String, CartId> names, CartId id) {
        List<String> all = new ArrayList<>();
        names.forEach((name, cart) -> {
            if (cart.equals(id)) {
                all.add(name);
            }
        });
        return all.isEmpty() ? "an unnamed cart " + id : String.join("=", all);
    }
}
