package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.RecoveredCart;
import dev.cartflow.core.RecoveryLink;
import dev.cartflow.core.memory.InMemoryAuditLog;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A generated hostile run over issue 11's recovery links and freezing: issuing and redeeming tokens
 * (right, spent, expired, mutated, truncated, hostile text, another cart's id), with and without
 * sign-in, by every kind of actor; freezing with hostile durations and stale versions; and the
 * changes, prices and checkouts a frozen cart must refuse or answer from its frozen figures. Every
 * call either succeeds or throws a {@link CartException} with a code from {@link #EXPECTED}; a
 * rejected call leaves every stored cart as it was; a token is never redeemed twice; no token
 * appears in an event, an error message or the audit trail. The seed is in every failure message
 * ({@code -Dcartflow.hostile.seed} picks another).
 */
class HostileRecoveryFreezeTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Set<CartErrorCode> EXPECTED = EnumSet.of(CartErrorCode.INVALID_INPUT,
            CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_NOT_FOUND, CartErrorCode.CART_NOT_ACTIVE,
            CartErrorCode.VERSION_CONFLICT, CartErrorCode.QUANTITY_LIMIT);
    private static final String[] HOSTILE_TEXT = {"", " ", "\u0000", "a\nb", "\ud800", "x".repeat(300), "\u202e",
            ".", "..", "ünïcødé", "'; DROP TABLE carts; --"};

    private final long seed = Long.getLong("cartflow.hostile.seed", 20261211L);
    private final Random random = new Random(seed);
    private final InMemoryCartRepository repository = new InMemoryCartRepository();
    private final InMemoryAuditLog audit = new InMemoryAuditLog(100_000);
    private final List<CartEvent> events = new CopyOnWriteArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final List<CustomerId> customers = List.of(new CustomerId("alice@example.com"),
            new CustomerId("bob@example.com"));
    private final List<CreatedCart> guests = new ArrayList<>();
    private final List<Cart> customerCarts = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final Set<String> redeemed = new HashSet<>();
    private final Set<String> secrets = new HashSet<>();
    private final Map<CartErrorCode, Integer> codes = new EnumMap<>(CartErrorCode.class);
    private int successes;
    private CartEngine engine;

    private String text() {
        return HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)];
    }

    private String fail(String call, String problem) {
        throw new AssertionError("seed " + seed + ": " + call + ": " + problem);
    }

    private void newEngine() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (String sku : List.of("A", "B")) {
            catalog.put(Product.builder(Sku.of(sku)).maxQuantity(5).build());
            pricing.put(PriceQuote.of(Sku.of(sku), Money.parse("9.99", EUR), Rate.parse("0.19")));
        }
        engine = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).audit(audit)
                .clock(clock).events(events::addAll).build();
        for (int i = 0; i < 2; i++) {
            CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
            secrets.add(guest.token());
            engine.addItem(guest.actor(), guest.cart().id(), Sku.of("A"), 1);
            guests.add(guest);
        }
        for (CustomerId customer : customers) {
            Cart cart = engine.createCustomerCart(Actor.customer(customer), customer, NewCart.of("EUR", "DE"));
            customerCarts.add(engine.addItem(Actor.customer(customer), cart.id(), Sku.of("B"), 1));
        }
    }

    private Actor actor() {
        if (random.nextInt(25) == 0) {
            return null;
        }
        switch (random.nextInt(6)) {
            case 0:
                return random.nextBoolean() ? Actor.support("staff-1", "ticket-1") : Actor.supportReadOnly("staff-2", "t");
            case 1:
                Set<CartOperation> grants = EnumSet.noneOf(CartOperation.class);
                for (CartOperation op : List.of(CartOperation.ISSUE_RECOVERY, CartOperation.REDEEM_RECOVERY,
                        CartOperation.FREEZE, CartOperation.UNFREEZE, CartOperation.ADD_ITEM)) {
                    if (random.nextBoolean()) {
                        grants.add(op);
                    }
                }
                return Actor.service("svc", grants);
            case 2:
                CreatedCart guest = guests.get(random.nextInt(guests.size()));
                return Actor.guest(random.nextInt(4) == 0 ? guest.token() + "x" : guest.token());
            case 3:
                return Actor.customer(new CustomerId(random.nextBoolean() ? "nobody" : "carol"));
            default:
                return Actor.customer(customers.get(random.nextInt(customers.size())));
        }
    }

    private CartId cart() {
        if (random.nextInt(25) == 0) {
            return null;
        }
        int pick = random.nextInt(5);
        if (pick < 2) {
            return guests.get(random.nextInt(guests.size())).cart().id();
        } else if (pick < 4) {
            return customerCarts.get(random.nextInt(customerCarts.size())).id();
        }
        return CartId.random();
    }

    /** A token to present: one issued (maybe spent or expired), altered, or made up. */
    private String token() {
        if (tokens.isEmpty() || random.nextInt(5) == 0) {
            return random.nextBoolean() ? text() : cart() + "." + "A".repeat(43);
        }
        String issued = tokens.get(random.nextInt(tokens.size()));
        switch (random.nextInt(6)) {
            case 0:
                return issued.substring(0, issued.length() - 1);
            case 1:
                char last = issued.charAt(issued.length() - 1);
                return issued.substring(0, issued.length() - 1) + (last == 'A' ? 'B' : 'A');
            case 2:
                return cart() + issued.substring(36);
            case 3:
                return issued + text();
            default:
                return issued;
        }
    }

    private Duration duration() {
        return switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> Duration.ZERO;
            case 2 -> Duration.ofMinutes(-5);
            case 3 -> Duration.ofDays(400);
            default -> Duration.ofMinutes(1 + random.nextInt(60));
        };
    }

    private Mutation mutation() {
        if (random.nextInt(25) == 0) {
            return null;
        }
        return random.nextInt(3) == 0 ? Mutation.expecting(random.nextInt(12)) : Mutation.none();
    }

    private void issued(RecoveryLink link) {
        tokens.add(link.token());
        secrets.add(link.token().substring(37));
    }

    /** One call by this actor, described. */
    private Map.Entry<String, Supplier<Object>> call(Actor actor) {
        CartId id = cart();
        int pick = random.nextInt(11);
        return switch (pick) {
            case 0 -> Map.entry("markAbandonedWithRecovery", () -> {
                List<RecoveryLink> links = engine.maintenance().markAbandonedWithRecovery(Duration.ofHours(1), 10);
                links.forEach(this::issued);
                return links;
            });
            case 1 -> Map.entry("issueRecovery", () -> {
                RecoveryLink link = engine.issueRecovery(actor, id);
                issued(link);
                return link;
            });
            case 2 -> {
                String token = random.nextInt(8) == 0 ? null : token();
                yield Map.entry("recover", () -> redeem(token, () -> engine.recover(token)));
            }
            case 3 -> {
                String token = token();
                MergePolicy policy = random.nextInt(5) == 0 ? null
                        : MergePolicy.values()[random.nextInt(MergePolicy.values().length)];
                yield Map.entry("recover signed in", () -> redeem(token, () -> engine.recover(actor, token, policy)));
            }
            case 4, 5 -> Map.entry("freeze", () -> engine.freeze(actor, id, duration(), mutation()));
            case 6 -> Map.entry("unfreeze", () -> engine.unfreeze(actor, id, mutation()));
            case 7 -> Map.entry("add", () -> engine.execute(actor, id, new CartCommand.AddItem(Sku.of("B"), 1),
                    mutation()));
            case 8 -> Map.entry("price", () -> engine.price(actor, id));
            case 9 -> Map.entry("checkout", () -> engine.checkout(actor, id, mutation()));
            default -> Map.entry("advanceClock", () -> {
                clock.advance(Duration.ofMinutes(random.nextInt(3) == 0 ? 24 * 60 * 8 : 30));
                return null;
            });
        };
    }

    /** A redeem, with the token it used remembered: a token redeemed once never works again. */
    private Object redeem(String token, Supplier<RecoveredCart> call) {
        int before = events.size();
        RecoveredCart recovered = call.get();
        if (recovered.guestToken() != null) {
            secrets.add(recovered.guestToken());
        }
        long recoveredEvents = events.subList(before, events.size()).stream()
                .filter(e -> e.type() == CartEvent.Type.RECOVERED).count();
        if (recoveredEvents != 1) {
            fail("redeem", "succeeded with " + recoveredEvents + " RECOVERED events");
        }
        if (!redeemed.add(token)) {
            fail("redeem", "a token was redeemed twice");
        }
        return recovered;
    }

    private List<Optional<Cart>> stored() {
        List<Optional<Cart>> all = new ArrayList<>();
        guests.forEach(g -> all.add(repository.find(g.cart().id())));
        customerCarts.forEach(c -> all.add(repository.find(c.id())));
        return all;
    }

    private void scan(String where, String text) {
        for (String secret : secrets) {
            if (text != null && secret.length() > 8 && text.contains(secret)) {
                fail(where + " " + text, "holds a token in clear");
            }
        }
    }

    @Test
    void recoveryAndFreezing_hostileCalls_onlyExpectedCodesAndRejectedCallsChangeNothing() {
        int iterations = Integer.getInteger("cartflow.hostile.iterations", 3_000);
        for (int i = 0; i < iterations; i++) {
            if (i % 500 == 0) {
                guests.clear();
                customerCarts.clear();
                tokens.clear();
                newEngine();
            }
            List<Optional<Cart>> before = stored();
            String description = "call " + i;
            try {
                Actor actor = actor();
                Map.Entry<String, Supplier<Object>> call = call(actor);
                description = "call " + i + " " + call.getKey() + " by " + actor;
                call.getValue().get();
                successes++;
            } catch (CartException e) {
                codes.merge(e.code(), 1, Integer::sum);
                scan(description, e.getMessage());
                if (!EXPECTED.contains(e.code())) {
                    fail(description, "unexpected code " + e.code() + ": " + e.getMessage());
                }
                if (!stored().equals(before)) {
                    fail(description, "a rejected call changed a stored cart (" + e.code() + ")");
                }
            } catch (RuntimeException e) {
                fail(description, "threw " + e);
            }
        }
        for (CartEvent event : events) {
            scan("event " + event.type(), event.data().toString());
        }
        for (AuditEvent event : audit.events()) {
            scan("audit", event.toJson());
        }
        System.out.println("HostileRecoveryFreezeTest seed " + seed + ": successes=" + successes + " codes="
                + codes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        assertThat(successes).as("seed %d: some calls succeed", seed).isPositive();
        assertThat(redeemed).as("seed %d: some tokens are redeemed", seed).isNotEmpty();
        assertThat(codes).as("seed %d: the run reaches the refusals", seed).containsKeys(CartErrorCode.INVALID_INPUT,
                CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_NOT_ACTIVE);
    }
}
