package dev.cartflow.redis;

import dev.failsafe.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs optional Redis calls behind Failsafe circuit breakers: a failure or timeout is counted and
 * answered with empty, so the caller falls back to its delegate; while a circuit is open Redis is
 * not called for what it guards.
 *
 * <p>On a Redis Cluster there is one circuit per master, chosen by the key's slot: a dead master
 * must not stop the cache updates of carts on the live ones, which other instances keep reading
 * (issue 14's stale reads). On a standalone server one circuit guards everything. Calls without a
 * key (publish, the run id, the flush) share one more circuit.
 */
final class RedisGuard {
    final AtomicLong failures = new AtomicLong();
    final AtomicLong bypassed = new AtomicLong();
    private final int failureThreshold;
    private final Duration openDelay;
    private final Consumer<String> onOpen;
    private final Runnable onClose;
    private final Consumer<RuntimeException> onFailure;
    /** The master of a key (cluster), or null when one circuit guards every key (standalone). */
    private final Function<String, String> nodeOfKey;
    private final Circuit keyless;
    private final Map<String, Circuit> byNode = new ConcurrentHashMap<>();

    /**
     * A guard that tells {@code onFailure} of every Redis failure it swallows (it must not throw).
     *
     * @param onOpen    told when a circuit opens: the master's id, or {@code null} for the circuit of
     *                  a standalone server or of the calls without a key
     * @param nodeOfKey the id of the master serving a key, or {@code null} for a single circuit
     */
    RedisGuard(int failureThreshold, Duration openDelay, Consumer<String> onOpen, Runnable onClose,
               Consumer<RuntimeException> onFailure, Function<String, String> nodeOfKey) {
        this.failureThreshold = failureThreshold;
        this.openDelay = openDelay;
        this.onOpen = onOpen;
        this.onClose = onClose;
        this.onFailure = onFailure;
        this.nodeOfKey = nodeOfKey;
        this.keyless = new Circuit(null);
    }

    /** The result (the action must not return null), or empty when Redis failed or is bypassed. */
    <T> Optional<T> call(Supplier<T> action) {
        return keyless.call(action, false);
    }

    /** Like {@link #call} for actions without a result; true when it ran. */
    boolean run(Runnable action) {
        return keyless.call(asSupplier(action), false).isPresent();
    }

    /** The result of an action on {@code key}, behind the circuit of the key's master. */
    <T> Optional<T> call(String key, Supplier<T> action) {
        return circuit(key).call(action, false);
    }

    /** Like {@link #call(String, Supplier)} for actions without a result; true when it ran. */
    boolean run(String key, Runnable action) {
        return circuit(key).call(asSupplier(action), false).isPresent();
    }

    /**
     * Runs the cache update of an acknowledged write even while the key's circuit is open: skipping
     * it would leave an older entry that other instances, whose circuits are closed, go on serving
     * (a master that came back may already answer them). The update is version-checked, so a late
     * one is harmless; a failure is counted as usual. True when it ran.
     */
    boolean attempt(String key, Runnable action) {
        return circuit(key).call(asSupplier(action), true).isPresent();
    }

    /** Like {@link #run(String, Runnable)} behind the circuit of the master {@code node}. */
    boolean runOnNode(String node, Runnable action) {
        return byNode.computeIfAbsent(node, Circuit::new).call(asSupplier(action), false).isPresent();
    }

    /** True when a call on {@code key} would reach Redis now (its circuit is not open). */
    boolean mayCall(String key) {
        return !circuit(key).breaker.isOpen();
    }

    /** True while every circuit is closed. */
    boolean closed() {
        if (!keyless.breaker.isClosed()) {
            return false;
        }
        for (Circuit c : byNode.values()) {
            if (!c.breaker.isClosed()) {
                return false;
            }
        }
        return true;
    }

    /** The worst state of the circuits: {@code OPEN}, then {@code HALF_OPEN}, then {@code CLOSED}. */
    String state() {
        CircuitBreaker.State worst = keyless.breaker.getState();
        for (Circuit c : byNode.values()) {
            CircuitBreaker.State s = c.breaker.getState();
            if (s == CircuitBreaker.State.OPEN || (s == CircuitBreaker.State.HALF_OPEN
                    && worst == CircuitBreaker.State.CLOSED)) {
                worst = s;
            }
        }
        return worst.name();
    }

    private Circuit circuit(String key) {
        if (nodeOfKey == null) {
            return keyless;
        }
        return byNode.computeIfAbsent(nodeOfKey.apply(key), Circuit::new);
    }

    private static Supplier<Boolean> asSupplier(Runnable action) {
        return () -> {
            action.run();
            return Boolean.TRUE;
        };
    }

    /** One breaker and its fast-path flag. */
    private final class Circuit {
        private final CircuitBreaker<Object> breaker;
        /** True while no failure was recorded since the circuit last closed: the fast path skips the breaker. */
        private volatile boolean clean = true;

        Circuit(String node) {
            breaker = CircuitBreaker.builder()
                    .withFailureThreshold(failureThreshold)
                    .withDelay(openDelay)
                    .withSuccessThreshold(1)
                    .onOpen(e -> onOpen.accept(node))
                    .onClose(e -> onClose.run())
                    .build();
        }

        <T> Optional<T> call(Supplier<T> action, boolean evenIfOpen) {
            if (clean) {
                try {
                    return Optional.of(action.get());
                } catch (RuntimeException e) {
                    clean = false;
                    return failed(e);
                }
            }
            if (!breaker.tryAcquirePermit()) {
                return evenIfOpen ? outsideBreaker(action) : bypass();
            }
            try {
                T result = action.get();
                breaker.recordSuccess();
                if (breaker.isClosed()) {
                    clean = true;
                }
                return Optional.of(result);
            } catch (RuntimeException e) {
                return failed(e);
            }
        }

        /** A call the open breaker would refuse: its outcome is counted but does not move the breaker. */
        private <T> Optional<T> outsideBreaker(Supplier<T> action) {
            try {
                return Optional.of(action.get());
            } catch (RuntimeException e) {
                failures.incrementAndGet();
                onFailure.accept(e);
                return Optional.empty();
            }
        }

        private <T> Optional<T> bypass() {
            bypassed.incrementAndGet();
            return Optional.empty();
        }

        private <T> Optional<T> failed(RuntimeException e) {
            failures.incrementAndGet();
            breaker.recordFailure();
            onFailure.accept(e);
            return Optional.empty();
        }
    }
}
