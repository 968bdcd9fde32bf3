package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartWrite;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances (each with its own cluster client, as two service processes have) cache one
 * delegate's carts on the three-master test cluster while one master stops answering
 * ({@code CLIENT PAUSE}: its clients time out, as when it dies). The promise under test: a read on
 * either instance never returns a version older than a change acknowledged before it, for carts on
 * the stalled master and on the healthy ones (issue 14's {@code redis-restart} check, in one JVM).
 */
class ClusterNodeFailureCacheTest {
    private static final Duration TIMEOUT = Duration.ofMillis(300);
    private static final Duration OPEN_DELAY = Duration.ofSeconds(60);

    private final InMemoryCartRepository delegate = new InMemoryCartRepository();
    private final String prefix = TestRedis.freshPrefix();
    private final RedisKeys keys = new RedisKeys(prefix);
    private CartRedisClient firstClient;
    private CartRedisClient secondClient;
    private CachingCartRepository first;
    private CachingCartRepository second;

    @BeforeEach
    void twoInstances() {
        String seed = TestRedis.clusterSeed();
        firstClient = CartRedisClient.cluster(List.of(seed), TIMEOUT);
        secondClient = CartRedisClient.cluster(List.of(seed), TIMEOUT);
        // one failure opens a circuit, which then stays open for the whole test: no timing luck
        first = CachingCartRepository.builder(delegate, firstClient).keyPrefix(prefix)
                .circuitBreaker(1, OPEN_DELAY).build();
        second = CachingCartRepository.builder(delegate, secondClient).keyPrefix(prefix)
                .circuitBreaker(1, OPEN_DELAY).build();
    }

    @AfterEach
    void close() {
        // a pause outlives its test: let it end so that the next test's clients can connect
        for (var node : partitions()) {
            awaitAnswering(node.getUri().getPort());
        }
        first.close();
        second.close();
        firstClient.close();
        secondClient.close();
    }

    @Test
    void save_otherMasterStalled_updatesEntryOnHealthyMaster() throws Exception {
        Partitions nodes = partitions();
        int stalled = portOf(nodes, CartId.random());
        Cart onStalled = cartWhere(nodes, port -> port == stalled);
        Cart onHealthy = cartWhere(nodes, port -> port != stalled);
        for (Cart cart : List.of(onStalled, onHealthy)) {
            first.save(CartWrite.of(cart, 0, List.of()));
            assertThat(second.find(cart.id())).hasValue(cart); // cached, and seen by the other instance
        }

        pause(stalled, Duration.ofSeconds(2));
        Cart stalledNext = Carts.add(onStalled, "A");
        first.save(CartWrite.of(stalledNext, onStalled.version(), List.of())); // its cache update times out
        Cart healthyNext = Carts.add(onHealthy, "B");
        first.save(CartWrite.of(healthyNext, onHealthy.version(), List.of()));

        assertThat(second.find(onHealthy.id()).orElseThrow().version())
                .as("read on the other instance after an acknowledged save of a cart on a healthy master")
                .isEqualTo(healthyNext.version());
        long hitsBefore = first.cacheHealth().hits();
        assertThat(first.find(onHealthy.id())).hasValue(healthyNext);
        assertThat(first.cacheHealth().hits()).as("the writer still reads the healthy master's entries")
                .isEqualTo(hitsBefore + 1);
        assertThat(first.cacheHealth().circuitState()).as("the stalled master's circuit").isEqualTo("OPEN");
    }

    @Test
    void save_whileCircuitOfItsMasterOpen_stillUpdatesEntryOnceMasterAnswers() throws Exception {
        Partitions nodes = partitions();
        int stalled = portOf(nodes, CartId.random());
        Cart cart = cartWhere(nodes, port -> port == stalled);
        first.save(CartWrite.of(cart, 0, List.of()));

        pause(stalled, Duration.ofMillis(1_500));
        Cart duringStall = Carts.add(cart, "A");
        first.save(CartWrite.of(duringStall, cart.version(), List.of())); // times out: this circuit opens
        awaitAnswering(stalled);
        // the master answers again (as a restarted one does); the other instance reads and fills
        assertThat(second.find(cart.id()).orElseThrow().version()).isEqualTo(duringStall.version());

        Cart afterStall = Carts.add(duringStall, "A");
        first.save(CartWrite.of(afterStall, duringStall.version(), List.of())); // circuit still open here

        assertThat(second.find(cart.id()).orElseThrow().version())
                .as("read on the other instance after a save acknowledged while the writer's circuit was open")
                .isEqualTo(afterStall.version());
    }

    @Test
    void find_afterCircuitOfItsMasterOpened_neverServesEntryThatOutlivedTheOutage() throws Exception {
        CartRedisClient readerClient = CartRedisClient.cluster(List.of(TestRedis.clusterSeed()), TIMEOUT);
        // a short delay: the circuit half-opens again soon after the master answers
        try (CachingCartRepository reader = CachingCartRepository.builder(delegate, readerClient).keyPrefix(prefix)
                .circuitBreaker(1, Duration.ofMillis(200)).build()) {
            Partitions nodes = partitions();
            int stalled = portOf(nodes, CartId.random());
            Cart cart = cartWhere(nodes, port -> port == stalled);
            first.save(CartWrite.of(cart, 0, List.of()));
            assertThat(reader.find(cart.id())).hasValue(cart);

            pause(stalled, Duration.ofMillis(1_000));
            long hitsBefore = reader.cacheHealth().hits();
            reader.find(cart.id()); // times out on the stalled master: the reader's circuit for it opens
            // a change whose cache update the master refused meanwhile (as a cluster that is down
            // refuses every command): the entry that survives is one version behind
            Cart changed = Carts.add(cart, "A");
            delegate.save(CartWrite.of(changed, cart.version(), List.of()));
            awaitAnswering(stalled);
            Thread.sleep(300); // past the circuit delay

            assertThat(reader.find(cart.id()).orElseThrow().version())
                    .as("first read once the master answers again").isEqualTo(changed.version());
            assertThat(reader.find(cart.id()).orElseThrow().version()).isEqualTo(changed.version());
            assertThat(reader.cacheHealth().hits()).as("the cache serves the master's carts again")
                    .isEqualTo(hitsBefore + 1);
        } finally {
            readerClient.close();
        }
    }

    // ------------------------------------------------------------------ cluster helpers

    private static Partitions partitions() {
        return ClusterPartitionParser.parse(TestRedis.clusterClient().commands().clusterNodes());
    }

    private int portOf(Partitions nodes, CartId id) {
        return nodes.getPartitionBySlot(CartRedisClient.slot(keys.snapshot(id))).getUri().getPort();
    }

    /** A new guest cart whose cache entry lives on a master whose port passes {@code where}. */
    private Cart cartWhere(Partitions nodes, java.util.function.IntPredicate where) {
        while (true) {
            Cart cart = Carts.guest();
            if (where.test(portOf(nodes, cart.id()))) {
                return cart;
            }
        }
    }

    /** The master stops answering its clients for {@code duration} (it keeps its data). */
    private static void pause(int port, Duration duration) {
        RedisClient admin = RedisClient.create("redis://127.0.0.1:" + port);
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            connection.sync().clientPause(duration.toMillis());
        } finally {
            admin.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }

    /** Waits until the master answers a command again (the pause has ended). */
    private static void awaitAnswering(int port) {
        RedisClient admin = RedisClient.create("redis://127.0.0.1:" + port);
        try (StatefulRedisConnection<String, String> connection = admin.connect()) {
            connection.setTimeout(Duration.ofSeconds(10));
            assertThat(connection.sync().ping()).isEqualTo("PONG");
        } finally {
            admin.shutdown(Duration.ZERO, Duration.ofSeconds(1));
        }
    }
}
