package dev.cartflow.core.hostile;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartEngineBuilder;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A generated hostile-input run over the public {@link CartEngine} API: seeded calls with nulls,
 * blanks, huge and negative numbers, lone surrogates, control characters, over-long text, huge
 * exponents, bad JSON, foreign carts, wrong tokens and stale versions. Each call must either
 * succeed or throw a {@link CartException}, and a rejected call must leave every stored cart as it
 * was (read straight from the storage before and after). The seed is in every failure message.
 *
 * <p>Seed and size come from the system properties {@code cartflow.hostile.seed} and
 * {@code cartflow.hostile.iterations}, with the defaults each test passes.
 */
public final class HostileEngineRun {
    /** The seed used unless {@code -Dcartflow.hostile.seed} picks another. */
    public static final long DEFAULT_SEED = 20261201L;
    static final Currency EUR = Currency.getInstance("EUR");
    /** Carts the run follows; later creations are still attacked, just not followed. */
    private static final int MAX_KNOWN = 40;
    private static final String[] SKUS = {"A", "B", "C", "STEP2"};

    private final Random random;
    private final long seed;
    private final Function<CartId, Optional<Cart>> stored;
    private final Supplier<?> storedState;
    private final CartEngine engine;
    private final List<Known> carts = new ArrayList<>();
    private final Actor service = Actor.service("hostile-suite");
    private int calls;
    /** The stored state after the last rejected call, which is still the state before the next one. */
    private Object unchanged;
    private int rejected;
    private final int[] accepted = new int[14];

    private record Known(CartId id, Actor owner, CustomerId customer, String token) {
    }

    /** Thrown when a call breaks the contract; carries the seed and the call. */
    public static final class Breach extends AssertionError {
        private static final long serialVersionUID = 1L;

        Breach(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private HostileEngineRun(CartEngineBuilder builder, Function<CartId, Optional<Cart>> stored,
                             Supplier<?> storedState, long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.stored = stored;
        this.storedState = storedState == null ? this::knownCarts : storedState;
        this.engine = withWorld(builder).build();
    }

    /**
     * Runs the suite.
     *
     * @param builder            an engine builder with its repository (and anything storage-specific) set
     * @param stored             reads a cart straight from that storage, bypassing the engine
     * @param defaultIterations  calls unless {@code -Dcartflow.hostile.iterations} says otherwise
     * @return a one-line summary (seed, calls, rejections)
     */
    public static String run(CartEngineBuilder builder, Function<CartId, Optional<Cart>> stored, int defaultIterations) {
        return run(builder, stored, null, defaultIterations);
    }

    /**
     * Runs the suite, comparing a digest of the whole storage around each rejected call.
     *
     * @param builder            an engine builder with its repository (and anything storage-specific) set
     * @param stored             reads a cart straight from that storage, bypassing the engine
     * @param storedState        the whole stored state (for a database, a digest of every row), or null
     *                           to compare every cart the run knows
     * @param defaultIterations  calls unless {@code -Dcartflow.hostile.iterations} says otherwise
     * @return a one-line summary (seed, calls, rejections)
     */
    public static String run(CartEngineBuilder builder, Function<CartId, Optional<Cart>> stored,
                             Supplier<?> storedState, int defaultIterations) {
        long seed = Long.getLong("cartflow.hostile.seed", DEFAULT_SEED);
        int iterations = Integer.getInteger("cartflow.hostile.iterations", defaultIterations);
        HostileEngineRun run = new HostileEngineRun(builder, stored, storedState, seed);
        run.seedCarts();
        for (int i = 0; i < iterations; i++) {
            run.step(i);
        }
        return "hostile run seed=" + seed + " calls=" + run.calls + " rejected=" + run.rejected
                + " accepted by entry point=" + Arrays.toString(run.accepted);
    }

    private static CartEngineBuilder withWorld(CartEngineBuilder builder) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        InMemoryInventory inventory = new InMemoryInventory();
        for (String sku : SKUS) {
            catalog.put(Product.builder(Sku.of(sku)).maxQuantity(sku.equals("A") ? 5 : 1_000)
                    .quantityStep(sku.equals("STEP2") ? 2 : 1).countries(sku.equals("C") ? Set.of("DE") : Set.of())
                    .build());
            pricing.put(PriceQuote.of(Sku.of(sku), Money.parse("9.99", EUR), Rate.parse("0.19")));
        }
        inventory.setStock(Sku.of("A"), "default", 20);
        InMemoryPromotions promotions = new InMemoryPromotions()
                .put(Promotion.builder("P10").code("SAVE10").scope(Promotion.Scope.ORDER).percentOff("10").build())
                .put(Promotion.builder("ONCE").code("ONCE").amountOff(Money.parse("1.00", EUR), Promotion.Per.UNIT)
                        .maxUses(1).build());
        InMemoryShipping shipping = new InMemoryShipping()
                .put(new ShippingMethod("STD", Money.parse("4.90", EUR), null, List.of(), 100_000, Set.of("DE", "AT")));
        return builder.catalog(catalog).pricing(pricing).inventory(inventory).reservations(inventory)
                .promotions(promotions).shipping(shipping).limits(new CartLimits(5, 100, Money.parse("5000.00", EUR)));
    }

