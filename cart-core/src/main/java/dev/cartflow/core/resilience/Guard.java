package dev.cartflow.core.resilience;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.core.observe.BreakerState;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.failsafe.Bulkhead;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.Policy;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Failsafe policies of one decorated provider, and the translation of what they throw: a
 * {@code CartException} of the provider passes through; a timeout, an open circuit, a full
 * bulkhead, any other exception or a null answer becomes {@code PROVIDER_UNAVAILABLE} with the
 * cause kept. Reads go through retry, bulkhead, breaker and timeout (outermost first); writes
 * through the same without the retry. Calls run on an executor and the caller waits at most the
 * policy's call budget, so that it gets its answer in time even when the provider ignores the
 * interrupt (Failsafe itself then waits for the attempt to end).
 */
final class Guard {
    private final String name;
    private final CircuitBreaker<Object> breaker;
    private final FailsafeExecutor<Object> reads;
    private final FailsafeExecutor<Object> writes;
    private final CartObserver observer;
    private final boolean fallsBack;
    private final long readBudgetNanos;
    private final long writeBudgetNanos;

    Guard(String name, ProviderPolicy policy, boolean fallsBack) {
        this.name = name;
        this.observer = policy.observer();
        this.fallsBack = fallsBack;
        this.readBudgetNanos = policy.callBudget(true).toNanos();
        this.writeBudgetNanos = policy.callBudget(false).toNanos();
        try {
            this.breaker = CircuitBreaker.builder()
                    .handleIf((result, failure) -> failure == null ? result == null : isFailure(failure))
                    .withFailureThreshold(policy.breakerFailures(), policy.breakerWindow())
                    .withDelay(policy.breakerDelay())
                    .withSuccessThreshold(policy.breakerSuccesses())
                    .onOpen(e -> changed(BreakerState.OPEN))
                    .onHalfOpen(e -> changed(BreakerState.HALF_OPEN))
                    .onClose(e -> changed(BreakerState.CLOSED))
                    .build();
            List<Policy<Object>> write = new ArrayList<>();
            if (policy.bulkheadMaxConcurrent() > 0) {
                write.add(Bulkhead.builder(policy.bulkheadMaxConcurrent()).withMaxWaitTime(policy.bulkheadMaxWait())
                        .build());
            }
            write.add(breaker);
            write.add(Timeout.builder(policy.timeout()).withInterrupt().build());
            List<Policy<Object>> read = new ArrayList<>(write);
            if (policy.maxRetries() > 0) {
                read.add(0, retry(policy, this::retried));
            }
            ExecutorService executor = policy.executor() != null ? policy.executor()
                    : Executors.newCachedThreadPool(daemonThreads("cartflow-" + name));
            this.reads = Failsafe.with(read).with(executor);
            this.writes = Failsafe.with(write).with(executor);
        } catch (RuntimeException e) {
            // The policy's builder validated every value: Failsafe refusing one is our bug.
            throw CartException.internal("resilience policy could not be built for " + name, e);
        }
    }

    private static RetryPolicy<Object> retry(ProviderPolicy policy, java.util.function.IntConsumer onRetry) {
        RetryPolicyBuilder<Object> retry = RetryPolicy.builder()
                .handleIf((result, failure) -> failure == null ? result == null : isRetryable(failure))
                .withMaxRetries(policy.maxRetries())
                .onRetry(e -> onRetry.accept(e.getAttemptCount() + 1));
        if (policy.retryMaxDelay().compareTo(policy.retryDelay()) > 0) {
            retry.withBackoff(policy.retryDelay(), policy.retryMaxDelay());
        } else {
            retry.withDelay(policy.retryDelay());
        }
        if (policy.jitter() > 0) {
            retry.withJitter(policy.jitter());
        }
        return retry.build();
    }

