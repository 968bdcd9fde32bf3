package dev.cartflow.redis;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartStorage;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What {@link CachingCartRepository} must repair once Redis answers again: the carts written while
 * their cache entry could not be updated (refreshed from the delegate one by one, or, beyond
 * {@code maxPending}, by flushing every entry), and a server restart that may have reloaded old
 * entries (seen as a changed {@code run_id}; standalone only). Until a cart is repaired, reads of it
 * go to the delegate. The repair runs on callers' threads, a bounded amount per call.
 */
final class CacheRecovery {
    private final CartStorage delegate;
    private final CartRedisClient client;
    private final RedisGuard guard;
    private final SnapshotEntries snapshots;
    private final int maxPending;
    private final Runnable onFlush;
    private final Consumer<CartId> onRefreshed;
    private final Set<CartId> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushNeeded = new AtomicBoolean();
    private final AtomicBoolean recovering = new AtomicBoolean();
    private final AtomicBoolean checkRestart = new AtomicBoolean();
    /** Cluster masters whose circuit opened: their entries are not read until flushed. */
    private final Set<String> distrusted = ConcurrentHashMap.newKeySet();
    private volatile String runId;

    CacheRecovery(CartStorage delegate, CartRedisClient client, RedisGuard guard, SnapshotEntries snapshots,
                  int maxPending, Runnable onFlush, Consumer<CartId> onRefreshed) {
        this.delegate = delegate;
        this.client = client;
        this.guard = guard;
        this.snapshots = snapshots;
        this.maxPending = maxPending;
        this.onFlush = onFlush;
        this.onRefreshed = onRefreshed;
        if (!client.isCluster()) {
            this.runId = guard.call(this::currentRunId).orElse(null);
        }
    }

    /** The cart's entry could not be updated: read it from the delegate until it is repaired. */
    void remember(CartId id) {
        if (pending.size() >= maxPending) {
            flushNeeded.set(true);
        } else {
            pending.add(id);
        }
    }

    boolean isPending(CartId id) {
        return pending.contains(id);
    }

    /**
     * A Cluster master's circuit opened: while it was unreachable for this instance it probably was
     * for the others too (dead, or the cluster refused every command), so their cache updates of its
     * carts failed as well and its surviving entries may be older than PostgreSQL. They are not read
     * (reads go to the delegate) until this instance has deleted them once the master answers.
     */
    void distrust(String node) {
        distrusted.add(node);
    }

    /** True when the cart's entry lives on a master whose entries wait to be flushed. */
    boolean distrusts(CartId id) {
        return !distrusted.isEmpty() && distrusted.contains(snapshots.nodeOf(id));
    }

    /**
     * The connection came back or the circuit closed: the server may have restarted meanwhile
     * (standalone; a Cluster master's outage is handled by {@link #distrust}).
     */
    void suspectRestart() {
        if (!client.isCluster()) {
            checkRestart.set(true);
        }
    }

    /**
     * True from a suspected restart until the server's run id has been compared: cache reads then go
     * to the delegate, since a restarted server may hold an old persisted snapshot.
     */
    boolean restartUnchecked() {
        return checkRestart.get();
    }

    boolean degraded() {
        return !pending.isEmpty() || flushNeeded.get() || !distrusted.isEmpty();
    }

    int pendingCount() {
        return pending.size();
    }

    /**
     * Refreshes, from the delegate, every cart written while Redis was unreachable (or flushes all
     * snapshots when there were too many), once Redis answers again.
     */
    void recoverIfNeeded() {
        if (checkRestart.get() && checkRestart.compareAndSet(true, false) && !client.isCluster()) {
            Optional<String> now = guard.call(this::currentRunId);
            if (now.isEmpty()) {
                checkRestart.set(true);
            } else if (runId != null && !runId.equals(now.get())) {
                // a restarted server may have loaded an old persisted snapshot: drop every entry
                flushNeeded.set(true);
            }
            now.ifPresent(id -> runId = id);
        }
        if ((pending.isEmpty() && !flushNeeded.get() && distrusted.isEmpty())
                || !recovering.compareAndSet(false, true)) {
            return;
        }
        try {
            for (String node : List.copyOf(distrusted)) {
                if (snapshots.flushNode(node)) {
                    distrusted.remove(node);
                }
            }
            if (flushNeeded.get()) {
                if (!guard.run(snapshots::flushAll)) {
                    return;
                }
                onFlush.run();
                flushNeeded.set(false);
                pending.clear();
                return;
            }
            int budget = 100; // bounded work on the caller's thread; the rest on later calls
            for (CartId id : List.copyOf(pending)) {
                if (budget == 0) {
                    return;
                }
                if (!snapshots.reachable(id)) {
                    // its node's circuit is open (in a cluster, other nodes may answer): try it later
                    continue;
                }
                budget--;
                Optional<Cart> current = delegate.find(id);
                boolean done;
                if (current.isPresent()) {
                    // evict first: the entry may hold a version the delegate no longer has (a write that
                    // reached Redis but failed in the delegate cannot happen, but a lost delete can)
                    done = snapshots.delete(id) && snapshots.put(current.get());
                } else {
                    done = snapshots.tombstone(id);
                }
                if (!done) {
                    continue;
                }
                pending.remove(id);
                onRefreshed.accept(id);
            }
        } finally {
            recovering.set(false);
        }
    }

    /** The server's run id, which changes with every restart (standalone only). */
    private String currentRunId() {
        String info = client.commands().info("server");
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("run_id:")) {
                return line.substring(7).trim();
            }
        }
        return "";
    }

    /**
     * A listener for the client's shared connection that distrusts the cache whenever it connects
     * or disconnects: cache reads may use other connections (DirectReads), which can reach a
     * restarted server first, so the cache is not read until the server's run id is checked.
     */
    RedisConnectionStateListener restartWatch() {
        return new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, java.net.SocketAddress address) {
                suspectRestart();
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
                suspectRestart();
            }
        };
    }
}
