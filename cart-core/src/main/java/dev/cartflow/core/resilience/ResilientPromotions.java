package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionQuery;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Promotions behind a guard. A query's answer is remembered without its instant: validity windows
 * are judged by the engine at the time of pricing, so an older answer stays correct in that respect.
 */
final class ResilientPromotions extends Decorated implements PromotionProvider, FallbackReporting<PromotionProvider> {
    private record QueryKey(Currency currency, String country, @Nullable String customerGroup, Set<Sku> skus,
                            List<String> codes) {
    }

    private record CodeKey(String code, Currency currency) {
    }

    private final PromotionProvider delegate;
    private final @Nullable PromotionProvider defaults;
    private final FallbackChain<QueryKey, List<Promotion>> queries;
    private final FallbackChain<CodeKey, List<Promotion>> codes;

    ResilientPromotions(PromotionProvider delegate, ProviderPolicy policy, @Nullable PromotionProvider defaults) {
        super(new Guard(Fallbacks.PROMOTIONS, policy, defaults != null || policy.lastKnownGoodEntries() > 0));
        this.delegate = delegate;
        this.defaults = defaults;
        this.queries = new FallbackChain<>(guard, policy);
        this.codes = new FallbackChain<>(guard, policy);
    }

    @Override
    public List<Promotion> promotions(PromotionQuery query) {
        return promotions(query, NOBODY);
    }

    @Override
    public List<Promotion> byCode(String code, Currency currency) {
        return byCode(code, currency, NOBODY);
    }

    private List<Promotion> promotions(PromotionQuery query, Consumer<String> onFallback) {
        CartException.requireNonNull(query, "query");
        QueryKey key = new QueryKey(query.currency(), query.country(), query.customerGroup(), query.skus(),
                query.codes());
        return queries.single(key, () -> delegate.promotions(query),
                defaults == null ? null : () -> defaults.promotions(query), onFallback);
    }

    private List<Promotion> byCode(String code, Currency currency, Consumer<String> onFallback) {
        CartException.requireNonNull(code, "code");
        CartException.requireNonNull(currency, "currency");
        return codes.single(new CodeKey(code, currency), () -> delegate.byCode(code, currency),
                defaults == null ? null : () -> defaults.byCode(code, currency), onFallback);
    }

    @Override
    public PromotionProvider reportingTo(Consumer<String> onFallback) {
        return new PromotionProvider() {
            @Override
            public List<Promotion> promotions(PromotionQuery query) {
                return ResilientPromotions.this.promotions(query, onFallback);
            }

            @Override
            public List<Promotion> byCode(String code, Currency currency) {
                return ResilientPromotions.this.byCode(code, currency, onFallback);
            }
        };
    }
}
