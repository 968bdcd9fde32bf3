package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.metrics.ConversionFigures;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartEventPublisher;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The samples of docs/events.md: a publisher in plain Java, a listener that drops redeliveries, catching up. */
class EventsSample {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Sku MUG = Sku.of("MUG");
    private final InMemoryCatalog catalog = new InMemoryCatalog().put(Product.builder(MUG).build());
    private final InMemoryPricing pricing =
            new InMemoryPricing().put(PriceQuote.of(MUG, Money.parse("12.50", EUR), Rate.parse("0.19")));

    @Test
    void publisher_createAddAndChangeQuantity_oneEventPerChangeNumberedByTheNewVersion() {
        // tag::publisher[]
        List<CartEvent> received = new CopyOnWriteArrayList<>();
        CartEventPublisher publisher = received::addAll;      // called after each stored change, in its thread
        CartEngine engine = CartEngine.builder()
                .repository(new InMemoryCartRepository())
                .catalog(catalog)
                .pricing(pricing)
                .events(publisher)
                .build();

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        Cart cart = engine.addItem(guest, created.cart().id(), MUG, 1);
        engine.setQuantity(guest, cart.id(), cart.lines().get(0).id(), 3);
        // end::publisher[]

        assertThat(received).extracting(CartEvent::type).containsExactly(CartEvent.Type.CREATED,
                CartEvent.Type.LINE_ADDED, CartEvent.Type.QUANTITY_CHANGED);
        assertThat(received).extracting(CartEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(received).extracting(CartEvent::index).containsOnly(0);
        CartEvent changed = received.get(2);
        assertThat(changed.data()).containsEntry("sku", "MUG").containsEntry("from", "1").containsEntry("to", "3")
                .containsEntry("by", "owner");
        assertThat(received.toString()).doesNotContain(created.token());
    }

    @Test
    void oncePerEvent_batchDeliveredTwiceAndAnOlderEventLate_eachEventHandedOnOnce() {
        CartEngine engine = CartEngine.builder().repository(new InMemoryCartRepository()).catalog(catalog)
                .pricing(pricing).build();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(Actor.guest(created.token()), created.cart().id(), MUG, 2);
        List<CartEvent> stored = engine.changesSince(Actor.guest(created.token()), created.cart().id(), 0);
        List<CartEvent> handled = new ArrayList<>();
        OncePerEvent listener = new OncePerEvent(handled::add);

        listener.publish(stored);
        listener.publish(stored);                  // redelivered after a crash
        listener.publish(List.of(stored.get(0)));  // an older one, late

        assertThat(handled).isEqualTo(stored);
    }

    @Test
    void changesSince_deviceAtVersionTwo_getsOnlyTheLaterEvents() {
        CartEngine engine = CartEngine.builder().repository(new InMemoryCartRepository()).catalog(catalog)
                .pricing(pricing).build();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        CartId cartId = created.cart().id();
        Cart cart = engine.addItem(guest, cartId, MUG, 1);
        long heldVersion = cart.version();
        engine.addItem(guest, cartId, MUG, 1);

        // tag::changes-since[]
        List<CartEvent> missed = engine.changesSince(guest, cartId, heldVersion);  // events after the version held
        long nowAt = missed.isEmpty() ? heldVersion : missed.get(missed.size() - 1).sequence();
        // end::changes-since[]

        assertThat(missed).extracting(CartEvent::type).containsExactly(CartEvent.Type.QUANTITY_CHANGED);
        assertThat(nowAt).isEqualTo(engine.get(guest, cartId).version());
    }

    @Test
    void conversionFigures_wrappingThePublisher_countsCreatedCartsAndPassesEventsOn() {
        List<CartEvent> downstream = new CopyOnWriteArrayList<>();

        // tag::conversion[]
        ConversionFigures figures = new ConversionFigures(downstream::addAll);  // counts, then hands on
        CartEngine engine = CartEngine.builder()
                .repository(new InMemoryCartRepository()).catalog(catalog).pricing(pricing)
                .events(figures)
                .build();
        // end::conversion[]

        engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.createGuestCart(NewCart.of("EUR", "AT"));

        assertThat(figures.snapshot().created()).isEqualTo(2);
        assertThat(downstream).hasSize(2);
    }

    // tag::once-per-event[]
    /** Hands each event on once, in order per cart, however often and late it is delivered. */
    static final class OncePerEvent implements CartEventPublisher {
        private final Map<CartId, long[]> lastPosition = new HashMap<>();   // cart -> {sequence, index}
        private final Consumer<CartEvent> handler;

        OncePerEvent(Consumer<CartEvent> handler) {
            this.handler = handler;
        }

        @Override
        public synchronized void publish(List<CartEvent> events) {
            for (CartEvent event : events) {
                long[] last = lastPosition.get(event.cartId());
                boolean after = last == null || event.sequence() > last[0]
                        || (event.sequence() == last[0] && event.index() > last[1]);
                if (after) {
                    lastPosition.put(event.cartId(), new long[] {event.sequence(), event.index()});
                    handler.accept(event);
                }
            }
        }
    }
    // end::once-per-event[]
}
