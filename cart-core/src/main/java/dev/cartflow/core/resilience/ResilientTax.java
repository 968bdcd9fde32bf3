package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Rate;
import dev.cartflow.spi.TaxProvider;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Tax rates behind a guard, remembered per country and category. */
final class ResilientTax extends Decorated implements TaxProvider, FallbackReporting<TaxProvider> {
    private record Key(String country, String category) {
    }

    private final TaxProvider delegate;
    private final @Nullable TaxProvider defaults;
    private final FallbackChain<Key, List<Rate>> chain;

    ResilientTax(TaxProvider delegate, ProviderPolicy policy, @Nullable TaxProvider defaults) {
        super(new Guard(Fallbacks.TAX, policy, defaults != null || policy.lastKnownGoodEntries() > 0));
        this.delegate = delegate;
        this.defaults = defaults;
        this.chain = new FallbackChain<>(guard, policy);
    }

    @Override
    public Map<String, List<Rate>> rates(String country, Set<String> categories) {
        return rates(country, categories, NOBODY);
    }

    private Map<String, List<Rate>> rates(String country, Set<String> categories, Consumer<String> onFallback) {
        CartException.requireNonNull(country, "country");
        Set<Key> keys = new LinkedHashSet<>();
        for (String category : keys(categories, "categories")) {
            keys.add(new Key(country, category));
        }
        Map<Key, List<Rate>> found = chain.batch(keys, byKey(delegate, country),
                defaults == null ? null : byKey(defaults, country), onFallback);
        Map<String, List<Rate>> answer = new HashMap<>();
        found.forEach((key, rates) -> answer.put(key.category(), rates));
        return answer;
    }

    private static Function<Set<Key>, Map<Key, List<Rate>>> byKey(TaxProvider provider, String country) {
        return keys -> {
            Set<String> categories = new LinkedHashSet<>();
            keys.forEach(k -> categories.add(k.category()));
            Map<String, List<Rate>> rates = provider.rates(country, categories);
            if (rates == null) {
                return null;
            }
            Map<Key, List<Rate>> byKey = new HashMap<>();
            rates.forEach((category, r) -> byKey.put(new Key(country, category), r));
            return byKey;
        };
    }

    @Override
    public TaxProvider reportingTo(Consumer<String> onFallback) {
        return (country, categories) -> rates(country, categories, onFallback);
    }
}
