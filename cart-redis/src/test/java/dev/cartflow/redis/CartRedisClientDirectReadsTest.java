package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
 * The cache-hit read of a standalone client: on blocking connections of its own (the reading threads
 * do the I/O), at most as many as configured, concurrent reads combined on them; the shared Lettuce
 * connection when one was found closed. The
 * connections are told apart on the server by their client name and last command.
 */
class CartRedisClientDirectReadsTest {

    /** The server's connections of one client name, one {@code CLIENT LIST} line each. */
    private static List<String> connectionsNamed(CartRedisClient client, String name) {
        return Arrays.stream(client.commands().clientList().split("\n"))
                .filter(line -> line.contains(" name=" + name + " ")).toList();
    }

    /** HMGET of text fields, answered as text ({@code null} for a missing field). */
    private static List<String> hmget(CartRedisClient client, String key, String... fields) {
        byte[][] names = new byte[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            names[i] = fields[i].getBytes(StandardCharsets.UTF_8);
        }
        return client.hmget(key, names).stream()
                .map(v -> v == null ? null : new String(v, StandardCharsets.UTF_8)).toList();
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

            assertThat(hmget(client, key, "a", "b")).containsExactly("1", null);

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
            assertThat(hmget(client, key, "a", "b")).containsExactly("1", null);
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
                            List<String> values = hmget(client, name + ":h" + reader, "v", "t");
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

    @Test
    void hmget_concurrentReadersOnOneConnection_eachAnsweredWithItsOwnKeysValue() throws Exception {
        String name = TestRedis.freshPrefix();
        int readers = 8;
        try (CartRedisClient client = CartRedisClient.standalone(named(name), Duration.ofSeconds(2), 1)) {
            for (int r = 0; r < readers; r++) {
                client.commands().hset(name + ":h" + r, Map.of("v", "value-" + r));
            }
            List<Integer> mismatches = concurrently(readers, reader -> {
                int wrong = 0;
                for (int i = 0; i < 500; i++) {
                    if (!hmget(client, name + ":h" + reader, "v", "t").equals(Arrays.asList("value-" + reader, null))) {
                        wrong++;
                    }
                }
                return wrong;
            });

            assertThat(mismatches).as("reads answered with another reader's value or none").containsOnly(0);
            List<String> connections = connectionsNamed(client, name);
            assertThat(connections).as("Lettuce's and the one blocking connection").hasSize(2);
            assertThat(connections).filteredOn(line -> line.contains(" cmd=hmget ")).hasSize(1);
        }
    }

    @Test
    void hmget_pausedServer_everyReaderOfTheBatchTimesOut_thenEachGetsItsOwnReply() throws Exception {
        TestRedis.Restartable server = TestRedis.Restartable.start();
        String name = TestRedis.freshPrefix();
        int readers = 4;
        try (CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofMillis(200), 1);
             CartRedisClient admin = CartRedisClient.standalone(server.url(), Duration.ofSeconds(2), 0)) {
            for (int r = 0; r < readers; r++) {
                admin.commands().hset(name + ":h" + r, Map.of("v", "value-" + r));
            }
            assertThat(hmget(client, name + ":h0", "v")).as("opens the blocking connection").containsExactly("value-0");

            admin.commands().clientPause(700); // every reply comes after its read's timeout
            List<Integer> timedOut = concurrently(readers, reader -> {
                try {
                    hmget(client, name + ":h" + reader, "v");
                    return 0;
                } catch (RuntimeException e) {
                    return 1;
                }
            });
            assertThat(timedOut).as("no read waits for the paused server past its timeout").containsOnly(1);
            Thread.sleep(800);

            List<Integer> answered = concurrently(readers,
                    reader -> hmget(client, name + ":h" + reader, "v").equals(List.of("value-" + reader)) ? 1 : 0);
            assertThat(answered).as("each its own value, none a late reply").containsOnly(1);
        } finally {
            server.stop();
        }
    }