    private void seedCarts() {
        for (int i = 0; i < 3; i++) {
            CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
            carts.add(new Known(guest.cart().id(), guest.actor(), null, guest.token()));
            engine.addItem(guest.actor(), guest.cart().id(), Sku.of("B"), 2);
        }
        for (int i = 0; i < 3; i++) {
            CustomerId customer = new CustomerId("customer-" + seed + "-" + i);
            Cart cart = engine.createCustomerCart(service, customer, NewCart.of("EUR", i == 2 ? "AT" : "DE"));
            carts.add(new Known(cart.id(), Actor.customer(customer), customer, null));
            engine.addItem(Actor.customer(customer), cart.id(), Sku.of("A"), 1);
        }
    }

    private void step(int iteration) {
        int kind = random.nextInt(14);
        Object before = unchanged != null ? unchanged : storedState.get();
        unchanged = null;
        String[] description = {"?"};
        try {
            Object result = call(kind, description);
            accepted[kind]++;
            if (result instanceof CreatedCart created && carts.size() < MAX_KNOWN) {
                carts.add(new Known(created.cart().id(), created.actor(), null, created.token()));
            } else if (kind == 1 && result instanceof Cart cart && cart.customerId().isPresent()
                    && carts.size() < MAX_KNOWN) {
                CustomerId customer = cart.customerId().get();
                carts.add(new Known(cart.id(), Actor.customer(customer), customer, null));
            }
        } catch (CartException e) {
            rejected++;
            Object after = storedState.get();
            if (!after.equals(before)) {
                throw breach(iteration, description[0], "a rejected call (" + e.code() + ") changed a stored cart", e);
            }
            unchanged = after;
        } catch (Throwable t) {
            throw breach(iteration, description[0], "a " + t.getClass().getName() + " escaped", t);
        } finally {
            calls++;
        }
    }

    private Breach breach(int iteration, String call, String what, Throwable cause) {
        return new Breach(what + " at iteration " + iteration + " with seed " + seed
                + " (rerun with -Dcartflow.hostile.seed=" + seed + "): " + call, cause);
    }

    private Map<CartId, Optional<Cart>> knownCarts() {
        Map<CartId, Optional<Cart>> all = new LinkedHashMap<>();
        for (Known known : carts) {
            all.put(known.id, stored.apply(known.id));
        }
        return all;
    }

    private Object call(int kind, String[] description) {
        Known target = known();
        Actor actor = actor(target);
        CartId id = cartId(target);
        switch (kind) {
            case 0 -> {
                NewCart spec = newCart();
                description[0] = "createGuestCart(" + spec + ")";
                return engine.createGuestCart(spec);
            }
            case 1 -> {
                CustomerId customer = customerId();
                description[0] = "createCustomerCart(" + actor + ", " + show(customer) + ")";
                return engine.createCustomerCart(actor, customer, newCart());
            }
            case 2 -> {
                description[0] = "get(" + actor + ", " + id + ")";
                return engine.get(actor, id);
            }
            case 3 -> {
                CustomerId customer = customerId();
                description[0] = "activeCart(" + actor + ", " + show(customer) + ")";
                return engine.activeCart(actor, customer);
            }
            case 4 -> {
                description[0] = "price(" + actor + ", " + id + ")";
                return engine.price(actor, id);
            }
            case 5, 6, 7, 8 -> {
                CartCommand command = command();
                Mutation mutation = mutation(id);
                description[0] = "execute(" + actor + ", " + id + ", " + show(command) + ", " + mutation + ")";
                return engine.execute(actor, id, command, mutation);
            }
            case 9 -> {
                MergeRequest request = mergeRequest();
                description[0] = "merge(" + actor + ", " + show(request) + ")";
                return engine.merge(actor, request);
            }
            case 10 -> {
                MergeRequest request = mergeRequest();
                description[0] = "previewMerge(" + actor + ", " + show(request) + ")";
                return engine.previewMerge(actor, request);
            }
            case 11 -> {
                Mutation mutation = mutation(id);
                description[0] = "checkout(" + actor + ", " + id + ", " + mutation + ")";
                return engine.checkout(actor, id, mutation);
            }
            case 12 -> {
                long after = number();
                description[0] = "changesSince(" + actor + ", " + id + ", " + after + ")";
                return engine.changesSince(actor, id, after);
            }
            default -> {
                CartCommand command = bulk();
                description[0] = "execute(" + actor + ", " + id + ", " + show(command) + ")";
                return engine.execute(actor, id, command, Mutation.none());
            }
        }
    }

