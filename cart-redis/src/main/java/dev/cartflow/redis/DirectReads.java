package dev.cartflow.redis;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import io.netty.util.concurrent.EventExecutorGroup;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A few blocking connections (Jedis) on which the calling thread itself writes a read command and
 * waits for its reply. Lettuce's synchronous call hands each command to a Netty event loop and the
 * reply back to the caller: two thread wake-ups per command that dominate a cache hit's latency at
 * low concurrency, and more so on a busy machine. Here there is none.
 *
 * <p>Each connection sits in a slot of its own, opened on first use. A thread starts looking at the
 * slot its id points to, so a steady set of reader threads keeps using the same connections (in
 * effect a connection per reader thread, without a thread-local that a dying thread would leak), and
 * taking or giving back a slot is one atomic flag: no pool, no lock. When every slot is taken,
 * {@link #hmget} answers {@code null} at once and the caller uses the shared multiplexed Lettuce
 * connection instead, which pipelines concurrent commands; so the number of connections stays small
 * whatever the number of threads, and no thread waits for a connection. Commands are bounded by
 * the command timeout (also when a connection must be opened).
 *
 * <p>A connection that failed in any way (closed, timed out, so possibly with a reply still on its
 * way) is closed and its slot opens a fresh one next time. A restarted server is first noticed by
 * Lettuce's connection (it sees the close at once, these connections only when next used), which
 * makes the cache distrust Redis until the server's run id is checked; so falling back to the
 * shared connection after a closed one here is safe. Then every idle connection is replaced too, as
 * they are likely closed as well. Jedis exceptions are not translated here: every caller runs
 * behind a {@link RedisGuard}.
 */
final class DirectReads implements AutoCloseable {
    /** A slot's deadline while no command runs on it. */
    private static final long IDLE = Long.MIN_VALUE;
    /** A slot's deadline once the check found its command late and closes its connection. */
    private static final long EXPIRED = Long.MIN_VALUE + 1;

    private final HostAndPort server;
    private final JedisClientConfig config;
    private final Slot[] slots;
    /** Raised when a connection was found closed: connections opened before it are replaced when next taken. */
    private final AtomicInteger generation = new AtomicInteger();
    private final long timeoutNanos;
    private final Future<?> deadlineCheck;
    private volatile boolean closed;

    private DirectReads(HostAndPort server, JedisClientConfig config, int connections, Duration timeout,
                        EventExecutorGroup executors) {
        this.server = server;
        this.config = config;
        this.timeoutNanos = timeout.toNanos();
        this.slots = new Slot[connections];
        for (int i = 0; i < connections; i++) {
            slots[i] = new Slot();
        }
        long period = Math.max(1, timeout.toMillis() / 4);
        this.deadlineCheck = executors.scheduleAtFixedRate(this::closeLateCommands, period, period,
                TimeUnit.MILLISECONDS);
    }

    /**
     * Direct reads to the server of {@code uri}, or {@code null} where they do not apply: no
     * connections asked for, or a URI that is not a plain TCP server (TLS, Unix socket, Sentinel and
     * credentials resolved later stay on Lettuce, whose settings for them have no exact Jedis
     * equivalent here).
     */
    static DirectReads open(RedisURI uri, Duration timeout, int connections, EventExecutorGroup executors) {
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
                .socketTimeoutMillis(0)
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
        return new DirectReads(new HostAndPort(uri.getHost(), uri.getPort()), config.build(), connections, timeout,
                executors);
    }

    /**
     * The values of {@code fields} of a hash ({@code null} for a missing one), as the bytes Redis
     * holds, or {@code null} when the caller should use the shared connection: all connections are
     * busy, or the one taken was found closed (the server restarted or dropped it). A timeout is
     * thrown, not retried: the caller's time is up.
     */
    List<byte[]> hmget(String key, byte[]... fields) {
        Slot slot = take();
        if (slot == null) {
            return null;
        }
        try {
            return slot.hmget(key.getBytes(StandardCharsets.UTF_8), fields);
        } catch (JedisConnectionException e) {
            slot.discard();
            if (isTimeout(e)) {
                throw e;
            }
            generation.incrementAndGet();
            return null;
        } catch (JedisDataException e) {
            throw e; // an error reply: the connection is still in step with the server
        } catch (RuntimeException e) {
            slot.discard();
            throw e;
        } finally {
            slot.release();
        }
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** A free slot, first the calling thread's own, then any other; null when every slot is taken. */
    private Slot take() {
        if (closed) {
            return null;
        }
        int n = slots.length;
        int start = (int) Math.floorMod(Thread.currentThread().getId(), (long) n);
        for (int i = 0; i < n; i++) {
            Slot s = slots[(start + i) % n];
            if (s.tryTake()) {
                return s;
            }
        }
        return null;
    }

    /** Closes the connection of every command past its deadline (on Lettuce's event executors). */
    private void closeLateCommands() {
        long now = System.nanoTime();
        for (Slot s : slots) {
            s.closeIfLate(now);
        }
    }

    @Override
    public void close() {
        closed = true;
        deadlineCheck.cancel(false);
        for (Slot s : slots) {
            // a slot in use is closed by its reader when it gives the slot back
            if (s.tryTake()) {
                s.discard();
                s.release();
            }
        }
    }

    /** One connection, opened lazily; used by the one thread that took the slot. */
    private final class Slot {
        private final AtomicBoolean taken = new AtomicBoolean();
        /** When the running command is late ({@link System#nanoTime}), {@link #IDLE} or {@link #EXPIRED}. */
        private final AtomicLong deadline = new AtomicLong(IDLE);
        private Connection connection;
        /** The connection's socket, also while it is being opened; closed by the deadline check. */
        private volatile Socket socket;
        private int openedIn;

        boolean tryTake() {
            return !taken.get() && taken.compareAndSet(false, true);
        }

        void release() {
            taken.set(false);
            // closed while this slot was in use: close() could not take it, so its connection goes here
            if (closed && tryTake()) {
                discard();
                taken.set(false);
            }
        }

        List<byte[]> hmget(byte[] key, byte[][] fields) {
            byte[][] args = new byte[fields.length + 1][];
            args[0] = key;
            System.arraycopy(fields, 0, args, 1, fields.length);
            long due = System.nanoTime() + timeoutNanos;
            if (due == IDLE || due == EXPIRED) {
                due += 2;
            }
            deadline.set(due);
            List<byte[]> reply;
            try {
                Connection c = connection();
                c.sendCommand(Protocol.Command.HMGET, args);
                reply = c.getBinaryMultiBulkReply();
            } catch (RuntimeException e) {
                if (!finish(due)) {
                    throw new JedisConnectionException(new SocketTimeoutException("command timed out"));
                }
                throw e;
            }
            if (!finish(due)) {
                discard(); // answered just as the check closed it
            }
            return reply;
        }

        /** Ends the command; false when the deadline check took it (its socket is being closed). */
        private boolean finish(long due) {
            if (deadline.compareAndSet(due, IDLE)) {
                return true;
            }
            deadline.set(IDLE);
            return false;
        }

        /** Closes the socket of a command past its deadline, which ends a read (or a connect) blocked on it. */
        void closeIfLate(long now) {
            long due = deadline.get();
            if (due == IDLE || due == EXPIRED || now - due < 0 || !deadline.compareAndSet(due, EXPIRED)) {
                return;
            }
            Socket s = socket;
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closed either way; the reader discards its connection
                }
            }
        }

        /** The slot's connection: a new one when it has none, or when it predates a closed connection seen elsewhere. */
        private Connection connection() {
            int now = generation.get();
            if (connection != null && (openedIn != now || connection.isBroken())) {
                discard();
            }
            if (connection == null) {
                // no socket timeout: a socket that has one is read in non-blocking mode (see above)
                DefaultJedisSocketFactory sockets = new DefaultJedisSocketFactory(server, config);
                connection = new Connection(() -> {
                    Socket opened = sockets.createSocket();
                    socket = opened;
                    return opened;
                }, config);
                openedIn = now;
            }
            return connection;
        }

        void discard() {
            Connection c = connection;
            Socket s = socket;
            connection = null;
            socket = null;
            try {
                if (c != null) {
                    c.close();
                } else if (s != null) {
                    s.close();
                }
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone either way
            }
        }
    }
}
