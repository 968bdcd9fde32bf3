package dev.cartflow.jdbi;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;

/**
 * Turns every failure into a {@link CartException}: a value the database refuses is
 * {@code INVALID_INPUT}, a failure of JDBI, the driver or the database {@code PROVIDER_UNAVAILABLE},
 * anything else (a bug) {@code INTERNAL}; the cause is kept.
 */
final class Failures {
    private Failures() {
    }

    /** Runs {@code work}; a {@link CartException} passes through, anything else is translated. */
    static <T> T translate(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(operation, e);
        }
    }

    static CartException translate(String operation, Throwable failure) {
        String state = sqlState(failure);
        if (state != null && state.startsWith("22")) {
            // data exception: a value the database cannot store (e.g. a NUL character in text)
            return new CartException(CartErrorCode.INVALID_INPUT,
                    operation + ": value rejected by the database (SQLSTATE " + state + ")");
        }
        if (state == null && !(failure instanceof JdbiException) && !causedBySql(failure)) {
            // neither the database nor JDBI: a bug in this module or in a mapper
            return CartException.internal(operation + " failed", failure);
        }
        return new CartException(CartErrorCode.PROVIDER_UNAVAILABLE,
                operation + " failed" + (state == null ? "" : " (SQLSTATE " + state + ")"), failure);
    }

    private static boolean causedBySql(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
