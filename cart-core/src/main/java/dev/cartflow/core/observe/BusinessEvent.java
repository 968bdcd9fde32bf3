package dev.cartflow.core.observe;

import dev.cartflow.model.Money;
import org.jspecify.annotations.Nullable;

/**
 * Something a shop counts, reported after it was stored.
 *
 * @param kind   what happened
 * @param amount for {@link Kind#CHECKED_OUT}, the total checked out (its currency is a tag); else null
 * @param count  how many (1, or the batch size of a maintenance job)
 */
public record BusinessEvent(Kind kind, @Nullable Money amount, long count) {

    /** What happened. */
    public enum Kind {
        /** A cart was created. */
        CART_CREATED,
        /** A guest cart was merged into a customer's. */
        CART_MERGED,
        /** A cart was checked out. */
        CHECKED_OUT,
        /** Carts were marked abandoned. */
        CART_ABANDONED,
        /** A code was applied to a cart. */
        CODE_APPLIED,
        /** A code was refused. */
        CODE_REJECTED
    }

    /**
     * One event of a kind without an amount.
     *
     * @param kind what happened
     * @return the event, with count 1 and no amount
     */
    public static BusinessEvent of(Kind kind) {
        return new BusinessEvent(kind, null, 1);
    }
}
