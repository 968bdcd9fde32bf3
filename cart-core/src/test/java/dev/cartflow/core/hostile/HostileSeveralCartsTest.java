package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.LineMove;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A generated hostile run over the entry points of several carts per customer: named carts created
 * with hostile kinds, names and specs, looked up and listed by strangers, and lines moved with
 * foreign, missing, closed and mismatched carts, stale versions, reused keys and hostile quantities.
 * Every call either succeeds or throws a {@link CartException} with a code from {@link #EXPECTED};
 * a rejected call leaves every stored cart as it was; no event holds a customer id or a cart name.
 * The seed is in every failure message ({@code -Dcartflow.hostile.seed} picks another).
 */
class HostileSeveralCartsTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Set<CartErrorCode> EXPECTED = EnumSet.of(CartErrorCode.INVALID_INPUT,
            CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_NOT_FOUND, CartErrorCode.CART_NOT_ACTIVE,
            CartErrorCode.VERSION_CONFLICT, CartErrorCode.PRODUCT_NOT_FOUND, CartErrorCode.CURRENCY_MISMATCH,
            CartErrorCode.INVALID_QUANTITY, CartErrorCode.QUANTITY_LIMIT, CartErrorCode.OUT_OF_STOCK,
            CartErrorCode.CART_LIMIT);
    private static final String[] HOSTILE_TEXT = {"", " ", "\u0000", "a\nb", "\ud800", "x".repeat(300), "\u202e",
            "Birthday list of Zoë", "ünïcødé", "'; DROP TABLE carts; --", "later"};
    private static final int[] QUANTITIES = {0, -1, 1, 2, 3, 7, Integer.MAX_VALUE, Integer.MIN_VALUE};

    private final long seed = Long.getLong("cartflow.hostile.seed", 20261211L);
    private final Random random = new Random(seed);
    private InMemoryCartRepository repository;
    private final List<CartEvent> published = new CopyOnWriteArrayList<>();
    private final List<CustomerId> customers = List.of(new CustomerId("alice@example.com"),
            new CustomerId("bob@example.com"));
    private final List<CartId> carts = new ArrayList<>();
    private final Map<CartErrorCode, Integer> codes = new EnumMap<>(CartErrorCode.class);
    private CreatedCart guest;
    private int successes;
    private CartEngine engine;

    private String text() {
        return HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)];
    }

    private void fail(String call, String problem) {
        throw new AssertionError("seed " + seed + ": " + call + ": " + problem);
    }

    private void newEngine() {
        repository = new InMemoryCartRepository();
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        InMemoryInventory inventory = new InMemoryInventory();
        catalog.put(Product.builder(Sku.of("A")).maxQuantity(5).build());
        catalog.put(Product.builder(Sku.of("B")).quantityStep(2).build());
        catalog.put(Product.builder(Sku.of("C")).build());
        for (String sku : List.of("A", "B", "C")) {
            pricing.put(PriceQuote.of(Sku.of(sku), Money.parse("2.50", EUR), Rate.parse("0.19")));
        }
        inventory.setStock(Sku.of("C"), "default", 6);
        engine = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).inventory(inventory)
                .events(published::addAll).limits(new CartLimits(3, 12, null))
                .limits(CartKind.WISH_LIST, new CartLimits(5, 20, null)).build();
        guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("C"), 1);
        carts.add(guest.cart().id());
        for (CustomerId customer : customers) {
            Actor actor = Actor.customer(customer);
            Cart shopping = engine.createCustomerCart(actor, customer, NewCart.of("EUR", "DE"));
            engine.addItem(actor, shopping.id(), Sku.of("A"), 2);
            engine.addItem(actor, shopping.id(), Sku.of("B"), 2);
            Cart wish = engine.createNamedCart(actor, customer, CartKind.WISH_LIST, "Wishes", NewCart.of("EUR", "DE"));
            engine.addItem(actor, wish.id(), Sku.of("C"), 3);
            Cart usd = engine.createNamedCart(actor, customer, CartKind.SAVED_FOR_LATER, "Dollars",
                    NewCart.of("USD", "US"));
            carts.addAll(List.of(shopping.id(), wish.id(), usd.id()));
        }
        Actor alice = Actor.customer(customers.get(0));
        Cart closed = engine.createCustomerCart(alice, customers.get(0), NewCart.of("EUR", "DE"));
        engine.addItem(alice, closed.id(), Sku.of("C"), 1);
        engine.checkout(alice, closed.id(), Mutation.none());
        carts.add(closed.id());
    }

    private Actor actor() {
        return switch (random.nextInt(7)) {
            case 0 -> Actor.support("staff-1", "ticket-" + random.nextInt(9));
            case 1 -> Actor.supportReadOnly("staff-2", "ticket-" + random.nextInt(9));
            case 2 -> Actor.service("shop", random.nextBoolean() ? EnumSet.of(dev.cartflow.model.CartOperation.MOVE_LINE)
                    : EnumSet.noneOf(dev.cartflow.model.CartOperation.class));
            case 3 -> random.nextBoolean() ? guest.actor() : Actor.guest(text() + "token");
            default -> Actor.customer(customer());
        };
    }

    private CustomerId customer() {
        return random.nextInt(5) == 0 ? new CustomerId("nobody") : customers.get(random.nextInt(customers.size()));
    }

    private CartId cart() {
        return random.nextInt(8) == 0 ? CartId.random() : carts.get(random.nextInt(carts.size()));
    }

    private LineId line(CartId cart) {
        List<LineItem> lines = repository.find(cart).map(Cart::lines).orElse(List.of());
        return lines.isEmpty() || random.nextInt(6) == 0 ? new LineId(text().isEmpty() ? "x" : "line-" + random.nextInt(9))
                : lines.get(random.nextInt(lines.size())).id();
    }

    private Map.Entry<String, Supplier<Object>> call(Actor actor) {
        int pick = random.nextInt(10);
        CustomerId customer = customer();
        CartKind kind = random.nextInt(6) == 0 ? null : CartKind.values()[random.nextInt(CartKind.values().length)];
        String name = random.nextBoolean() ? "Wishes" : text();
        if (pick < 2) {
            NewCart spec = random.nextBoolean() ? NewCart.of("EUR", "DE") : NewCart.of("USD", "US");
            return Map.entry("createNamedCart", () -> {
                Cart cart = engine.createNamedCart(actor, customer, kind, name, spec);
                if (!carts.contains(cart.id())) {
                    carts.add(cart.id());
                }
                return cart;
            });
        } else if (pick < 3) {
            return Map.entry("namedCart", () -> engine.namedCart(actor, customer, kind, name));
        } else if (pick < 4) {
            return Map.entry("customerCarts", () -> engine.customerCarts(actor, customer));
        }
        CartId from = cart();
        CartId to = random.nextInt(10) == 0 ? from : cart();
        LineId line = line(from);
        Integer quantity = random.nextInt(3) == 0 ? null : QUANTITIES[random.nextInt(QUANTITIES.length)];
        Mutation mutation = switch (random.nextInt(4)) {
            case 0 -> Mutation.expecting(repository.find(from).map(Cart::version).orElse(1L) - random.nextInt(2));
            case 1 -> Mutation.idempotent("key-" + random.nextInt(4));
            default -> Mutation.none();
        };
        return Map.entry("moveLine", () -> engine.moveLine(actor, new LineMove(from, line, to, quantity), mutation));
    }

    private List<Cart> stored() {
        return repository.findAfter(null, 10_000);
    }

    @Test
    void severalCarts_hostileCalls_onlyExpectedCodesAndRejectedCallsChangeNothing() {
        int iterations = Integer.getInteger("cartflow.hostile.iterations", 3_000);
        for (int i = 0; i < iterations; i++) {
            if (i % 500 == 0) {
                carts.clear();
                newEngine();
            }
            List<Cart> before = stored();
            String description = "call " + i;
            try {
                Actor actor = actor();
                Map.Entry<String, Supplier<Object>> call = call(actor);
                description = "call " + i + " " + call.getKey() + " by " + actor;
                call.getValue().get();
                successes++;
            } catch (CartException e) {
                codes.merge(e.code(), 1, Integer::sum);
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
        String events = published.stream().map(e -> e.data().toString()).collect(Collectors.joining("\n"));
        for (String secret : List.of("alice@example.com", "bob@example.com", "Wishes", "Dollars", "Zoë")) {
            if (events.contains(secret)) {
                fail("events", "hold " + secret + " in clear");
            }
        }
        System.out.println("HostileSeveralCartsTest seed " + seed + ": successes=" + successes + " codes=" + codes
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        assertThat(successes).as("seed %d: some calls succeed", seed).isPositive();
        assertThat(codes).as("seed %d: the run reaches the refusals", seed).containsKeys(CartErrorCode.INVALID_INPUT,
                CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_NOT_ACTIVE, CartErrorCode.INVALID_QUANTITY,
                CartErrorCode.CURRENCY_MISMATCH);
    }
}
