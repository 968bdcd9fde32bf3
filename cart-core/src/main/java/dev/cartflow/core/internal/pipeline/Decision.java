package dev.cartflow.core.internal.pipeline;

import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one attempt decided: the response, and the writes that make it true (none when the answer
 * needs no change: a no-op, a preview, a replay).
 *
 * @param response    the answer once the writes are stored
 * @param writes      the repository writes, stored atomically
 * @param beforeWrite a side effect of the host to make just before the writes (a reservation), or null
 * @param onFailure   what to do when the side effect or the writes fail: an answer after all (the
 *                    stored response of a concurrent winner), or empty to let the commit stage retry
 *                    or fail; it also undoes what this attempt did outside the repository
 * @param <R>         the response type
 */
public record Decision<R>(R response, List<CartWrite> writes, Runnable beforeWrite,
                          Function<CartException, Optional<R>> onFailure) {
    /** Copies. */
    public Decision {
        writes = List.copyOf(writes);
    }

    /** An answer without any write. */
    public static <R> Decision<R> answer(R response) {
        return new Decision<>(response, List.of(), null, e -> Optional.empty());
    }

    /** An answer that holds once these writes are stored. */
    public static <R> Decision<R> write(R response, List<CartWrite> writes) {
        return new Decision<>(response, writes, null, e -> Optional.empty());
    }

    /** The same decision with a host side effect made just before the writes. */
    public Decision<R> before(Runnable sideEffect) {
        return new Decision<>(response, writes, sideEffect, onFailure);
    }

    /** The same decision with a failure handler. */
    public Decision<R> onFailure(Function<CartException, Optional<R>> handler) {
        return new Decision<>(response, writes, beforeWrite, handler);
    }
}
