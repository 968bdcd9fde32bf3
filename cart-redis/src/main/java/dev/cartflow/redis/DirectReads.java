package dev.cartflow.redis;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * Cache reads on a few blocking connections (Jedis) whose I/O the reading threads do themselves,
 * with concurrent reads combined: a reader queues its command on the connection its thread id points
 * to; whichever reader finds the connection free leads, writes every queued command at once, reads
 * the replies in order and hands each to its reader. A lone reader does its own round trip; sixteen
 * readers on four connections send batches of about four, so the server and the leader make one
 * system call per batch, not per read (docs/performance-redis.md, fourth round). Lettuce pipelines
 * too, but hands every command to an event loop thread and the reply back: two thread wake-ups per
 * read where a follower here has one and the leader none.
 *
 * <p>A leader serves batches until its own read is answered, then wakes the first waiting reader to
 * lead the next: no reader serves others forever, and no command waits without a leader. Commands
 * are bounded by the command timeout: a check every quarter of it closes the socket of a batch past
 * its deadline, which ends the leader's blocked read; a read still queued at its deadline gives up
 * without being sent.
 *
 * <p>A connection that failed in any way (closed, timed out, so possibly with replies still on
 * their way) is closed and opened afresh next time; the reads of its batch answer {@code null}
 * (closed: the caller uses the shared Lettuce connection) or time out. A restarted server is first
 * noticed by Lettuce's connection (it sees the close at once, these connections only when next used),
 * which makes the cache distrust Redis until the server's run id is checked; so falling back after a
 * closed connection here is safe. Then every connection is replaced too, as they are likely closed
 * as well. Jedis exceptions are not translated here: every caller runs behind a {@link RedisGuard}.
 */
final class DirectReads implements AutoCloseable {
    /** A connection's deadline while no batch is on it. */
    private static final long IDLE = Long.MIN_VALUE;
    /** A connection's deadline once the check found its batch late and closes its socket. */
    private static final long EXPIRED = Long.MIN_VALUE + 1;
    /** The most commands written at once: their replies (a cart snapshot each) stay within a few reads. */
    private static final int MAX_BATCH = 32;

    private final HostAndPort server;
    private final JedisClientConfig config;
    private final Lane[] lanes;
    /** Raised when a connection was found closed: connections opened before it are replaced when next used. */
    private final AtomicInteger generation = new AtomicInteger();
    private final long timeoutNanos;
    private final long checkPeriodNanos;
    private final Future<?> deadlineCheck;
    private volatile boolean closed;

