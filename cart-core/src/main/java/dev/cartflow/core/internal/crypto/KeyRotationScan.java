package dev.cartflow.core.internal.crypto;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import org.jspecify.annotations.Nullable;

/**
 * What the key rotation job needs of an encrypting repository: the stored carts, page by page, that
 * are not wholly encrypted with the current key. Thread-safe.
 */
public interface KeyRotationScan {
    /**
     * One page of the scan.
     *
     * @param after the cursor of the previous page, or null to start
     * @param limit how many stored carts to look at, at least 1
     * @return the stale carts among them, decrypted, and the cursor of the next page
     */
    RotationPage staleAfter(@Nullable CartId after, int limit);

    /**
     * One page of the scan.
     *
     * @param stale the carts of the page that need re-encryption, decrypted (as the engine sees them)
     * @param next  the cursor of the next page, or null when the scan is complete
     */
    record RotationPage(java.util.List<Cart> stale, @Nullable CartId next) {
        /** Copies. */
        public RotationPage {
            stale = java.util.List.copyOf(stale);
        }
    }
}
