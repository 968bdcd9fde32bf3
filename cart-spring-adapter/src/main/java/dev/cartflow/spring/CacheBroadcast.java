package dev.cartflow.spring;

import dev.cartflow.core.cache.ProviderCache;

/** Carries a provider cache's invalidations to the other instances (cart-redis's pub/sub). */
@FunctionalInterface
interface CacheBroadcast {
    /** The cache whose invalidations also reach the other instances' caches of this name. */
    ProviderCache share(String name, ProviderCache local);
}
