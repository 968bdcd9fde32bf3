package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * A server that restarts from an old persisted snapshot must never serve it: reads use blocking
 * connections of their own besides Lettuce's, and whichever reaches the restarted server first, the
 * cache is distrusted until the server's run id has been compared and the prefix flushed.
 */
class CachingCartRepositoryRestartTest {

    @Test
    void find_serverRestartedFromOlderSnapshot_neverServesTheOlderCart() throws Exception {
        Path dir = Files.createTempDirectory("redis-restart");
        int port = TestRedis.freePort();
        RedisServer server = persistent(port, dir);
        server.start();
        String url = "redis://127.0.0.1:" + port;
        String prefix = TestRedis.freshPrefix();
        try (CartRedisClient client = CartRedisClient.standalone(url, Duration.ofSeconds(2));
             CachingCartRepository repo = CachingCartRepository.builder(new InMemoryCartRepository(), client)
                     .keyPrefix(prefix).circuitBreaker(2, Duration.ofMillis(200)).build()) {
            assertThat(client.hasDirectReads()).as("the read path under test").isTrue();
            Cart old = Carts.guest();
            repo.save(CartWrite.of(old, 0, List.of()));
            assertThat(repo.find(old.id())).contains(old);
            client.commands().save(); // the snapshot on disk holds this version
            Cart current = Carts.add(old, "A");
            repo.save(CartWrite.of(current, old.version(), List.of()));
            assertThat(repo.find(current.id())).contains(current);

            server.stop(); // without saving: the restarted server loads the older version
            server = persistent(port, dir);
            server.start();
            try (CartRedisClient admin = CartRedisClient.standalone(url, Duration.ofSeconds(2), 0)) {
                assertThat(admin.commands().hget(new RedisKeys(prefix).snapshot(old.id()), "v"))
                        .as("the restarted server holds the older entry").isEqualTo(Long.toString(old.version()));
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            long hitsBefore = repo.cacheHealth().hits();
            while (System.nanoTime() < deadline && repo.cacheHealth().hits() < hitsBefore + 3) {
                assertThat(repo.find(current.id())).as("never the restored older version").contains(current);
                Thread.sleep(20);
            }
            assertThat(repo.cacheHealth().hits()).as("served from Redis again").isGreaterThanOrEqualTo(hitsBefore + 3);
        } finally {
            server.stop();
        }
    }

    private static RedisServer persistent(int port, Path dir) {
        try {
            return RedisServer.newRedisServer()
                    .port(port)
                    .setting("bind 127.0.0.1")
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("dbfilename dump.rdb")
                    .setting("save \"\"") // only the explicit SAVE above writes the file
                    .setting("appendonly no")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
