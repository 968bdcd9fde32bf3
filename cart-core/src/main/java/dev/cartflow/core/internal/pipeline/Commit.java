package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.observe.SafeObserver;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOperation;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The commit stage, the one retry loop of the engine: an attempt reads and decides at one instant,
 * its writes are stored in one atomic repository call guarded by the versions they replace, and a
 * {@code VERSION_CONFLICT} makes a fresh attempt on fresh data (a fresh snapshot) with a randomized
 * back-off until the time budget is spent. A strict operation (an expected version) never retries.
 */
public final class Commit {
    private final EngineConfig config;
    private final Publish publish;
    private final CartObserver observer;

    /** Commits to the configured repository and publishes through {@code publish}. */
    public Commit(EngineConfig config, Publish publish) {
        this.config = config;
        this.publish = publish;
        this.observer = SafeObserver.of(config.observer());
    }

    /**
     * One attempt of an operation.
     *
     * @param <R> the response type
     */
    @FunctionalInterface
    public interface Attempt<R> {
        /**
         * Reads and decides; makes no change to stored data.
         *
         * @param now the attempt's instant
         * @return the decision
         */
        Decision<R> decide(Instant now);
    }

    /**
     * Runs attempts until one answers or commits.
     *
     * @param strict  true when a conflict must be reported rather than retried
     * @param attempt one attempt
     * @param <R>     the response type
     * @return the response
     */
    public <R> R run(boolean strict, Attempt<R> attempt) {
        return run(null, strict, attempt);
    }

    /**
     * Runs attempts until one answers or commits, reporting each retry after a conflict to the
     * observer under the operation's name.
     *
     * @param operation the operation, or null for a strict one (which never retries)
     * @param strict    true when a conflict must be reported rather than retried
     * @param attempt   one attempt
     * @param <R>       the response type
     * @return the response
     */
    public <R> R run(CartOperation operation, boolean strict, Attempt<R> attempt) {
        long deadline = System.nanoTime() + config.conflictRetryBudget().toNanos();
        int attempts = 0;
        while (true) {
            Decision<R> decision = attempt.decide(config.now());
            if (decision.writes().isEmpty()) {
                return decision.response();
            }
            try {
                if (decision.beforeWrite() != null) {
                    decision.beforeWrite().run();
                }
                store(decision.writes());
            } catch (CartException e) {
                Optional<R> answer = decision.onFailure().apply(e);
                if (answer.isPresent()) {
                    return answer.get();
                }
                if (e.code() != CartErrorCode.VERSION_CONFLICT || strict || System.nanoTime() > deadline) {
                    throw e;
                }
                backOff(++attempts);
                if (operation != null) {
                    observer.conflictRetried(operation, attempts + 1);
                }
                continue;
            }
            publish.committed(decision.writes());
            return decision.response();
        }
    }

    private void store(List<CartWrite> writes) {
        CartRepository repository = config.repository();
        if (writes.size() == 1) {
            Failures.provider("repository", () -> repository.save(writes.get(0)));
        } else {
            Failures.provider("repository", () -> repository.saveAll(writes));
        }
    }

    private static void backOff(int attempt) {
        long maxMicros = Math.min(2_000, 10L << Math.min(attempt, 8));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1, maxMicros) * 1_000);
    }
}
