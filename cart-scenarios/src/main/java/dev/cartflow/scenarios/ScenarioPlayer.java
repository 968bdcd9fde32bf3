package dev.cartflow.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Plays one scenario file against a real engine on in-memory providers. */
final class ScenarioPlayer {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What came of one file. */
    record Outcome(String file, String name, List<String> failures) {
        boolean passed() {
            return failures.isEmpty();
        }
    }

    record Handle(CartId id, Actor actor) {
    }

    private final String file;
    private final Instant start;
    private ScenarioWorld world;
    private final Map<String, Handle> carts = new LinkedHashMap<>();
    private SeveralCartsSteps severalCarts;
    private SharedCartSteps sharing;
    private final RecoverySteps recovery;

    private ScenarioPlayer(String file, Instant start) {
        this.file = file;
        this.start = start;
        this.recovery = new RecoverySteps(file, () -> world, carts, this::cart);
    }

    static Outcome play(Path path, Instant start) {
        String file = path.toString();
        String name = path.getFileName().toString();
        try {
            JsonNode root = MAPPER.readTree(Files.readString(path));
            Keys.check(file, "", root, Keys.TOP);
            if (root.hasNonNull("name")) {
                name = root.get("name").asText();
            } else {
                throw new ScenarioFormatException(file + ": needs 'name'");
            }
            return new Outcome(file, name, new ScenarioPlayer(file, start).run(root));
        } catch (IOException e) {
            return new Outcome(file, name, List.of("cannot read: " + e.getMessage()));
        } catch (ScenarioFormatException e) {
            return new Outcome(file, name, List.of(e.getMessage()));
        }
    }

    private List<String> run(JsonNode root) {
        try {
            world = new ScenarioWorld(file, root, start);
            severalCarts = new SeveralCartsSteps(world);
        } catch (CartException e) {
            throw new ScenarioFormatException(file + ": invalid world: " + e.getMessage());
        }
        JsonNode steps = root.path("steps");
        if (!steps.isArray()) {
            throw new ScenarioFormatException(file + ": steps must be a list");
        }
        List<String> failures = new ArrayList<>();
        int index = 0;
        for (JsonNode step : steps) {
            String path = "steps[" + index + "]";
            String op = world.required(step, "op", path).asText();
            Set<String> allowed = Keys.STEPS.get(op);
            if (allowed == null) {
                throw new ScenarioFormatException(file + ": " + path + ".op: unknown op '" + op + "'");
            }
            Set<String> withCommon = new HashSet<>(allowed);
            withCommon.add("op");
            withCommon.add("expectError");
            if (SharedCartSteps.ACTING_OPS.contains(op)) {
                withCommon.add("as");
            }
            Keys.check(file, path, step, withCommon);
            String label = "step " + (index + 1) + " (" + op + ")";
            index++;
            String expectedError = ScenarioWorld.textOrNull(step, "expectError");
            if (expectedError != null) {
                if (Keys.STEPS.get(op).contains("cart") && !op.equals("create")) {
                    cart(step);
                }
                if (op.equals("merge") && step.hasNonNull("from")) {
                    cart(step.get("from").asText());
                }
                Map<CartId, Optional<Cart>> before = snapshot();
                try {
                    perform(op, step, path, failures, label);
                    failures.add(label + ": expected error " + expectedError + " but it succeeded");
                } catch (CartException e) {
                    if (!e.code().name().equals(expectedError)) {
                        failures.add(label + ": expected error " + expectedError + ", got " + e.code() + " ("
                                + e.getMessage() + ")");
                    }
                }
                if (!snapshot().equals(before)) {
                    failures.add(label + ": the failed step changed a cart");
                }
            } else {
                try {
                    perform(op, step, path, failures, label);
                } catch (CartException e) {
                    failures.add(label + ": unexpected error " + e.code() + " (" + e.getMessage() + ")");
                }
            }
        }
        failures.addAll(SharedCartSteps.unsignedEvents(world, snapshot().keySet()));
        return failures;
    }

