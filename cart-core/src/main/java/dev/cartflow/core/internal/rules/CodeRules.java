package dev.cartflow.core.internal.rules;

import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Promotion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coupon codes: a code must activate at least one promotion; the cart keeps the promotion's
 * spelling, and codes match case-insensitively, so applying one twice or removing an absent one
 * changes nothing.
 */
final class CodeRules {
    private CodeRules() {
    }

    /**
     * Applies a code; a code already on the cart changes nothing, and a new one on a cart holding
     * {@code maxCodes} codes fails with {@code CART_LIMIT}.
     */
    static Change apply(Cart cart, String code, Snapshot snapshot, int maxCodes) {
        CartKindRules.requireCodesAllowed(cart);
        List<Promotion> found = snapshot.byCode(code);
        if (found.isEmpty()) {
            throw new CartException(CartErrorCode.PROMOTION_NOT_FOUND, "unknown code");
        }
        String canonical = found.get(0).code() != null ? found.get(0).code() : code;
        if (cart.codes().stream().anyMatch(c -> c.equalsIgnoreCase(canonical))) {
            return null;
        }
        if (cart.codes().size() >= maxCodes) {
            throw new CartException(CartErrorCode.CART_LIMIT, "a cart holds at most " + maxCodes + " codes");
        }
        List<String> codes = new ArrayList<>(cart.codes());
        codes.add(canonical);
        return new Change(cart.toBuilder().codes(codes).build(),
                List.of(PendingEvent.of(CartEvent.Type.CODE_APPLIED, "code", canonical)));
    }

    static Change remove(Cart cart, String code) {
        Optional<String> present = cart.codes().stream().filter(c -> c.equalsIgnoreCase(code)).findFirst();
        if (present.isEmpty()) {
            return null;
        }
        return new Change(cart.toBuilder().codes(cart.codes().stream().filter(c -> !c.equals(present.get())).toList())
                .build(), List.of(PendingEvent.of(CartEvent.Type.CODE_REMOVED, "code", present.get())));
    }
}
