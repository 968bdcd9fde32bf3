package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.cartflow.core.CartCommand.ChangeAddress;
import dev.cartflow.core.memory.ShippingZone;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.Destination;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The postal code, city and street of an address never appear in events, logs (every logger at
 * TRACE, captured), error messages or the text of the values that carry them; the country and the
 * subdivision may.
 */
class AddressPersonalDataTest {
    private static final String POSTAL = "10117";
    private static final String CITY = "Kleinmachnowhausen";
    private static final String STREET = "Unter den Zwetschgenbaeumen 42";
    private static final String POSTAL_2 = "99998";
    private static final String CITY_2 = "Zwickelbrunnstadt";
    private static final String STREET_2 = "Am Quittenhang 7";
    private static final List<String> PERSONAL = List.of(POSTAL, CITY, STREET, POSTAL_2, CITY_2, STREET_2);

    @RegisterExtension
    final LogCapture logs = new LogCapture();
    @Test
    void addressFlow_everyLevelOn_noPostalCodeCityOrStreetInEventsLogsOrErrors() {
        TestWorld world = new TestWorld();
        world.shipping.put(new ShippingMethod("CITY", TestWorld.money("2.00"), null, List.of(), Long.MAX_VALUE,
                Set.of("DE")), ShippingZone.postalCodes("101"));
        CustomerId customer = new CustomerId("c-1");
        CartEngine engine = world.builder().observer(new RecordingObserver())
                .customers(id -> Optional.of(new CustomerProfile("vip", "DE",
                        new ShippingAddress("BE", POSTAL, CITY, List.of(STREET)), true))).build();
        Actor actor = Actor.customer(customer);
        Cart cart = engine.createCustomerCart(actor, customer, NewCart.of("EUR", "DE"));
        engine.addItem(actor, cart.id(), Sku.of("A"), 1);
        ShippingAddress home = new ShippingAddress("BE", POSTAL, CITY, List.of(STREET));
        ShippingAddress elsewhere = new ShippingAddress("TH", POSTAL_2, CITY_2, List.of(STREET_2));
        engine.changeAddress(actor, cart.id(), home, "AT");
        engine.selectShipping(actor, cart.id(), "CITY");
        engine.price(actor, cart.id());
        List<String> errors = new ArrayList<>();
        assertThatThrownBy(() -> engine.changeAddress(actor, cart.id(), elsewhere, null))
                .isInstanceOfSatisfying(CartException.class, e -> errors.add(e.getMessage()));
        assertThatThrownBy(() -> engine.execute(actor, cart.id(), new ChangeAddress("DE",
                new ShippingAddress("BE", POSTAL, CITY, List.of(STREET, "\u0000" + STREET_2)), null), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class, e -> errors.add(e.getMessage()));
        engine.selectShipping(actor, cart.id(), "STD");
        engine.execute(actor, cart.id(), new ChangeAddress(null), Mutation.none());
        engine.checkout(actor, cart.id(), Mutation.none());
        List<String> texts = new ArrayList<>(errors);
        texts.add(home.toString());
        texts.add(new Destination("DE", "BE", POSTAL).toString());
        texts.add(new ChangeAddress(null, home, null).toString());
        for (CartEvent event : world.published) {
            texts.add(event.toString());
        }
        texts.addAll(logs.rendered());

        assertThat(world.published).filteredOn(e -> e.type() == CartEvent.Type.ADDRESS_CHANGED).hasSize(2)
                .first().satisfies(e -> assertThat(e.data()).containsEntry("subdivision", "BE"));
        assertThat(logs.rendered()).as("log lines were captured").anyMatch(l -> l.contains("CHANGE_ADDRESS"));
        for (String value : PERSONAL) {
            assertThat(texts).as("texts holding %s", value).noneMatch(t -> t.contains(value));
        }
    }

}
