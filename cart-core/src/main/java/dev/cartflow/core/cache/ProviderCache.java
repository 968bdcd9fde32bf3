package dev.cartflow.core.cache;

import dev.cartflow.model.Sku;
import java.util.Collection;

/**
 * A provider cache whose entries can be dropped by sku: what a host calls when its catalog or prices
 * change, and what a cross-instance invalidation (for example {@code cart-redis}'s
 * {@code RedisCacheInvalidation}) calls when another instance reports a change. Thread-safe.
 */
public interface ProviderCache {
    /**
     * Drops every entry of the skus. A lookup already running when this is called is returned to
     * its caller but not stored, so the next lookup asks the host again.
     *
     * @param skus the changed skus
     */
    void invalidate(Collection<Sku> skus);

    /** Drops every entry: for a change that may touch any sku (a new price list, a catalog import). */
    void invalidateAll();
}
