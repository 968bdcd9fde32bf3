package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** The catalog behind a guard, remembered per sku. */
final class ResilientCatalog extends Decorated implements CatalogProvider, FallbackReporting<CatalogProvider> {
    private final CatalogProvider delegate;
    private final @Nullable CatalogProvider defaults;
    private final FallbackChain<Sku, Product> chain;

    ResilientCatalog(CatalogProvider delegate, ProviderPolicy policy, @Nullable CatalogProvider defaults) {
        super(new Guard(Fallbacks.CATALOG, policy, defaults != null || policy.lastKnownGoodEntries() > 0));
        this.delegate = delegate;
        this.defaults = defaults;
        this.chain = new FallbackChain<>(guard, policy);
    }

    @Override
    public Map<Sku, Product> products(Set<Sku> skus) {
        return products(skus, NOBODY);
    }

    private Map<Sku, Product> products(Set<Sku> skus, Consumer<String> onFallback) {
        Set<Sku> keys = keys(skus, "skus");
        return chain.batch(keys, delegate::products, defaults == null ? null : defaults::products, onFallback);
    }

    @Override
    public CatalogProvider reportingTo(Consumer<String> onFallback) {
        return skus -> products(skus, onFallback);
    }
}
