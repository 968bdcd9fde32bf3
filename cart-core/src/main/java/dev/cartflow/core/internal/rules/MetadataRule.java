package dev.cartflow.core.internal.rules;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import java.util.List;

/**
 * Host metadata. Its shape and size were checked and normalized before access (so that they are
 * reported first); here it only replaces what is stored when it differs.
 */
final class MetadataRule {
    private MetadataRule() {
    }

    static Change replace(Cart cart, String normalized) {
        if (normalized.equals(cart.metadata())) {
            return null;
        }
        return new Change(cart.toBuilder().metadata(normalized).build(),
                List.of(PendingEvent.of(CartEvent.Type.METADATA_CHANGED)));
    }
}
