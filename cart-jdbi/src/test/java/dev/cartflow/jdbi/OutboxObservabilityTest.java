package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartEventPublisher;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The outbox dispatcher tells an observer of its lag and survived failures, and reports its health, on PostgreSQL. */
class OutboxObservabilityTest {
    private static PostgresFixture db;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CartObserver observer = new CartObserver() {
        @Override
        public void outboxMeasured(long pending, Duration oldestAge) {
            seen.add("lag " + pending + " " + oldestAge.toSeconds());
        }

        @Override
        public void failureSwallowed(String where, Throwable error) {
            seen.add("swallowed " + where);
        }
    };

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(2);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.truncate();
    }

    /** Two undelivered events, the oldest at T0 + 1 s. */
    private static void twoEvents() {
        CartId id = CartId.random();
        List<CartEvent> events = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            events.add(new CartEvent(id, s, 0, CartEvent.Type.QUANTITY_CHANGED, TestCarts.T0.plusSeconds(s), Map.of()));
        }
        db.jdbi.useTransaction(h -> CartStore.insertEvents(h, events));
    }

    private static Clock at(Duration afterT0) {
        return Clock.fixed(TestCarts.T0.plus(afterT0), ZoneOffset.UTC);
    }

    @Test
    void dispatchOnce_publisherFails_lagAndFailureObserved() {
        twoEvents();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, events -> {
            throw new IllegalStateException("broker down");
        }).clock(at(Duration.ofSeconds(61))).observer(observer).build();

        assertThatThrownBy(dispatcher::dispatchOnce).isInstanceOf(CartException.class);

        assertThat(seen).containsExactly("lag 2 60");
    }

    @Test
    void loop_roundFails_failureObservedAndLoopGoesOn() throws Exception {
        twoEvents();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, events -> {
            throw new IllegalStateException("broker down");
        }).backoff(Duration.ofMillis(10), Duration.ofMillis(50)).observer(observer).build();
        dispatcher.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.stream().filter("swallowed outbox.dispatch"::equals).count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            dispatcher.stop();
        }

        assertThat(seen.stream().filter("swallowed outbox.dispatch"::equals).count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void dispatchOnce_delivered_lagZeroObserved() {
        twoEvents();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, CartEventPublisher.NONE)
                .clock(at(Duration.ofSeconds(61))).observer(observer).build();

        assertThat(dispatcher.dispatchOnce()).isEqualTo(2);

        assertThat(seen).containsExactly("lag 0 0");
    }

    @Test
    void health_recentPending_upWithDetails() {
        twoEvents();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, CartEventPublisher.NONE)
                .clock(at(Duration.ofSeconds(30))).build();

        ComponentHealth health = dispatcher.health();

        assertThat(dispatcher.healthName()).isEqualTo("outbox");
        assertThat(health.status()).isEqualTo(HealthStatus.UP);
        assertThat(health.details()).containsEntry("pending", "2").containsEntry("oldestPendingSeconds", "29")
                .containsEntry("running", "false");
    }

    @Test
    void health_oldestPendingBeyondBound_degraded() {
        twoEvents();
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, CartEventPublisher.NONE)
                .clock(at(Duration.ofMinutes(10))).degradedAfter(Duration.ofMinutes(5)).build();

        assertThat(dispatcher.health().status()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void health_databaseUnreachable_downNeverThrows() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PGSimpleDataSource unreachable = new PGSimpleDataSource();
        unreachable.setUrl("jdbc:postgresql://127.0.0.1:" + port + "/cartflow");
        unreachable.setUser("nobody");
        unreachable.setConnectTimeout(1);
        OutboxDispatcher dispatcher = OutboxDispatcher.builder(Jdbi.create(unreachable), CartEventPublisher.NONE)
                .observer(observer).build();

        assertThat(dispatcher.health().status()).isEqualTo(HealthStatus.DOWN);
        assertThatThrownBy(dispatcher::dispatchOnce).isInstanceOf(CartException.class);
        assertThat(seen).containsExactly("swallowed outbox.measure");
    }

    @Test
    void builder_badObservabilitySettings_invalidInput() {
        OutboxDispatcher.Builder builder = OutboxDispatcher.builder(db.jdbi, CartEventPublisher.NONE);

        assertThatThrownBy(() -> builder.observer(null)).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> builder.degradedAfter(Duration.ZERO)).isInstanceOf(CartException.class);
    }
}
