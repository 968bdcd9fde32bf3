package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.core.memory.InMemoryTax;
import dev.cartflow.core.memory.ShippingZone;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CustomerProfile;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A generated hostile run over the address entry points: addresses, countries and billing countries
 * built from hostile text (blank, over-long, control characters, lone surrogates, lower case, too
 * many street lines), the shipping zones and tax rates of the in-memory providers, wrong actors and
 * missing carts, on carts whose selected shipping method is limited to a zone. Every call either
 * succeeds or throws a {@link CartException} with a code from {@link #EXPECTED}, never another
 * exception; a rejected call leaves every stored cart as it was. The seed is in every failure
 * message ({@code -Dcartflow.hostile.seed} picks another).
 */
class HostileAddressTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Set<CartErrorCode> EXPECTED = EnumSet.of(CartErrorCode.INVALID_INPUT,
            CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_NOT_FOUND, CartErrorCode.COUNTRY_RESTRICTED,
            CartErrorCode.SHIPPING_NOT_AVAILABLE);
    private static final String[] HOSTILE_TEXT = {"", " ", "\u0000", "a\nb", "\ud800", "x".repeat(300), "\u202e",
            "de", "DE", "AT", "US", "BE", "B E", "10115", "101", "m5v 2t6", "'; DROP TABLE carts; --", "-", "ünï"};

    private final long seed = Long.getLong("cartflow.hostile.seed", 20261211L);
    private final Random random = new Random(seed);
    private final InMemoryCartRepository repository = new InMemoryCartRepository();
    private final List<Actor> owners = new ArrayList<>();
    private final List<CartId> carts = new ArrayList<>();
    private final Map<CartErrorCode, Integer> codes = new EnumMap<>(CartErrorCode.class);
    private int successes;

    private String text() {
        int pick = random.nextInt(HOSTILE_TEXT.length + 1);
        return pick == HOSTILE_TEXT.length ? null : HOSTILE_TEXT[pick];
    }

    private CartEngine engine() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        catalog.put(Product.builder(Sku.of("A")).build());
        catalog.put(Product.builder(Sku.of("DE-ONLY")).countries(Set.of("DE")).build());
        pricing.put(PriceQuote.of(Sku.of("A"), Money.parse("9.99", EUR), Rate.parse("0.19")));
        pricing.put(new PriceQuote(Sku.of("DE-ONLY"), Money.parse("5.00", EUR), List.of(), "general"));
        InMemoryShipping shipping = new InMemoryShipping()
                .put(new ShippingMethod("ZONE", Money.parse("2.00", EUR), null, List.of(), Long.MAX_VALUE, Set.of("DE")),
                        new ShippingZone(Set.of("BE"), Set.of("101")))
                .put(new ShippingMethod("STD", Money.parse("4.00", EUR), null, List.of(), Long.MAX_VALUE, Set.of()));
        InMemoryTax tax = new InMemoryTax().put("general", "DE", List.of(Rate.parse("0.19")))
                .put("general", "DE", "BE", List.of(Rate.parse("0.05"), Rate.parse("0.07")));
        return CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).shipping(shipping)
                .tax(tax).customers(id -> Optional.of(new CustomerProfile(null, null, null, random.nextBoolean())))
                .build();
    }

    private void setUp(CartEngine engine) {
        ShippingAddress berlin = new ShippingAddress("BE", "10115", "Berlin", List.of());
        for (int i = 0; i < 2; i++) {
            CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
            engine.addItem(guest.actor(), guest.cart().id(), Sku.of(i == 0 ? "A" : "DE-ONLY"), 1);
            engine.changeAddress(guest.actor(), guest.cart().id(), berlin, null);
            engine.selectShipping(guest.actor(), guest.cart().id(), "ZONE");
            owners.add(guest.actor());
            carts.add(guest.cart().id());
        }
        CustomerId alice = new CustomerId("alice@example.com");
        Cart cart = engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(alice), cart.id(), Sku.of("DE-ONLY"), 2);
        owners.add(Actor.customer(alice));
        carts.add(cart.id());
    }

    private ShippingAddress address() {
        List<String> street = new ArrayList<>();
        for (int i = random.nextInt(7); i > 0; i--) {
            street.add(text());
        }
        return new ShippingAddress(text(), text(), text(), random.nextInt(10) == 0 ? null : street);
    }

    private Supplier<Object> call(CartEngine engine) {
        int target = random.nextInt(carts.size() + 1);
        CartId id = target == carts.size() ? CartId.random() : carts.get(target);
        Actor actor = random.nextInt(5) == 0 ? owners.get(random.nextInt(owners.size()))
                : target < carts.size() ? owners.get(target) : Actor.guest("not-a-token");
        return switch (random.nextInt(4)) {
            case 0 -> () -> engine.execute(actor, id, new CartCommand.ChangeAddress(text(),
                    random.nextBoolean() ? null : address(), text()), Mutation.none());
            case 1 -> () -> engine.changeAddress(actor, id, random.nextBoolean() ? null : address(), text());
            case 2 -> () -> engine.execute(actor, id, new CartCommand.ChangeCountry(text()), Mutation.none());
            default -> () -> engine.price(actor, id);
        };
    }

    @Test
    void addressEntryPoints_hostileInput_onlyCartExceptionsWithStableCodesAndNothingChangedOnRejection() {
        CartEngine engine = engine();
        setUp(engine);
        for (int i = 0; i < 3_000; i++) {
            Map<CartId, Optional<Cart>> before = stored();
            String call = "call " + i;
            try {
                call(engine).get();
                successes++;
                continue;
            } catch (CartException e) {
                if (!EXPECTED.contains(e.code())) {
                    throw new AssertionError("seed " + seed + ": " + call + ": unexpected code " + e.code(), e);
                }
                codes.merge(e.code(), 1, Integer::sum);
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + call + ": not a CartException", e);
            }
            if (!stored().equals(before)) {
                throw new AssertionError("seed " + seed + ": " + call + ": a rejected call changed a stored cart");
            }
        }
        assertThat(successes).as("seed %s: some calls succeed", seed).isPositive();
        assertThat(codes.keySet()).as("seed %s: codes seen", seed).contains(CartErrorCode.INVALID_INPUT,
                CartErrorCode.ACCESS_DENIED, CartErrorCode.COUNTRY_RESTRICTED, CartErrorCode.SHIPPING_NOT_AVAILABLE);
    }

    private Map<CartId, Optional<Cart>> stored() {
        Map<CartId, Optional<Cart>> state = new java.util.LinkedHashMap<>();
        for (CartId id : carts) {
            state.put(id, repository.find(id));
        }
        return state;
    }
}
