package dev.cartflow.core.internal.observe;

import dev.cartflow.core.observe.BusinessEvent;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.Money;
import dev.cartflow.spi.CartWrite;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a shop counts, derived in one place from what was stored (the events of committed writes),
 * so that a figure never counts a change that did not happen; refused codes come from the
 * operation's outcome, since a refusal stores nothing.
 */
public final class BusinessEvents {
    private BusinessEvents() {
    }

    /**
     * Reports the business events of stored writes.
     *
     * @param observer the guarded observer
     * @param writes   writes that were stored
     */
    public static void committed(CartObserver observer, List<CartWrite> writes) {
        for (CartWrite write : writes) {
            for (CartEvent event : write.events()) {
                BusinessEvent business = of(event);
                if (business != null) {
                    observer.business(business);
                }
            }
        }
    }

    /**
     * Reports a code refused to an {@code APPLY_CODE} operation.
     *
     * @param observer  the guarded observer
     * @param operation the finished operation
     * @param code      its error code, or null
     */
    public static void finished(CartObserver observer, CartOperation operation, @Nullable CartErrorCode code) {
        if (operation == CartOperation.APPLY_CODE
                && (code == CartErrorCode.PROMOTION_NOT_FOUND || code == CartErrorCode.PROMOTION_EXHAUSTED)) {
            observer.business(BusinessEvent.of(BusinessEvent.Kind.CODE_REJECTED));
        }
    }

    private static @Nullable BusinessEvent of(CartEvent event) {
        switch (event.type()) {
            case CREATED:
                return BusinessEvent.of(BusinessEvent.Kind.CART_CREATED);
            case MERGED:
                // A merge stores MERGED on both carts; only the guest's side names where it went.
                return event.data().containsKey("into") ? BusinessEvent.of(BusinessEvent.Kind.CART_MERGED) : null;
            case CHECKED_OUT:
                return new BusinessEvent(BusinessEvent.Kind.CHECKED_OUT, total(event), 1);
            case ABANDONED:
                return BusinessEvent.of(BusinessEvent.Kind.CART_ABANDONED);
            case CODE_APPLIED:
                return BusinessEvent.of(BusinessEvent.Kind.CODE_APPLIED);
            default:
                return null;
        }
    }

    /** The checked-out total the checkout wrote into its event, or null when it is not readable. */
    private static @Nullable Money total(CartEvent event) {
        String total = event.data().get("total");
        String currency = event.data().get("currency");
        if (total == null || currency == null) {
            return null;
        }
        try {
            return Money.parse(total, Currency.getInstance(currency));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
