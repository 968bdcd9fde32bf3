package dev.cartflow.benchmarks.cluster;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the load generator's clients were told, shared by all of them: per cart the acknowledged
 * (2xx) adds by sku, their count and the highest version an acknowledged change answered; and the
 * counts of requests, refusals (by status and code), unreachable instances, unresolved changes and
 * stale reads.
 */
final class Ledger {
    private final Map<String, Tally> carts = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final LongAdder requests = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder unreachable = new LongAdder();
    private final LongAdder unresolved = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final LongAdder staleReads = new LongAdder();
    private final AtomicLong firstStale = new AtomicLong(-1);

    private static final class Tally {
        final Map<String, LongAdder> quantities = new ConcurrentHashMap<>();
        final LongAdder changes = new LongAdder();
        final AtomicLong version = new AtomicLong();
    }

    private Tally tally(String cart) {
        return carts.computeIfAbsent(cart, id -> new Tally());
    }

    void request() {
        requests.increment();
    }

    void unreachable() {
        unreachable.increment();
    }

    void unresolved() {
        unresolved.increment();
    }

    /** An acknowledged add: the cart holds {@code quantity} more of {@code sku} at {@code version} or later. */
    void acknowledged(String cart, String sku, int quantity, long version) {
        Tally tally = tally(cart);
        tally.quantities.computeIfAbsent(sku, s -> new LongAdder()).add(quantity);
        tally.changes.increment();
        tally.version.accumulateAndGet(version, Math::max);
        acknowledged.increment();
    }

    /** A change the service refused with a definite answer (nothing applied). */
    void refused(int status, String code) {
        refusals.computeIfAbsent(status + (code.isEmpty() ? "" : " " + code), k -> new LongAdder()).increment();
    }

    /**
     * A read's version against the highest acknowledged version of its cart taken before the read
     * was sent: lower means the read served a cart older than a change already acknowledged.
     */
    void read(long floor, long version) {
        reads.increment();
        if (version < floor) {
            staleReads.increment();
            firstStale.compareAndSet(-1, version);
        }
    }

    /** The highest version an acknowledged change of the cart answered (0 before any). */
    long acknowledgedVersion(String cart) {
        Tally tally = carts.get(cart);
        return tally == null ? 0 : tally.version.get();
    }

    /** The acknowledged quantity of a sku in a cart. */
    long acknowledgedQuantity(String cart, String sku) {
        Tally tally = carts.get(cart);
        LongAdder quantity = tally == null ? null : tally.quantities.get(sku);
        return quantity == null ? 0 : quantity.sum();
    }

    /** The acknowledged changes of a cart. */
    long acknowledgedChanges(String cart) {
        Tally tally = carts.get(cart);
        return tally == null ? 0 : tally.changes.sum();
    }

    long requests() {
        return requests.sum();
    }

    long acknowledged() {
        return acknowledged.sum();
    }

    long unreachableCount() {
        return unreachable.sum();
    }

    long unresolvedCount() {
        return unresolved.sum();
    }

    long reads() {
        return reads.sum();
    }

    long staleReads() {
        return staleReads.sum();
    }

    /** Refusals by {@code "<status> <code>"}, sorted. */
    Map<String, Long> refusals() {
        Map<String, Long> sorted = new TreeMap<>();
        refusals.forEach((key, count) -> sorted.put(key, count.sum()));
        return sorted;
    }
}
