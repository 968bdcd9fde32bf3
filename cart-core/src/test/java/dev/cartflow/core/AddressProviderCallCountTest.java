package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.ChangeAddress;
import dev.cartflow.core.CartCommand.ChangeCountry;
import dev.cartflow.core.CartCommand.SelectShipping;
import dev.cartflow.core.CartCommand.SetQuantity;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.Destination;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.TaxProvider;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decision 3 for the calls of issue 11: the tax and shipping providers' destination methods and the
 * customer provider are each asked at most once per attempt, the customer provider only for a
 * customer cart and only when pricing needs the group or the exemption; a guest cart never asks it.
 */
class AddressProviderCallCountTest {
    private static final CustomerId ALICE = new CustomerId("alice");
    private static final ShippingAddress BERLIN = new ShippingAddress("BE", "10115", "Berlin", List.of());
    private static final ShippingAddress HAMBURG = new ShippingAddress("HH", "20095", "Hamburg", List.of());

    /** An engine whose tax, shipping and customer providers count their calls. */
    static final class Counted {
        final TestWorld world = new TestWorld();
        final Map<String, Integer> calls = new TreeMap<>();
        final CartEngine engine;
        final Cart cart;
        final CreatedCart guest;

        Counted() {
            world.product("BOOK", "12.00", Set.of(), 1, 10, 1, 100);
            world.pricing.put(new PriceQuote(Sku.of("BOOK"), TestWorld.money("12.00"), List.of(), "books"));
            TaxProvider tax = new TaxProvider() {
                @Override
                public Map<String, List<Rate>> rates(String country, Set<String> categories) {
                    throw new AssertionError("country-only tax call");
                }

                @Override
                public Map<String, List<Rate>> rates(Destination destination, Set<String> categories) {
                    count("tax");
                    return Map.of("books", List.of(Rate.parse("0.07")));
                }
            };
            ShippingProvider shipping = new ShippingProvider() {
                @Override
                public List<ShippingMethod> methods(Currency currency, String country) {
                    throw new AssertionError("country-only shipping call");
                }

                @Override
                public List<ShippingMethod> methods(Currency currency, Destination destination) {
                    count("shipping");
                    return world.shipping.methods(currency, destination);
                }
            };
            engine = world.builder().tax(tax).shipping(shipping).customers(id -> {
                count("customers");
                return Optional.of(new CustomerProfile("vip", null, null, false));
            }).build();
            Actor alice = Actor.customer(ALICE);
            Cart created = engine.createCustomerCart(alice, ALICE, NewCart.of("EUR", "DE"));
            engine.execute(alice, created.id(), new AddItem(Sku.of("BOOK"), 1), Mutation.none());
            engine.execute(alice, created.id(), new ChangeAddress(BERLIN), Mutation.none());
            cart = engine.execute(alice, created.id(), new SelectShipping("STD"), Mutation.none());
            guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
            engine.addItem(guest.actor(), guest.cart().id(), Sku.of("BOOK"), 1);
            engine.execute(guest.actor(), guest.cart().id(), new ChangeAddress(BERLIN), Mutation.none());
            calls.clear();
        }

        synchronized void count(String provider) {
            calls.merge(provider, 1, Integer::sum);
        }

        Cart execute(CartCommand command) {
            return engine.execute(Actor.customer(ALICE), cart.id(), command, Mutation.none());
        }
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                op("price", c -> c.engine.price(Actor.customer(ALICE), c.cart.id()), "customers", "shipping", "tax"),
                op("price of a guest cart", c -> c.engine.price(c.guest.actor(), c.guest.cart().id()), "tax"),
                op("checkout of a guest cart", c -> c.engine.checkout(c.guest.actor(), c.guest.cart().id(),
                        Mutation.none()), "tax"),
                op("addItem", c -> c.execute(new AddItem(Sku.of("BOOK"), 1)), "customers", "shipping", "tax"),
                op("setQuantity", c -> c.execute(new SetQuantity(c.cart.lines().get(0).id(), 2)), "customers",
                        "shipping", "tax"),
                op("changeAddress", c -> c.execute(new ChangeAddress(HAMBURG)), "shipping"),
                op("changeCountry", c -> c.execute(new ChangeCountry("AT")), "shipping"),
                op("checkout", c -> c.engine.checkout(Actor.customer(ALICE), c.cart.id(), Mutation.none()),
                        "customers", "shipping", "tax"),
                op("get", c -> c.engine.get(Actor.customer(ALICE), c.cart.id())),
                op("createCustomerCart", c -> c.engine.createCustomerCart(Actor.customer(ALICE), ALICE,
                        NewCart.of("EUR", "DE")), "customers"),
                op("createGuestCart", c -> c.engine.createGuestCart(NewCart.of("EUR", "DE"))));
    }

    private static Arguments op(String name, Consumer<Counted> operation, String... expected) {
        return Arguments.of(name, operation, Set.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void operation_oneAttempt_destinationAndCustomerProvidersAtMostOnce(String name, Consumer<Counted> operation,
                                                                         Set<String> expected) {
        Counted counted = new Counted();

        operation.accept(counted);

        assertThat(counted.calls).as("calls of %s", name).allSatisfy((provider, count) -> assertThat(count)
                .as("%s calls to %s", name, provider).isEqualTo(1));
        assertThat(counted.calls.keySet()).as("providers %s asks", name).containsExactlyInAnyOrderElementsOf(expected);
    }
}
