package dev.cartflow.spring;

import dev.cartflow.core.cache.CachingCatalogProvider;
import dev.cartflow.core.cache.CachingPricingProvider;
import dev.cartflow.core.cache.ProviderCache;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.PricingProvider;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * The engine's catalog and price caches ({@code cartflow.cache.*}), for the application to
 * invalidate when a product or a price changes; with cart-redis configured the invalidation reaches
 * every instance.
 */
public final class ProviderCaches {
    private @Nullable ProviderCache catalog;
    private @Nullable ProviderCache pricing;

    ProviderCaches() {
    }

    CatalogProvider catalog(CatalogProvider delegate, CartFlowCacheProperties.Cache settings,
                            @Nullable CacheBroadcast broadcast) {
        if (!settings.isEnabled()) {
            return delegate;
        }
        CachingCatalogProvider cached = CachingCatalogProvider.builder(delegate).maximumSize(settings.getMaximumSize())
                .ttl(settings.getTtl(), settings.getNegativeTtl()).build();
        catalog = broadcast == null ? cached : broadcast.share("catalog", cached);
        return cached;
    }

    PricingProvider pricing(PricingProvider delegate, CartFlowCacheProperties.Cache settings,
                            @Nullable CacheBroadcast broadcast) {
        if (!settings.isEnabled()) {
            return delegate;
        }
        CachingPricingProvider cached = CachingPricingProvider.builder(delegate).maximumSize(settings.getMaximumSize())
                .ttl(settings.getTtl(), settings.getNegativeTtl()).build();
        pricing = broadcast == null ? cached : broadcast.share("pricing", cached);
        return cached;
    }

    /**
     * Drops these skus from the catalog cache here and on every instance; nothing when it is off.
     *
     * @param skus the changed products
     */
    public void productsChanged(Collection<Sku> skus) {
        if (catalog != null) {
            catalog.invalidate(skus);
        }
    }

    /**
     * Drops these skus from the price cache here and on every instance; nothing when it is off.
     *
     * @param skus the skus whose prices changed
     */
    public void pricesChanged(Collection<Sku> skus) {
        if (pricing != null) {
            pricing.invalidate(skus);
        }
    }
}