    @Test
    void hmget_interruptedReaderWaitingForBatch_answeredWithoutSpinningAndStillInterrupted() throws Exception {
        try (PausableServer fixture = PausableServer.start(Duration.ofSeconds(5))) {
            CartRedisClient client = fixture.client;
            String name = fixture.name;
            fixture.admin.commands().clientPause(600); // the leader's batch waits; the second reader waits for it
            Thread leader = new Thread(() -> hmget(client, name + ":a", "v"));
            leader.start();
            Thread.sleep(100);
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            Object[] seen = new Object[3];
            Thread interrupted = new Thread(() -> {
                Thread.currentThread().interrupt();
                long cpu = threads.getCurrentThreadCpuTime();
                seen[0] = hmget(client, name + ":b", "v");
                seen[1] = threads.getCurrentThreadCpuTime() - cpu;
                seen[2] = Thread.currentThread().isInterrupted();
            });
            interrupted.start();
            interrupted.join(10_000);
            leader.join(10_000);

            assertThat(seen[0]).isEqualTo(List.of("b"));
            assertThat((Long) seen[1]).as("CPU nanoseconds while waiting about 0.5 s: parked, not spinning")
                    .isLessThan(200_000_000L);
            assertThat(seen[2]).as("the interrupt is kept for the caller").isEqualTo(true);
        }
    }

    /** Runs {@code task} on {@code threads} threads at once (argument: the thread's number); their results. */
    private static List<Integer> concurrently(int threads, java.util.function.IntFunction<Integer> task)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int number = t;
                results.add(pool.submit(() -> {
                    start.await();
                    return task.apply(number);
                }));
            }
            List<Integer> values = new ArrayList<>();
            for (Future<Integer> f : results) {
                values.add(f.get());
            }
            return values;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hmget_afterTimeout_nextReadGetsItsOwnReplyNotTheLateOne() throws Exception {
        try (PausableServer fixture = PausableServer.start(Duration.ofMillis(200))) {
            CartRedisClient client = fixture.client;
            String name = fixture.name;
            fixture.admin.commands().clientPause(700); // the reply to the next read comes after its timeout
            assertThatThrownBy(() -> hmget(client, name + ":a", "v")).isInstanceOf(RuntimeException.class);
            Thread.sleep(800);

            assertThat(hmget(client, name + ":b", "v")).as("not the late reply for :a").containsExactly("b");
        }
    }

    /**
     * A server of its own (the tests pause it) with hashes {@code <name>:a} and {@code <name>:b}
     * ({@code v} = "a", "b"), a client with one blocking connection, already opened by a read of
     * {@code :a}, and an admin client without any.
     */
    private static final class PausableServer implements AutoCloseable {
        final TestRedis.Restartable server = TestRedis.Restartable.start();
        final String name = TestRedis.freshPrefix();
        final CartRedisClient client;
        final CartRedisClient admin;

        private PausableServer(Duration commandTimeout) {
            client = CartRedisClient.standalone(server.url(), commandTimeout, 1);
            admin = CartRedisClient.standalone(server.url(), Duration.ofSeconds(5), 0);
        }

        static PausableServer start(Duration commandTimeout) {
            PausableServer fixture = new PausableServer(commandTimeout);
            fixture.admin.commands().hset(fixture.name + ":a", Map.of("v", "a"));
            fixture.admin.commands().hset(fixture.name + ":b", Map.of("v", "b"));
            assertThat(hmget(fixture.client, fixture.name + ":a", "v")).as("opens the blocking connection")
                    .containsExactly("a");
            return fixture;
        }

        @Override
        public void close() {
            try (CartRedisClient c = client; CartRedisClient a = admin) {
                // both closed, then the server stopped
            } finally {
                server.stop();
            }
        }
    }

    @Test
    void hmget_connectionClosedByServer_answeredThenReadsOnNewConnectionOfItsOwn() {
        String name = TestRedis.freshPrefix();
        try (CartRedisClient client = CartRedisClient.standalone(named(name), Duration.ofSeconds(2), 1)) {
            String key = name + ":h";
            client.commands().hset(key, Map.of("a", "1"));
            assertThat(hmget(client, key, "a")).containsExactly("1");
            String killed = idOf(connectionsNamed(client, name).stream()
                    .filter(line -> line.contains(" cmd=hmget ")).findFirst().orElseThrow());
            client.commands().clientKill(io.lettuce.core.KillArgs.Builder.id(Long.parseLong(killed)));

            assertThat(hmget(client, key, "a")).as("the shared connection answers").containsExactly("1");
            assertThat(hmget(client, key, "a")).containsExactly("1");

            List<String> direct = connectionsNamed(client, name).stream()
                    .filter(line -> line.contains(" cmd=hmget ")).toList();
            assertThat(direct).as("a new blocking connection").hasSize(1);
            assertThat(idOf(direct.get(0))).isNotEqualTo(killed);
        }
    }

    private static String idOf(String clientListLine) {
        return clientListLine.substring(clientListLine.indexOf("id=") + 3, clientListLine.indexOf(' '));
    }
}
