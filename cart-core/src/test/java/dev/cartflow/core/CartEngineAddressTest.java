package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand.ChangeAddress;
import dev.cartflow.core.CartCommand.ChangeCountry;
import dev.cartflow.core.memory.InMemoryTax;
import dev.cartflow.core.memory.ShippingZone;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.Destination;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.TaxProvider;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The address of a cart: the command, its re-check of shipping, its event, and tax and shipping by destination. */
class CartEngineAddressTest {
    private static final ShippingAddress BERLIN = new ShippingAddress("BE", "10115", "Berlin", List.of("Invalidenstr. 1"));
    private static final ShippingAddress MUNICH = new ShippingAddress("BY", "80331", "München", List.of("Marienplatz 8"));

    private final TestWorld world = new TestWorld();

    private Cart cartWithA(CartEngine engine, CreatedCart created) {
        return engine.addItem(created.actor(), created.cart().id(), Sku.of("A"), 1);
    }

    @Test
    void changeAddress_newAddress_storedWithBillingAndEventCarriesCountryAndSubdivisionOnly() {
        CartEngine engine = world.engine();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        world.published.clear();

        Cart changed = engine.changeAddress(created.actor(), created.cart().id(), BERLIN, "AT");

        assertThat(changed.shippingAddress()).isEqualTo(BERLIN);
        assertThat(changed.billingCountry()).isEqualTo("AT");
        assertThat(changed.version()).isEqualTo(2);
        assertThat(world.repository.find(changed.id()).orElseThrow().shippingAddress()).isEqualTo(BERLIN);
        assertThat(world.published).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CartEvent.Type.ADDRESS_CHANGED);
            // the address parts never, who made the change always
            assertThat(e.data()).containsExactlyInAnyOrderEntriesOf(Map.of("country", "DE", "subdivision", "BE", "by", "owner"));
        });
    }

    @Test
    void changeAddress_sameAddressAgain_noNewVersionNoEvent() {
        CartEngine engine = world.engine();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Cart first = engine.changeAddress(created.actor(), created.cart().id(), BERLIN, null);
        world.published.clear();

        Cart again = engine.changeAddress(created.actor(), created.cart().id(),
                new ShippingAddress("BE", "10115", "Berlin", List.of("Invalidenstr. 1")), null);

        assertThat(again.version()).isEqualTo(first.version());
        assertThat(world.published).isEmpty();
    }

    @Test
    void changeAddress_nulls_clearAddressAndBillingCountry() {
        CartEngine engine = world.engine();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.changeAddress(created.actor(), created.cart().id(), BERLIN, "AT");

        Cart cleared = engine.execute(created.actor(), created.cart().id(), new ChangeAddress(null), Mutation.none());

        assertThat(cleared.shippingAddress()).isNull();
        assertThat(cleared.billingCountry()).isNull();
        assertThat(world.published.get(world.published.size() - 1).data()).containsEntry("subdivision", "");
    }

    @Test
    void changeAddress_withCountryWhereALineIsNotSold_countryRestrictedCartUnchanged() {
        CartEngine engine = world.engine();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "US"));
        Cart before = engine.addItem(created.actor(), created.cart().id(), Sku.of("US-ONLY"), 1);

        assertThatThrownBy(() -> engine.execute(created.actor(), before.id(), new ChangeAddress("DE", BERLIN, null),
                Mutation.none())).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.COUNTRY_RESTRICTED));
        assertThat(world.repository.find(before.id()).orElseThrow()).isEqualTo(before);
    }

    @Test
    void changeAddress_withCountry_changesCountryAndAddressTogether() {
        CartEngine engine = world.engine();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "AT"));
        world.published.clear();

        Cart changed = engine.execute(created.actor(), created.cart().id(), new ChangeAddress("DE", MUNICH, null),
                Mutation.none());

        assertThat(changed.country()).isEqualTo("DE");
        assertThat(changed.shippingAddress()).isEqualTo(MUNICH);
        assertThat(world.published).extracting(CartEvent::type)
                .containsExactly(CartEvent.Type.COUNTRY_CHANGED, CartEvent.Type.ADDRESS_CHANGED);
    }

    @Test
    void changeAddress_selectedMethodOutsideNewZone_shippingNotAvailableCartUnchanged() {
        world.shipping.put(new ShippingMethod("CITY", TestWorld.money("2.00"), null, List.of(), Long.MAX_VALUE,
                Set.of("DE")), ShippingZone.postalCodes("101"));
        CartEngine engine = world.engine();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        cartWithA(engine, created);
        engine.changeAddress(created.actor(), created.cart().id(), BERLIN, null);
        Cart before = engine.selectShipping(created.actor(), created.cart().id(), "CITY");

        assertThatThrownBy(() -> engine.changeAddress(created.actor(), before.id(), MUNICH, null))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.SHIPPING_NOT_AVAILABLE);
                    assertThat(e.getMessage()).doesNotContain("80331", "München", "Marienplatz");
                });
        assertThat(world.repository.find(before.id()).orElseThrow()).isEqualTo(before);
        assertThat(engine.price(created.actor(), before.id()).shipping()).isEqualTo(TestWorld.money("2.00"));
    }

    @Test
    void changeCountry_cartWithAddress_clearsTheAddressOfTheOldCountry() {
        CartEngine engine = world.engine();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.changeAddress(created.actor(), created.cart().id(), BERLIN, "DE");
        world.published.clear();

        Cart moved = engine.execute(created.actor(), created.cart().id(), new ChangeCountry("AT"), Mutation.none());

        assertThat(moved.shippingAddress()).isNull();
        assertThat(moved.billingCountry()).isEqualTo("DE");
        assertThat(world.published).extracting(CartEvent::type)
                .containsExactly(CartEvent.Type.COUNTRY_CHANGED, CartEvent.Type.ADDRESS_CHANGED);
    }

    @Test
    void price_cartWithAddress_taxAndShippingProvidersReceiveSubdivisionAndPostalCode() {
        List<Destination> taxAsked = new CopyOnWriteArrayList<>();
        List<Destination> shippingAsked = new CopyOnWriteArrayList<>();
        TaxProvider tax = new TaxProvider() {
            @Override
            public Map<String, List<Rate>> rates(String country, Set<String> categories) {
                throw new AssertionError("the engine asked for the country only");
            }

            @Override
            public Map<String, List<Rate>> rates(Destination destination, Set<String> categories) {
                taxAsked.add(destination);
                return Map.of("books", List.of(Rate.parse("0.07")));
            }
        };
        ShippingProvider shipping = new ShippingProvider() {
            @Override
            public List<ShippingMethod> methods(Currency currency, String country) {
                throw new AssertionError("the engine asked for the country only");
            }

            @Override
            public List<ShippingMethod> methods(Currency currency, Destination destination) {
                shippingAsked.add(destination);
                return world.shipping.methods(currency, destination);
            }
        };
        world.product("BOOK", "10.00", Set.of(), 1, 10, 1, 100);
        world.pricing.put(new PriceQuote(Sku.of("BOOK"), TestWorld.money("10.00"), List.of(), "books"));
        CartEngine engine = world.builder().tax(tax).shipping(shipping).build();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(created.actor(), created.cart().id(), Sku.of("BOOK"), 1);
        engine.changeAddress(created.actor(), created.cart().id(), BERLIN, null);
        engine.selectShipping(created.actor(), created.cart().id(), "STD");
        taxAsked.clear();
        shippingAsked.clear();

        PricedCart priced = engine.price(created.actor(), created.cart().id());

        Destination berlin = new Destination("DE", "BE", "10115");
        assertThat(taxAsked).containsExactly(berlin);
        assertThat(shippingAsked).containsExactly(berlin);
        assertThat(priced.tax()).isEqualTo(TestWorld.money("0.70"));
    }

    @Test
    void price_inMemoryTaxBySubdivision_ratesReplaceTheCountrysThere() {
        world.product("BOOK", "100.00", Set.of(), 1, 10, 1, 100);
        world.pricing.put(new PriceQuote(Sku.of("BOOK"), TestWorld.money("100.00"), List.of(), "general"));
        InMemoryTax tax = new InMemoryTax().put("general", "DE", List.of(Rate.parse("0.19")))
                .put("general", "DE", "BE", List.of(Rate.parse("0.05"), Rate.parse("0.07")));
        CartEngine engine = world.builder().tax(tax).build();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(created.actor(), created.cart().id(), Sku.of("BOOK"), 1);

        PricedCart national = engine.price(created.actor(), created.cart().id());
        engine.changeAddress(created.actor(), created.cart().id(), BERLIN, null);
        PricedCart berlin = engine.price(created.actor(), created.cart().id());
        engine.changeAddress(created.actor(), created.cart().id(), MUNICH, null);
        PricedCart munich = engine.price(created.actor(), created.cart().id());

        assertThat(national.tax()).isEqualTo(TestWorld.money("19.00"));
        assertThat(berlin.tax()).isEqualTo(TestWorld.money("12.00"));
        assertThat(berlin.taxes()).hasSize(2);
        assertThat(munich.tax()).isEqualTo(TestWorld.money("19.00"));
    }

    @Test
    void changeAddress_sameIdempotencyKeyOtherAddress_keyReused() {
        CartEngine engine = world.engine();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Cart first = engine.execute(created.actor(), created.cart().id(), new ChangeAddress(BERLIN),
                Mutation.idempotent("addr-1"));

        Cart replay = engine.execute(created.actor(), created.cart().id(), new ChangeAddress(BERLIN),
                Mutation.idempotent("addr-1"));

        // the replay is the stored response; the whole cart compares equal once CartCodec keeps addresses (store part)
        assertThat(replay.version()).isEqualTo(first.version());
        assertThat(world.repository.find(first.id()).orElseThrow().version()).isEqualTo(first.version());
        assertThatThrownBy(() -> engine.execute(created.actor(), created.cart().id(), new ChangeAddress(MUNICH),
                Mutation.idempotent("addr-1"))).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void changeAddress_strangerActor_cartNotFoundOrDeniedAndNothingChanged() {
        CartEngine engine = world.engine();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Cart before = world.repository.find(created.cart().id()).orElseThrow();

        assertThatThrownBy(() -> engine.changeAddress(Actor.customer(new CustomerId("mallory")), before.id(),
                BERLIN, null)).isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code())
                .isIn(CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_NOT_FOUND));
        assertThat(world.repository.find(before.id()).orElseThrow()).isEqualTo(before);
    }
}
