package dev.cartflow.redis;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A few blocking connections (Jedis) on which the calling thread itself writes a read command and
 * waits for its reply. Lettuce's synchronous call hands each command to a Netty event loop and the
 * reply back to the caller: two thread wake-ups per command that dominate a cache hit's latency at
 * low concurrency, and more so on a busy machine. Here there is none.
 *
 * <p>When every connection is taken, {@link #hmget} answers {@code null} at once and the caller uses
 * the shared multiplexed Lettuce connection instead, which pipelines concurrent commands; so the
 * number of connections stays small whatever the number of threads, and no thread waits for a
 * connection. Commands are bounded by the command timeout (also when a connection must be opened).
 *
 * <p>A restarted server is first noticed by Lettuce's connection (it sees the close at once, these
 * connections only when next used), which makes the cache distrust Redis until the server's run id
 * is checked; so falling back to the shared connection after a closed one here is safe.
 * Jedis exceptions are not translated here: every caller runs behind a {@link RedisGuard}.
 */
final class DirectReads implements AutoCloseable {
    private final JedisPooled jedis;
    private final Semaphore free;

    private DirectReads(JedisPooled jedis, int connections) {
        this.jedis = jedis;
        this.free = new Semaphore(connections);
    }

    /**
     * Direct reads to the server of {@code uri}, or {@code null} where they do not apply: no
     * connections asked for, or a URI that is not a plain TCP server (TLS, Unix socket, Sentinel and
     * credentials resolved later stay on Lettuce, whose settings for them have no exact Jedis
     * equivalent here).
     */
    static DirectReads open(RedisURI uri, Duration timeout, int connections) {
        if (connections <= 0 || uri.isSsl() || uri.getSocket() != null || !uri.getSentinels().isEmpty()
                || uri.getHost() == null
                || !(uri.getCredentialsProvider() instanceof RedisCredentialsProvider.ImmediateRedisCredentialsProvider
                        credentials)) {
            return null;
        }
        RedisCredentials login = credentials.resolveCredentialsNow();
        int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .database(uri.getDatabase());
        if (login != null && login.hasUsername()) {
            config.user(login.getUsername());
        }
        if (login != null && login.hasPassword()) {
            config.password(new String(login.getPassword()));
        }
        if (uri.getClientName() != null) {
            config.clientName(uri.getClientName());
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
        pool.setMinIdle(0);
        pool.setJmxEnabled(false);
        // never reached: the semaphore hands out at most as many permits as there are connections
        pool.setMaxWait(timeout);
        return new DirectReads(new JedisPooled(new HostAndPort(uri.getHost(), uri.getPort()), config.build(), pool),
                connections);
    }

    /**
     * The values of {@code fields} of a hash ({@code null} for a missing one), or {@code null} when
     * the caller should use the shared connection: all connections are busy, or the one taken was
     * found closed (the server restarted or dropped it). Then every idle connection is dropped too,
     * as they are likely closed as well. A timeout is thrown, not retried: the caller's time is up.
     */
    List<String> hmget(String key, String... fields) {
        if (!free.tryAcquire()) {
            return null;
        }
        try {
            return jedis.hmget(key, fields);
        } catch (JedisConnectionException e) {
            if (e.getCause() instanceof SocketTimeoutException) {
                throw e;
            }
            jedis.getPool().clear();
            return null;
        } finally {
            free.release();
        }
    }

    @Override
    public void close() {
        jedis.close();
    }
}
