package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The cache-hit read of a standalone client: on blocking connections of its own (the calling thread
 * does the I/O), at most as many as configured, the shared Lettuce connection for the rest. The
 * connections are told apart on the server by their client name and last command.
 */
class CartRedisClientDirectReadsTest {

    /** The server's connections of one client name, one {@code CLIENT LIST} line each. */
    private static List<String> connectionsNamed(CartRedisClient client, String name) {
        return Arrays.stream(client.commands().clientList().split("\n"))
                .filter(line -> line.contains(" name=" + name + " ")).toList();
    }

    private static String named(String name) {
        return TestRedis.url() + "?clientName=" + name;
    }

    @Test
    void hmget_standaloneClient_readsOnConnectionOfItsOwn() {
        String name = TestRedis.freshPrefix();
        try (CartRedisClient client = CartRedisClient.standalone(named(name), Duration.ofSeconds(2), 2)) {
            String key = name + ":h";
            client.commands().hset(key, Map.of("a", "1"));

            assertThat(client.hmget(key, "a", "b")).containsExactly("1", null);

            List<String> connections = connectionsNamed(client, name);
            assertThat(connections).as("Lettuce's and one blocking connection").hasSize(2);
            assertThat(connections).filteredOn(line -> line.contains(" cmd=hmget ")).hasSize(1);
        }
    }

    @Test
    void hmget_noDirectConnections_readsOnSharedConnection() {
        String name = TestRedis.freshPrefix();
        try (CartRedisClient client = CartRedisClient.standalone(named(name), Duration.ofSeconds(2), 0)) {
            String key = name + ":h";
            client.commands().hset(key, Map.of("a", "1"));

            assertThat(client.hasDirectReads()).isFalse();
            assertThat(client.hmget(key, "a", "b")).containsExactly("1", null);
            assertThat(connectionsNamed(client, name)).as("only Lettuce's, which ran CLIENT LIST last").hasSize(1)
                    .noneMatch(line -> line.contains(" cmd=hmget "));
        }
    }

    @Test
    void hmget_moreReadersThanConnections_everyReadAnsweredOnBoundedConnections() throws Exception {
        String name = TestRedis.freshPrefix();
        int readers = 8;
        int connections = 2;
        try (CartRedisClient client = CartRedisClient.standalone(named(name), Duration.ofSeconds(2), connections)) {
            for (int r = 0; r < readers; r++) {
                client.commands().hset(name + ":h" + r, Map.of("v", "value-" + r));
            }
            ExecutorService pool = Executors.newFixedThreadPool(readers);
            try {
                List<Future<Integer>> wrong = new ArrayList<>();
                for (int r = 0; r < readers; r++) {
                    int reader = r;
                    wrong.add(pool.submit(() -> {
                        int mismatches = 0;
                        for (int i = 0; i < 300; i++) {
                            List<String> values = client.hmget(name + ":h" + reader, "v", "t");
                            if (!values.equals(Arrays.asList("value-" + reader, null))) {
                                mismatches++;
                            }
                        }
                        return mismatches;
                    }));
                }
                for (Future<Integer> f : wrong) {
                    assertThat(f.get()).as("reads answered with another key's or no value").isZero();
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(connectionsNamed(client, name)).as("Lettuce's and at most the configured blocking ones")
                    .hasSizeBetween(2, 1 + connections);
        }
    }
}