    /** A failure of the provider, which the breaker counts and a fallback may answer. */
    static boolean isFailure(Throwable failure) {
        return !(failure instanceof CartException e) || e.code() == CartErrorCode.PROVIDER_UNAVAILABLE
                || e.code() == CartErrorCode.INTERNAL;
    }

    /**
     * Worth another attempt: a failure that is not a refusal of our own policies. A
     * {@code CartException} is the provider's answer and is not retried, except
     * {@code PROVIDER_UNAVAILABLE}: the SPIs ask stores and providers to report their own outages so
     * (cart-jdbi and cart-redis do), and a read must be retried for them as for a plain exception.
     */
    private static boolean isRetryable(Throwable failure) {
        if (failure instanceof CartException e) {
            return e.code() == CartErrorCode.PROVIDER_UNAVAILABLE;
        }
        return !(failure instanceof CircuitBreakerOpenException) && !(failure instanceof BulkheadFullException);
    }

    /** A read: retried, never null. */
    <T> T read(Supplier<T> call) {
        return run(reads, call, readBudgetNanos);
    }

    /** A write: tried once, never null. */
    <T> T write(Supplier<T> call) {
        return run(writes, call, writeBudgetNanos);
    }

    /** A write without a result. */
    void write(Runnable call) {
        write(() -> {
            call.run();
            return Boolean.TRUE;
        });
    }

    private <T> T run(FailsafeExecutor<Object> executor, Supplier<T> call, long budgetNanos) {
        CompletableFuture<T> future;
        try {
            future = executor.getAsync(call::get);
        } catch (RuntimeException e) {
            throw CartException.providerUnavailable(name + " could not be called", e);
        }
        T result;
        try {
            result = future.get(budgetNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw CartException.providerUnavailable(name + " call interrupted", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        } catch (TimeoutException e) {
            // The attempt ignores its interrupt: the caller is answered, the thread is left to finish,
            // and the breaker hears of it now (Failsafe records it again if the attempt ever ends).
            future.cancel(true);
            breaker.recordFailure();
            throw CartException.providerUnavailable(name + " timed out", e);
        } catch (CancellationException e) {
            throw CartException.providerUnavailable(name + " call cancelled", e);
        }
        if (result == null) {
            throw CartException.providerUnavailable(name + " returned null", null);
        }
        return result;
    }

    private CartException translate(Throwable failure) {
        if (failure instanceof CartException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        String why = failure instanceof TimeoutExceededException ? " timed out"
                : failure instanceof CircuitBreakerOpenException ? " circuit is open"
                : failure instanceof BulkheadFullException ? " has too many calls running"
                : " failed";
        return CartException.providerUnavailable(name + why, failure);
    }

    private void retried(int attempt) {
        try {
            observer.providerRetried(name, attempt);
        } catch (RuntimeException ignored) {
            // An observer must not change a call's outcome.
        }
    }

    private void changed(BreakerState state) {
        try {
            observer.breakerChanged(name, state);
        } catch (RuntimeException ignored) {
            // An observer must not change a call's outcome.
        }
    }

    /** The breaker's state now. */
    BreakerState state() {
        return switch (breaker.getState()) {
            case OPEN -> BreakerState.OPEN;
            case HALF_OPEN -> BreakerState.HALF_OPEN;
            case CLOSED -> BreakerState.CLOSED;
        };
    }

    /**
     * UP when closed, DEGRADED when half-open, and when open DOWN unless a fallback answers
     * instead (then DEGRADED).
     */
    ComponentHealth health() {
        BreakerState state = state();
        HealthStatus status = switch (state) {
            case CLOSED -> HealthStatus.UP;
            case HALF_OPEN -> HealthStatus.DEGRADED;
            case OPEN -> fallsBack ? HealthStatus.DEGRADED : HealthStatus.DOWN;
        };
        return new ComponentHealth(status, Map.of("state", state.name(), "fallback", String.valueOf(fallsBack),
                "failures", String.valueOf(breaker.getFailureCount())));
    }

    String name() {
        return name;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
