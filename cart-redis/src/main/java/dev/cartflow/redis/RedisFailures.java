package dev.cartflow.redis;

import dev.cartflow.error.CartException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.util.function.Supplier;

/**
 * Turns every failure of a Redis call into a {@link CartException}: Redis unreachable, slow, busy,
 * loading or failing over is {@code PROVIDER_UNAVAILABLE}; an error that Redis reports about the
 * command itself ({@code ERR}, {@code WRONGTYPE}: a script or key-layout bug) and anything that is
 * not Lettuce's are {@code INTERNAL}. The cause is kept; its message is not copied, as Redis errors
 * may quote keys, and keys hold customer ids.
 */
final class RedisFailures {
    private RedisFailures() {
    }

    /** Runs {@code work}; a {@link CartException} passes through, anything else is translated. */
    static <T> T translate(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw translate(operation, e);
        }
    }

    static CartException translate(String operation, RuntimeException failure) {
        if (failure instanceof CartException cart) {
            return cart;
        }
        if (failure instanceof RedisCommandExecutionException rejected && isCommandBug(rejected)) {
            return CartException.internal("redis rejected a command of " + operation, failure);
        }
        if (failure instanceof RedisException) {
            return CartException.providerUnavailable("redis: " + operation + " failed ("
                    + failure.getClass().getSimpleName() + ")", failure);
        }
        return CartException.internal(operation + " failed", failure);
    }

    private static boolean isCommandBug(RedisCommandExecutionException e) {
        String message = e.getMessage();
        return message != null && (message.startsWith("ERR") || message.startsWith("WRONGTYPE"));
    }
}