    private DirectReads(HostAndPort server, JedisClientConfig config, int connections, Duration timeout,
                EventExecutorGroup executors) {
        this.server = server;
        this.config = config;
        this.timeoutNanos = timeout.toNanos();
        this.lanes = new Lane[connections];
        for (int i = 0; i < connections; i++) {
            lanes[i] = new Lane();
        }
        long period = Math.max(1, timeout.toMillis() / 4);
        this.checkPeriodNanos = TimeUnit.MILLISECONDS.toNanos(period);
        this.deadlineCheck = executors.scheduleAtFixedRate(this::closeLateBatches, period, period,
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
     * The values of {@code fields} of a hash ({@code null} for a missing one) as Redis holds them, or
     * {@code null} when the caller should use the shared connection: the connection was found closed
     * or this was closed. A timeout is thrown, not retried: the caller's time is up.
     */
    List<byte[]> hmget(String key, byte[]... fields) {
        if (closed) {
            return null;
        }
        byte[][] args = new byte[fields.length + 1][];
        args[0] = key.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(fields, 0, args, 1, fields.length);
        Lane lane = lanes[(int) Math.floorMod(Thread.currentThread().getId(), (long) lanes.length)];
        return lane.submit(new Read(args, System.nanoTime() + timeoutNanos));
    }

    private static JedisConnectionException timedOut() {
        return new JedisConnectionException(new SocketTimeoutException("command timed out"));
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Closes the socket of every batch past its deadline (on Lettuce's event executors). */
    private void closeLateBatches() {
        long now = System.nanoTime();
        for (Lane lane : lanes) {
            lane.closeIfLate(now);
        }
    }

    @Override
    public void close() {
        closed = true;
        deadlineCheck.cancel(false);
        for (Lane lane : lanes) {
            lane.discardIfFree();
        }
    }

    /** One queued command and, once its batch was read, its answer. */
    private static final class Read {
        final byte[][] args;
        final long due;
        final Thread reader = Thread.currentThread();
        private List<byte[]> reply;
        private RuntimeException failure;
        /** Written last, after the answer: reading it true makes the answer visible. */
        private volatile boolean done;

        Read(byte[][] args, long due) {
            this.args = args;
            this.due = due;
        }

        /** {@code null} reply with no failure: the caller falls back to the shared connection. */
        void answer(List<byte[]> value, RuntimeException error) {
            reply = value;
            failure = error;
            done = true;
            if (reader != Thread.currentThread()) {
                LockSupport.unpark(reader);
            }
        }

        List<byte[]> result() {
            if (failure != null) {
                throw failure;
            }
            return reply;
        }
    }

    /** One connection, its queue of commands and its leader flag. */
    private final class Lane {
        private final Queue<Read> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean led = new AtomicBoolean();
        /** When the batch on the wire is late ({@link System#nanoTime}), {@link #IDLE} or {@link #EXPIRED}. */
        private final AtomicLong deadline = new AtomicLong(IDLE);
        private final Read[] batch = new Read[MAX_BATCH];
        /** Touched only by the leader. */
        private Connection connection;
        /** The connection's socket, also while it is being opened; closed by the deadline check. */
        private volatile Socket socket;
        private int openedIn;

        List<byte[]> submit(Read read) {
            queue.add(read);
            // an interrupt does not end the wait (the read is on the wire, bounded by the timeout), but
            // left set it would make every park return at once: cleared while waiting, set again after
            boolean interrupted = false;
            try {
                while (!read.done) {
                    if (!led.get() && led.compareAndSet(false, true)) {
                        try {
                            lead(read);
                        } finally {
                            led.set(false);
                        }
                        if (closed) {
                            discardIfFree();
                        }
                        // the next batch's leader: a reader that queued while this one led and now waits
                        Read next = queue.peek();
                        if (next != null) {
                            LockSupport.unpark(next.reader);
                        }
                        continue;
                    }
                    long left = read.due - System.nanoTime();
                    if (left <= 0 && queue.remove(read)) {
                        throw timedOut(); // never sent
                    }
                    // once taken into a batch, the leader answers it, by the deadline check at the latest
                    LockSupport.parkNanos(this, left > 0 ? left : checkPeriodNanos);
                    interrupted |= Thread.interrupted();
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            return read.result();
        }

        /** Serves batches until {@code own} is answered (one batch unless more were queued before it). */
        private void lead(Read own) {
            while (!own.done) {
                int size = 0;
                long now = System.nanoTime();
                Read next;
                while (size < MAX_BATCH && (next = queue.poll()) != null) {
                    if (next.due - now <= 0) {
                        next.answer(null, timedOut()); // waited out its time in the queue
                    } else {
                        batch[size++] = next;
                    }
                }
                if (size == 0) {
                    return; // own was answered while queued: it timed out above
                }
                exchange(size);
            }
        }

        /** Writes the batch's commands, reads their replies and answers every read of the batch. */
        private void exchange(int size) {
            long due = Long.MAX_VALUE;
            for (int i = 0; i < size; i++) {
                due = Math.min(due, batch[i].due);
            }
            if (due == IDLE || due == EXPIRED) {
                due += 2;
            }
            int answered = 0;
            if (closed) {
                for (; answered < size; answered++) {
                    batch[answered].answer(null, null); // the shared connection serves them
                }
                Arrays.fill(batch, 0, size, null);
                return;
            }
            deadline.set(due);
            try {
                Connection c = connection();
                for (int i = 0; i < size; i++) {
                    c.sendCommand(Protocol.Command.HMGET, batch[i].args);
                }
                for (; answered < size; answered++) {
                    List<byte[]> reply;
                    try {
                        reply = c.getBinaryMultiBulkReply();
                    } catch (JedisDataException e) {
                        batch[answered].answer(null, e); // an error reply: still in step with the server
                        continue;
                    }
                    batch[answered].answer(reply, null);
                }
            } catch (RuntimeException e) {
                boolean late = !finish(due);
                discard();
                RuntimeException failure;
                if (late || isTimeout(e)) {
                    failure = timedOut();
                } else if (e instanceof JedisConnectionException) {
                    generation.incrementAndGet();
                    failure = null; // closed: the shared connection answers instead
                } else {
                    failure = e;
                }
                for (; answered < size; answered++) {
                    batch[answered].answer(null, failure);
                }
                return;
            } finally {
                // an Error: the remaining readers fall back rather than wait for their deadlines
                for (; answered < size; answered++) {
                    batch[answered].answer(null, null);
                }
                Arrays.fill(batch, 0, size, null);
            }
            if (!finish(due)) {
                discard(); // answered just as the check closed it
            }
        }

        /** Ends the batch; false when the deadline check took it (its socket is being closed). */
        private boolean finish(long due) {
            if (deadline.compareAndSet(due, IDLE)) {
                return true;
            }
            deadline.set(IDLE);
            return false;
        }

        /** Closes the socket of a batch past its deadline, which ends a read (or a connect) blocked on it. */
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
                    // closed either way; the leader discards its connection
                }
            }
        }

        /** Closes the connection unless a leader holds it (that leader closes it when done: see submit). */
        void discardIfFree() {
            if (led.compareAndSet(false, true)) {
                discard();
                led.set(false);
            }
        }

        /** The lane's connection: a new one when it has none, or when it predates a closed connection seen elsewhere. */
        private Connection connection() {
            int now = generation.get();
            if (connection != null && (openedIn != now || connection.isBroken())) {
                discard();
            }
            if (connection == null) {
                // no socket timeout: a socket that has one is read in non-blocking mode, with a poll per read
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

        private void discard() {
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