    private Map<CartId, Optional<Cart>> snapshot() {
        Map<CartId, Optional<Cart>> state = new LinkedHashMap<>();
        for (Handle h : carts.values()) {
            state.put(h.id(), world.repository.find(h.id()));
        }
        return state;
    }

    private void perform(String op, JsonNode step, String path, List<String> failures, String label) {
        switch (op) {
            case "create" -> create(step);
            case "add" -> {
                String warehouse = ScenarioWorld.textOrNull(step, "warehouse");
                world.stock(sku(step, path), warehouse == null ? LineItem.DEFAULT_WAREHOUSE : warehouse);
                execute(step, new CartCommand.AddItem(sku(step, path), qty(step, path), warehouse));
            }
            case "setQuantity" -> {
                Handle h = cart(step);
                Optional<LineItem> line = line(world.engine.get(h.actor(), h.id()), sku(step, path));
                int qty = qty(step, path);
                if (line.isPresent()) {
                    execute(step, new CartCommand.SetQuantity(line.get().id(), qty));
                } else if (qty != 0) {
                    // Setting the quantity of a sku not on the cart adds it, with the add's rules and errors.
                    execute(step, new CartCommand.AddItem(sku(step, path), qty));
                }
            }
            case "remove" -> {
                Handle h = cart(step);
                Optional<LineItem> line = line(world.engine.get(h.actor(), h.id()), sku(step, path));
                if (line.isPresent()) {
                    execute(step, new CartCommand.RemoveLines(List.of(line.get().id())));
                }
            }
            case "clear" -> execute(step, new CartCommand.Clear());
            case "applyCode" -> execute(step, new CartCommand.ApplyCode(world.required(step, "code", path).asText()));
            case "removeCode" -> execute(step, new CartCommand.RemoveCode(world.required(step, "code", path).asText()));
            case "selectShipping" -> execute(step,
                    new CartCommand.SelectShipping(world.required(step, "method", path).asText()));
            case "setCountry" -> execute(step,
                    new CartCommand.ChangeCountry(world.required(step, "country", path).asText()));
            case "setAddress" -> execute(step, AddressWorld.setAddress(step));
            case "advanceClock" -> world.clock.advance(
                    world.duration(world.required(step, "duration", path).asText(), path + ".duration"));
            case "merge", "checkout" -> lifecycle(op, step, path);
            case "expect" -> expect(step, path, failures, label);
            // several carts
            case "move" -> severalCarts.move(step, path, cart(world.required(step, "from", path).asText()).id(),
                    cart(world.required(step, "from", path).asText()).actor(),
                    cart(world.required(step, "to", path).asText()).id());
            case "expectActiveCart", "expectCustomerCarts" -> severalCarts.expect(op, step, path, names(), failures, label);
            case "invite" -> sharing().invite(cart(step).id(), cart(step).actor(), step, path);
            case "removeParticipant" -> sharing().remove(cart(step).id(), cart(step).actor(), step, path);
            case "expectBy" -> sharing().expectBy(cart(step).id(), owner(step).actor(), step, path, failures, label);
            case "abandon", "issueRecovery", "recover", "freeze", "unfreeze", "setPrice", "expectFreeze" ->
                    recovery.perform(op, step, path, failures, label);
            default -> throw new ScenarioFormatException(file + ": " + path + ".op: unknown op '" + op + "'");
        }
    }

    private void lifecycle(String op, JsonNode step, String path) {
        if (op.equals("checkout")) {
            Handle h = cart(step);
            world.engine.checkout(h.actor(), h.id(), Mutation.none());
            return;
        }
        String from = world.required(step, "from", path).asText();
        String into = world.required(step, "into", path).asText();
        Handle guest = cart(from);
        Handle customer = carts.get(into);
        if (customer == null || !(customer.actor() instanceof Actor.Customer c)) {
            throw new ScenarioFormatException(file + ": " + path + ".into must name a cart created with a customer");
        }
        if (!(guest.actor() instanceof Actor.Guest g)) {
            throw new ScenarioFormatException(file + ": " + path + ".from must name a guest cart");
        }
        MergePolicy policy = world.enumValue(MergePolicy.class, step.path("policy").asText("SUM"), path + ".policy");
        world.engine.merge(customer.actor(), new MergeRequest(guest.id(), g.token(), c.customerId(), policy,
                customer.id()));
    }

