package dev.cartflow.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartEvent;
import dev.cartflow.service.CartServiceApplication;
import java.time.Duration;
import java.util.List;
import java.util.Currency;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The polling feed on the service's engine: sharing, the cap, access and shutdown. */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {EventStreamTestSettings.HEARTBEAT, EventStreamTestSettings.POLL})
class PollingCartEventFeedTest {
    private static final Duration WAIT = SseClient.WAIT;

    @Autowired
    CartEngine engine;

    private PollingCartEventFeed feed;

    @AfterEach
    void closeFeed() {
        if (feed != null) {
            feed.close();
        }
    }

    @Test
    void subscribe_twoSubscribersOfOneCart_shareOnePollAndBothReceiveTheChange() throws Exception {
        feed = feed(10);
        CreatedCart cart = cart();
        Recorder first = new Recorder();
        Recorder second = new Recorder();
        long version = cart.cart().version();
        feed.subscribe(owner(cart), cart.cart().id(), version, first);
        feed.subscribe(owner(cart), cart.cart().id(), version, second);
        assertThat(feed.watchedCarts()).isEqualTo(1);
        assertThat(feed.subscriberCount()).isEqualTo(2);

        change(cart);

        List<CartEvent> expected = engine.changesSince(owner(cart), cart.cart().id(), version);
        assertThat(first.next()).isEqualTo(expected);
        assertThat(second.next()).isEqualTo(expected);
    }

    @Test
    void subscribe_withBacklog_deliversItBeforeLiveEventsAndNothingTwice() throws Exception {
        feed = feed(10);
        CreatedCart cart = cart();
        long start = cart.cart().version();
        change(cart);
        Recorder recorder = new Recorder();
        feed.subscribe(owner(cart), cart.cart().id(), start, recorder);
        assertThat(recorder.next()).isEqualTo(engine.changesSince(owner(cart), cart.cart().id(), start));
        long caughtUp = engine.get(owner(cart), cart.cart().id()).version();

        change(cart);

        assertThat(recorder.next()).isEqualTo(engine.changesSince(owner(cart), cart.cart().id(), caughtUp));
        assertThat(recorder.events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void subscribe_beyondTheCap_refusedWithProviderUnavailable() {
        feed = feed(1);
        CreatedCart cart = cart();
        feed.subscribe(owner(cart), cart.cart().id(), cart.cart().version(), new Recorder());

        assertThatThrownBy(() -> feed.subscribe(owner(cart), cart.cart().id(), cart.cart().version(), new Recorder()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(feed.subscriberCount()).isEqualTo(1);
    }

    @Test
    void subscribe_strangerToTheCart_refusedAndNothingSubscribed() {
        feed = feed(10);
        CreatedCart cart = cart();

        assertThatThrownBy(() -> feed.subscribe(Actor.guest("someone-else"), cart.cart().id(), 0, new Recorder()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
        assertThat(feed.subscriberCount()).isZero();
        assertThat(feed.watchedCarts()).isZero();
    }

    @Test
    void subscribe_negativeVersion_refusedAsInvalidInput() {
        feed = feed(10);
        CreatedCart cart = cart();

        assertThatThrownBy(() -> feed.subscribe(owner(cart), cart.cart().id(), -1, new Recorder()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void close_lastSubscriptionOfACart_stopsItsPoll() {
        feed = feed(10);
        CreatedCart cart = cart();
        CartEventFeed.Subscription subscription =
                feed.subscribe(owner(cart), cart.cart().id(), cart.cart().version(), new Recorder());

        subscription.close();
        subscription.close();

        assertThat(feed.subscriberCount()).isZero();
        assertThat(feed.watchedCarts()).isZero();
    }

    @Test
    void close_theFeed_endsEverySubscriptionWithProviderUnavailable() throws Exception {
        feed = feed(10);
        CreatedCart cart = cart();
        Recorder recorder = new Recorder();
        feed.subscribe(owner(cart), cart.cart().id(), cart.cart().version(), recorder);

        feed.close();

        CartException failure = recorder.failures.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(failure).isNotNull();
        assertThat(failure.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(feed.subscriberCount()).isZero();
        assertThatThrownBy(() -> feed.subscribe(owner(cart), cart.cart().id(), 0, new Recorder()))
                .isInstanceOf(CartException.class);
    }

    private PollingCartEventFeed feed(int cap) {
        return new PollingCartEventFeed(engine, Duration.ofMillis(50), Duration.ofSeconds(30), 1, cap);
    }

    private CreatedCart cart() {
        return engine.createGuestCart(new NewCart(Currency.getInstance("EUR"), "DE", null, null, null));
    }

    private static Actor owner(CreatedCart cart) {
        return Actor.guest(cart.token());
    }

    private void change(CreatedCart cart) {
        engine.execute(owner(cart), cart.cart().id(), new CartCommand.SetMetadata("{\"note\":\"" + System.nanoTime()
                + "\"}"), Mutation.none());
    }

    /** Records what the feed hands over. */
    private static final class Recorder implements CartEventFeed.Listener {
        final BlockingQueue<List<CartEvent>> events = new LinkedBlockingQueue<>();
        final BlockingQueue<CartException> failures = new LinkedBlockingQueue<>();

        @Override
        public void onEvents(List<CartEvent> delivered) {
            events.add(delivered);
        }

        @Override
        public void onError(CartException failure) {
            failures.add(failure);
        }

        List<CartEvent> next() throws InterruptedException {
            List<CartEvent> delivered = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(delivered).as("events within " + WAIT).isNotNull();
            return delivered;
        }
    }
}