    // ---- values: three in four calls of a generator give a plausible value, one a hostile one, so
    // that carts evolve (lines, codes, checkouts, merges) while every argument is attacked in turn.
    // A generator may itself throw CartException: a value refused at construction is a rejected call.

    private <T> T pick(List<Supplier<T>> choices) {
        return choices.get(random.nextInt(choices.size())).get();
    }

    private <T> T plausibleOr(List<Supplier<T>> plausible, Supplier<T> hostile) {
        return random.nextInt(4) == 0 ? hostile.get() : pick(plausible);
    }

    private Known known() {
        return carts.get(random.nextInt(carts.size()));
    }

    private String hostileText() {
        return pick(List.of(
                () -> null, () -> "", () -> "   ", () -> "\t\n", () -> "de", () -> "x\ud800", () -> "\udfff",
                () -> "\ud83d\uded2", () -> "a\u0000b", () -> "\u202e\u200b", () -> "\u001b[31m",
                () -> "'; DROP TABLE carts; --", () -> "x".repeat(65), () -> "y".repeat(10_000), () -> "1e10000000",
                () -> "-1", () -> "NaN", () -> "%s%n", () -> "\\u0000", () -> "{}", () -> "B\ud800",
                () -> "\u00e9".repeat(129), () -> "SAVE10\udc00"));
    }

    private String text(String... plausible) {
        List<Supplier<String>> choices = new ArrayList<>();
        for (String value : plausible) {
            choices.add(() -> value);
        }
        return plausibleOr(choices, this::hostileText);
    }

    private int quantity() {
        return plausibleOr(List.of(() -> 1, () -> 2, () -> 3, () -> 4, () -> 0),
                () -> pick(List.of(() -> -1, () -> 7, () -> 1_000_000, () -> Integer.MAX_VALUE,
                        () -> Integer.MIN_VALUE, random::nextInt)));
    }

    private long number() {
        return plausibleOr(List.of(() -> 0L, () -> 1L, () -> 2L, () -> (long) random.nextInt(10)),
                () -> pick(List.of(() -> -1L, () -> Long.MAX_VALUE, () -> Long.MIN_VALUE, random::nextLong)));
    }

    private Actor actor(Known target) {
        return plausibleOr(List.of(() -> target.owner, () -> target.owner, () -> target.owner, () -> service,
                        () -> Actor.support("staff-1", "ticket-1")),
                () -> pick(List.of(() -> null, () -> known().owner, () -> Actor.guest("not-the-token"),
                        () -> Actor.guest(hostileText()), () -> Actor.customer(new CustomerId("stranger")),
                        () -> Actor.service(hostileText()), () -> Actor.support(hostileText(), hostileText()))));
    }

    private CartId cartId(Known target) {
        return plausibleOr(List.of(() -> target.id),
                () -> pick(List.of(() -> null, () -> known().id, CartId::random, () -> CartId.parse(hostileText()))));
    }

    private Known known(boolean guest) {
        List<Known> matching = carts.stream().filter(k -> (k.token != null) == guest).toList();
        return matching.get(random.nextInt(matching.size()));
    }

    private CustomerId customerId() {
        return plausibleOr(List.of(() -> known().customer, () -> new CustomerId("customer-" + seed + "-" + random.nextInt(4))),
                () -> pick(List.of(() -> null, () -> new CustomerId(hostileText()))));
    }

    private NewCart newCart() {
        return plausibleOr(List.of(() -> NewCart.of("EUR", "DE"), () -> NewCart.of("EUR", "AT"),
                        () -> NewCart.of("JPY", "DE")),
                () -> pick(List.of(() -> NewCart.of(hostileText(), "DE"), () -> NewCart.of("EUR", hostileText()),
                        () -> NewCart.of("XXX", "DE"), () -> NewCart.of("XAU", "DE"), () -> new NewCart(null, "DE", null),
                        () -> new NewCart(EUR, "DE", hostileText()), () -> null)));
    }

    private Sku sku() {
        return plausibleOr(List.of(() -> Sku.of(SKUS[random.nextInt(SKUS.length)])),
                () -> pick(List.of(() -> Sku.of("GONE"), () -> null, () -> Sku.of(hostileText()))));
    }

