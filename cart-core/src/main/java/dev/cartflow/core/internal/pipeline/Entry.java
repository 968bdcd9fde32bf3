package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.internal.observe.BusinessEvents;
import dev.cartflow.core.internal.observe.OperationLog;
import dev.cartflow.core.internal.observe.SafeObserver;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.PricedCart;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where every public operation enters the engine: it is observed (started, finished with its
 * outcome and code, timed, logged with its cart and correlation id, a refused code counted) and
 * guarded, so that nothing but a {@link CartException} leaves it. Cross-cutting concerns that wrap
 * a whole operation plug in here, never into a rule.
 */
public final class Entry {
    private final CartObserver observer;

    /** Entry points observed by {@code observer}. */
    public Entry(CartObserver observer) {
        this.observer = SafeObserver.of(observer);
    }

    /**
     * Runs one operation that names no cart up front (its result may).
     *
     * @param operation its name
     * @param call      the operation
     * @param <T>       its result
     * @return the result
     */
    public <T> T run(CartOperation operation, Supplier<T> call) {
        return run(operation, null, null, call);
    }

    /**
     * Runs one operation.
     *
     * @param operation its name
     * @param cartId    the cart it acts on, for the log line; null when unknown before it runs
     * @param mutation  the caller's options, whose correlation id goes into the log line; or null
     * @param call      the operation
     * @param <T>       its result
     * @return the result
     */
    public <T> T run(CartOperation operation, CartId cartId, Mutation mutation, Supplier<T> call) {
        long started = System.nanoTime();
        observer.operationStarted(operation);
        CartErrorCode code = null;
        Throwable failure = null;
        T result = null;
        try (CorrelationScope.Scope ignored = CorrelationScope.open(mutation == null ? null : mutation.correlationId())) {
            result = Failures.guard(call);
            return result;
        } catch (CartException e) {
            code = e.code();
            failure = e;
            throw e;
        } catch (Error e) {
            // Not ours to handle (out of memory, a stack overflow), but never to be reported as a success.
            code = CartErrorCode.INTERNAL;
            failure = e;
            throw e;
        } finally {
            Duration duration = Duration.ofNanos(System.nanoTime() - started);
            observer.operationFinished(operation, Outcome.of(code), code, duration);
            BusinessEvents.finished(observer, operation, code);
            log(operation, code, duration, cartId != null ? cartId : cartOf(result), mutation, failure);
        }
    }

    private static void log(CartOperation operation, CartErrorCode code, Duration duration, CartId cartId,
                            Mutation mutation, Throwable failure) {
        try {
            OperationLog.finished(operation, code, duration, cartId,
                    mutation == null ? null : mutation.correlationId(), failure);
        } catch (RuntimeException ignored) {
            // A failing log backend must not change an operation's outcome.
        }
    }

    /** The cart an operation's result is about, for operations that create it. */
    private static CartId cartOf(Object result) {
        if (result instanceof Cart cart) {
            return cart.id();
        } else if (result instanceof CreatedCart created) {
            return created.cart().id();
        } else if (result instanceof PricedCart priced) {
            return priced.cart().id();
        } else if (result instanceof CheckoutResult checkout) {
            return checkout.cart().id();
        } else if (result instanceof MergeResult merge) {
            return merge.cart().id();
        } else if (result instanceof Optional<?> optional && optional.isPresent()) {
            return cartOf(optional.get());
        }
        return null;
    }
}