    private void create(JsonNode step) {
        String name = step.path("cart").asText("main");
        if (carts.containsKey(name)) {
            throw new ScenarioFormatException(file + ": cart '" + name + "' already exists");
        }
        NewCart spec = new NewCart(
                step.has("currency") ? world.currency(step.get("currency").asText()) : world.currency,
                step.path("country").asText(world.country), ScenarioWorld.textOrNull(step, "customerGroup"));
        if (step.has("kind") || step.has("name")) {
            Cart cart = severalCarts.create(step, "create of cart '" + name + "'", spec);
            carts.put(name, new Handle(cart.id(), Actor.customer(cart.customerId().orElseThrow())));
        } else if (step.hasNonNull("customer")) {
            CustomerId customer = new CustomerId(step.get("customer").asText());
            Actor actor = Actor.customer(customer);
            Cart cart = world.engine.createCustomerCart(actor, customer, spec);
            carts.put(name, new Handle(cart.id(), actor));
        } else {
            CreatedCart created = world.engine.createGuestCart(spec);
            carts.put(name, new Handle(created.cart().id(), created.actor()));
        }
    }

    private Handle cart(JsonNode step) {
        Handle owner = owner(step);
        return step.has("as") ? new Handle(owner.id(), sharing().actor(step, "step")) : owner;
    }

    /** The step's cart as its owner acts on it, whoever the step acts as. */
    private Handle owner(JsonNode step) {
        return cart(step.path("cart").asText("main"));
    }

    private SharedCartSteps sharing() {
        if (sharing == null) {
            sharing = new SharedCartSteps(file, world);
        }
        return sharing;
    }

    private Handle cart(String name) {
        Handle h = carts.get(name);
        if (h == null) {
            CreatedCart created = world.engine.createGuestCart(new NewCart(world.currency, world.country, null));
            h = new Handle(created.cart().id(), created.actor());
            carts.put(name, h);
        }
        return h;
    }

    private void execute(JsonNode step, CartCommand command) {
        Handle h = cart(step);
        world.engine.execute(h.actor(), h.id(), command, Mutation.none());
    }

    private Sku sku(JsonNode step, String path) {
        return new Sku(world.required(step, "sku", path).asText());
    }

    private int qty(JsonNode step, String path) {
        JsonNode qty = world.required(step, "qty", path);
        if (!qty.isNumber()) {
            throw new ScenarioFormatException(file + ": " + path + ".qty must be a number");
        }
        // A fractional quantity is a shopper's error the engine must reject, not a broken file: it is
        // passed on as a quantity the engine rejects with INVALID_QUANTITY, in the usual precedence.
        java.math.BigDecimal value = qty.decimalValue().stripTrailingZeros();
        if (value.scale() > 0) {
            return -1;
        }
        java.math.BigInteger whole = value.toBigIntegerExact();
        if (whole.bitLength() > 31) {
            return whole.signum() > 0 ? Integer.MAX_VALUE : -1;
        }
        return whole.intValue();
    }

    private static Optional<LineItem> line(Cart cart, Sku sku) {
        return cart.lines().stream().filter(l -> l.sku().equals(sku)).findFirst();
    }

    private void expect(JsonNode step, String path, List<String> failures, String label) {
        Handle h = cart(step);
        new ExpectStep(file, world).check(h, step, path, failures, label);
    }

    private Map<String, CartId> names() {
        Map<String, CartId> names = new LinkedHashMap<>();
        carts.forEach((name, handle) -> names.put(name, handle.id()));
        return names;
    }
}