    private LineId lineId() {
        return plausibleOr(List.of(() -> {
            Optional<Cart> cart = stored.apply(known().id);
            return cart.filter(c -> !c.lines().isEmpty()).map(c -> c.lines().get(random.nextInt(c.lines().size())).id())
                    .orElse(new LineId("no-line"));
        }), () -> pick(List.of(() -> null, () -> new LineId(hostileText()))));
    }

    private String metadata() {
        return plausibleOr(List.of(() -> "{\"gift\":true}", () -> "{\"n\":1e400,\"d\":0.10000000000000000001}"),
                () -> pick(List.of(() -> "{\"n\":1e10000000}", () -> "{} trailing", () -> "{\"a\":1,\"a\":2}",
                        () -> "{\"k\":\"\\ud800\"}", () -> "[]", () -> "", () -> null,
                        () -> "{\"deep\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}",
                        () -> "{\"big\":\"" + "z".repeat(5_000) + "\"}", () -> "{\"k\":\"\\u0000\"}",
                        () -> "{" + hostileText() + "}", this::hostileText)));
    }

    private CartCommand.LineCommand lineCommand() {
        return pick(List.of(
                () -> new CartCommand.AddItem(sku(), quantity()),
                () -> new CartCommand.AddItem(sku(), quantity(), text("default", "north")),
                () -> new CartCommand.SetQuantity(lineId(), quantity()),
                () -> new CartCommand.RemoveLines(plausibleOr(List.of(() -> java.util.Collections.singletonList(lineId())),
                        () -> pick(List.of(() -> null, List::of, () -> java.util.Collections.singletonList(lineId()),
                                () -> Arrays.asList(lineId(), null)))))));
    }

    private CartCommand command() {
        return pick(List.of(this::lineCommand, this::lineCommand, this::lineCommand, CartCommand.Clear::new,
                () -> new CartCommand.ApplyCode(text("SAVE10", "ONCE", "UNKNOWN", "save10 ")),
                () -> new CartCommand.RemoveCode(text("SAVE10", "ONCE")),
                () -> new CartCommand.SelectShipping(text("STD", "STD", "EXPRESS")),
                () -> new CartCommand.ChangeCountry(text("DE", "AT", "US")),
                () -> new CartCommand.SetMetadata(metadata()), () -> null));
    }

    private CartCommand bulk() {
        int size = plausibleOr(List.of(() -> 1, () -> 2, () -> 3), () -> pick(List.of(() -> 0, () -> 501)));
        List<CartCommand.LineCommand> changes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            changes.add(i == 1 && random.nextInt(8) == 0 ? null : lineCommand());
        }
        return new CartCommand.Bulk(changes);
    }

    private Mutation mutation(CartId id) {
        return plausibleOr(List.of(Mutation::none, Mutation::none,
                        () -> Mutation.expecting(Optional.ofNullable(id).flatMap(stored).map(Cart::version).orElse(1L)),
                        () -> Mutation.idempotent("k-" + random.nextInt(3))),
                () -> pick(List.of(() -> Mutation.expecting(number()),
                        () -> Mutation.expecting(Optional.ofNullable(id).flatMap(stored).map(c -> c.version() - 1)
                                .orElse(1L)),
                        () -> Mutation.idempotent(hostileText()), () -> new Mutation(number(), hostileText()),
                        () -> null)));
    }

    private MergeRequest mergeRequest() {
        Known guest = known(true);
        Known customer = known(false);
        return new MergeRequest(plausibleOr(List.of(() -> guest.id), () -> pick(List.of(CartId::random, () -> null))),
                plausibleOr(List.of(() -> guest.token), () -> pick(List.of(() -> "wrong", this::hostileText))),
                plausibleOr(List.of(() -> customer.customer), this::customerId),
                pick(List.of(() -> null, () -> MergePolicy.SUM, () -> MergePolicy.MAX, () -> MergePolicy.GUEST_WINS,
                        () -> MergePolicy.CUSTOMER_WINS)),
                plausibleOr(List.of(() -> null, () -> null, () -> customer.id), () -> pick(List.of(() -> guest.id,
                        CartId::random))));
    }

    // ---- descriptions without tokens in clear

    private static String show(MergeRequest request) {
        return "MergeRequest[guest=" + request.guestCartId() + ", token=" + (request.guestToken() == null ? "null" : "***")
                + ", customer=" + show(request.customerId()) + ", policy=" + request.policy() + ", target="
                + request.targetCartId() + "]";
    }

    private static String show(Object value) {
        String text = String.valueOf(value);
        return text.length() > 200 ? text.substring(0, 200) + "...(" + text.length() + " chars)" : text;
    }
}
