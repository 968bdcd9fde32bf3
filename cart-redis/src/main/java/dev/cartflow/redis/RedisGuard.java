package dev.cartflow.redis;

import dev.failsafe.CircuitBreaker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs optional Redis calls behind a Failsafe circuit breaker: a failure or timeout is counted and
 * answered with empty, so the caller falls back to its delegate; while the circuit is open Redis is
 * not called at all.
 */
final class RedisGuard {
    private final CircuitBreaker<Object> breaker;
    final AtomicLong failures = new AtomicLong();
    final AtomicLong bypassed = new AtomicLong();
    private final Consumer<RuntimeException> onFailure;

    /** A guard that tells {@code onFailure} of every Redis failure it swallows (it must not throw). */
    RedisGuard(int failureThreshold, Duration openDelay, Runnable onOpen, Runnable onClose,
               Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
        this.breaker = CircuitBreaker.builder()
                .withFailureThreshold(failureThreshold)
                .withDelay(openDelay)
                .withSuccessThreshold(1)
                .onOpen(e -> onOpen.run())
                .onClose(e -> onClose.run())
                .build();
    }

    /** True while no failure was recorded since the circuit last closed: the fast path skips the breaker. */
    private volatile boolean clean = true;

    /** The result (the action must not return null), or empty when Redis failed or is bypassed. */
    <T> Optional<T> call(Supplier<T> action) {
        if (clean) {
            try {
                return Optional.of(action.get());
            } catch (RuntimeException e) {
                clean = false;
                failures.incrementAndGet();
                breaker.recordFailure();
                onFailure.accept(e);
                return Optional.empty();
            }
        }
        if (!breaker.tryAcquirePermit()) {
            bypassed.incrementAndGet();
            return Optional.empty();
        }
        try {
            T result = action.get();
            breaker.recordSuccess();
            if (breaker.isClosed()) {
                clean = true;
            }
            return Optional.of(result);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            breaker.recordFailure();
            onFailure.accept(e);
            return Optional.empty();
        }
    }

    /** Like {@link #call} for actions without a result; true when it ran. */
    boolean run(Runnable action) {
        return call(() -> {
            action.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    boolean closed() {
        return breaker.isClosed();
    }

    String state() {
        return breaker.getState().name();
    }
}
