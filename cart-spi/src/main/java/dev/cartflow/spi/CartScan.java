package dev.cartflow.spi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every stored cart, a page at a time in id order: an optional capability of a cart store, for jobs
 * that must visit each cart once whatever its state or age (the key rotation job). Thread-safe.
 * Paging is by key, not offset, so a page is one indexed range read however far the scan has gone,
 * and carts written meanwhile neither shift nor repeat the pages.
 */
@FunctionalInterface
public interface CartScan {
    /**
     * The carts whose id follows {@code after} in the store's id order (the order of the ids' text
     * form), first ones first.
     *
     * @param after the last id of the previous page, or null for the first page
     * @param limit page size, at least 1
     * @return up to {@code limit} carts; fewer only on the last page
     */
    List<Cart> findAfter(@Nullable CartId after, int limit);
}
