package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartEventPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What any correct {@link CartEventPublisher} satisfies. Extend it beside the implementation:
 * {@link #newPublisher} returns the publisher under test, {@link #delivered} (optional) what it
 * passed on so far, for publishers whose deliveries a test can read, and {@link #failingPublisher}
 * (optional) one whose destination is down.
 *
 * <p>An implementation accepts any batch (empty, several carts, immutable lists) without changing
 * it, accepts the same events again (delivery is at least once; consumers de-duplicate by cart id
 * and sequence), keeps each cart's events in the order given, and reports a failing destination as a
 * {@code CartException} with {@code PROVIDER_UNAVAILABLE}. It must be thread-safe: the engine
 * publishes from any number of threads at once.
 */
public abstract class CartEventPublisherContract {

    /** Subclasses are the implementation-specific tests. */
    protected CartEventPublisherContract() {
    }

    /**
     * The publisher under test.
     *
     * @return a publisher
     */
    protected abstract CartEventPublisher newPublisher();

    /**
     * The events the publisher passed on so far, in order, when they can be observed; empty (the
     * default) checks acceptance only.
     *
     * @param publisher the publisher under test
     * @return the delivered events, or empty
     */
    protected Optional<List<CartEvent>> delivered(CartEventPublisher publisher) {
        return Optional.empty();
    }

    /**
     * A publisher whose destination fails on every call, when it has one that can fail; empty skips
     * that check.
     *
     * @return the failing publisher, or empty
     */
    protected Optional<CartEventPublisher> failingPublisher() {
        return Optional.empty();
    }

    private static List<CartEvent> events(CartId cart, int count) {
        List<CartEvent> events = new ArrayList<>();
        CartEvent.Type[] types = {CartEvent.Type.CREATED, CartEvent.Type.LINE_ADDED, CartEvent.Type.CODE_APPLIED};
        for (int i = 0; i < count; i++) {
            events.add(new CartEvent(cart, i + 1L, 0, types[Math.min(i, types.length - 1)],
                    Instant.parse("2026-01-01T10:00:00Z").plusSeconds(i), Map.of("n", "" + i)));
        }
        return List.copyOf(events);
    }

    private static List<CartEvent> ofCart(List<CartEvent> events, CartId cart) {
        return events.stream().filter(e -> e.cartId().equals(cart)).toList();
    }

    @Test
    void publish_emptyBatch_deliversNothing() {
        CartEventPublisher publisher = newPublisher();

        publisher.publish(List.of());

        delivered(publisher).ifPresent(d -> assertEquals(List.of(), d));
    }

    @Test
    void publish_eventsOfSeveralCarts_keepsEachCartsOrder() {
        CartEventPublisher publisher = newPublisher();
        CartId first = CartId.random();
        CartId second = CartId.random();
        List<CartEvent> a = events(first, 3);
        List<CartEvent> b = events(second, 2);
        List<CartEvent> batch = List.of(a.get(0), b.get(0), a.get(1), b.get(1), a.get(2));

        publisher.publish(batch);

        delivered(publisher).ifPresent(d -> {
            assertEquals(a, ofCart(d, first));
            assertEquals(b, ofCart(d, second));
        });
    }

    @Test
    void publish_sameEventsAgain_accepted() {
        CartEventPublisher publisher = newPublisher();
        CartId cart = CartId.random();
        List<CartEvent> events = events(cart, 2);

        publisher.publish(events);
        publisher.publish(events);

        delivered(publisher).ifPresent(d -> {
            List<CartEvent> mine = ofCart(d, cart);
            assertTrue(mine.containsAll(events), "every event delivered at least once");
            assertEquals(events, mine.stream().distinct().toList());
        });
    }

    @Test
    void publish_concurrentCallsForManyCarts_everyEventDeliveredInCartOrder() throws Exception {
        CartEventPublisher publisher = newPublisher();
        int carts = 16;
        int perCart = 30;
        List<CartId> ids = new ArrayList<>();
        for (int i = 0; i < carts; i++) {
            ids.add(CartId.random());
        }

        Concurrently.run(8, carts, i -> () -> {
            for (CartEvent event : events(ids.get(i), perCart)) {
                publisher.publish(List.of(event));
            }
            return null;
        });

        delivered(publisher).ifPresent(d -> {
            for (CartId id : ids) {
                assertEquals(events(id, perCart), ofCart(d, id), "events of one cart in order");
            }
        });
    }

    @Test
    void publish_destinationFails_providerUnavailable() {
        Optional<CartEventPublisher> failing = failingPublisher();
        assumeTrue(failing.isPresent(), "no failing destination for this publisher");

        ProviderChecks.unavailable(() -> failing.get().publish(events(CartId.random(), 1)));
    }
}
