package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.resilience.ProviderPolicy;
import dev.cartflow.core.resilience.Resilience;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.CustomerProvider;
import dev.cartflow.spi.Destination;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.TaxProvider;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every decorator of the tax and shipping providers forwards the destination to the delegate's
 * destination method, never to the country-only one: the host's providers below throw when the
 * country-only method is called. Each stack (resilience alone, its defaults, and the observing proxy
 * around it, which the snapshot reaches through a fallback-reporting view) prices a cart with an
 * address. The customer provider goes through the same decorators.
 */
class DestinationForwardingTest {
    private static final Destination BERLIN = new Destination("DE", "BE", "10115");
    private static final CustomerId ACME = new CustomerId("acme");

    /** A tax provider that answers only for destinations. */
    static final class DestinationTax implements TaxProvider {
        final List<Destination> asked = new CopyOnWriteArrayList<>();
        final boolean down;

        DestinationTax(boolean down) {
            this.down = down;
        }

        @Override
        public Map<String, List<Rate>> rates(String country, Set<String> categories) {
            throw new AssertionError("a decorator narrowed the destination to " + country);
        }

        @Override
        public Map<String, List<Rate>> rates(Destination destination, Set<String> categories) {
            asked.add(destination);
            if (down) {
                throw new IllegalStateException("tax service down");
            }
            return Map.of("books", List.of(Rate.parse("0.07")));
        }
    }

    /** A shipping provider that answers only for destinations. */
    static final class DestinationShipping implements ShippingProvider {
        final List<Destination> asked = new CopyOnWriteArrayList<>();
        final boolean down;

        DestinationShipping(boolean down) {
            this.down = down;
        }

        @Override
        public List<ShippingMethod> methods(Currency currency, String country) {
            throw new AssertionError("a decorator narrowed the destination to " + country);
        }

        @Override
        public List<ShippingMethod> methods(Currency currency, Destination destination) {
            asked.add(destination);
            if (down) {
                throw new IllegalStateException("shipping service down");
            }
            return List.of(new ShippingMethod("STD", TestWorld.money("4.90"), null, List.of(), Long.MAX_VALUE,
                    Set.of()));
        }
    }

    private static ProviderPolicy policy() {
        return ProviderPolicy.builder().retries(0).build();
    }

    static Stream<Arguments> stacks() {
        UnaryOperator<CartEngineBuilder> plain = b -> b;
        UnaryOperator<CartEngineBuilder> observed = b -> b.observer(new RecordingObserver());
        return Stream.of(Arguments.of("resilience", plain, false), Arguments.of("resilience defaults", plain, true),
                Arguments.of("observed resilience", observed, false),
                Arguments.of("observed resilience defaults", observed, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void price_decoratedProviders_destinationReachesTheHostsDestinationMethods(String name,
            UnaryOperator<CartEngineBuilder> observe, boolean primaryDown) {
        TestWorld world = new TestWorld();
        world.product("BOOK", "10.00", Set.of(), 1, 10, 1, 100);
        world.pricing.put(new PriceQuote(Sku.of("BOOK"), TestWorld.money("10.00"), List.of(), "books"));
        DestinationTax tax = new DestinationTax(primaryDown);
        DestinationTax taxDefaults = new DestinationTax(false);
        DestinationShipping shipping = new DestinationShipping(primaryDown);
        DestinationShipping shippingDefaults = new DestinationShipping(false);
        List<CustomerId> profilesAsked = new CopyOnWriteArrayList<>();
        CustomerProvider customers = id -> {
            profilesAsked.add(id);
            return Optional.of(new CustomerProfile("vip", null, null, false));
        };
        CartEngineBuilder builder = world.builder()
                .tax(Resilience.tax(tax, policy(), taxDefaults))
                .shipping(Resilience.shipping(shipping, policy(), shippingDefaults))
                .customers(Resilience.customers(customers, policy()))
                .checkoutWithFallbacks(true);
        CartEngine engine = observe.apply(builder).build();
        Cart cart = engine.createCustomerCart(Actor.customer(ACME), ACME, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(ACME), cart.id(), Sku.of("BOOK"), 1);
        engine.changeAddress(Actor.customer(ACME), cart.id(), new ShippingAddress("BE", "10115", "Berlin", List.of()),
                null);
        engine.selectShipping(Actor.customer(ACME), cart.id(), "STD");
        tax.asked.clear();
        taxDefaults.asked.clear();
        shipping.asked.clear();
        shippingDefaults.asked.clear();
        profilesAsked.clear();

        PricedCart priced = engine.price(Actor.customer(ACME), cart.id());

        assertThat(priced.tax()).isEqualTo(TestWorld.money("0.70"));
        assertThat(priced.shipping()).isEqualTo(TestWorld.money("4.90"));
        assertThat(tax.asked).containsExactly(BERLIN);
        assertThat(shipping.asked).containsExactly(BERLIN);
        assertThat(taxDefaults.asked).isEqualTo(primaryDown ? List.of(BERLIN) : List.of());
        assertThat(shippingDefaults.asked).isEqualTo(primaryDown ? List.of(BERLIN) : List.of());
        assertThat(priced.fallbacks()).isEqualTo(primaryDown ? Set.of("shipping", "tax") : Set.of());
        assertThat(profilesAsked).containsExactly(ACME);
    }
}
