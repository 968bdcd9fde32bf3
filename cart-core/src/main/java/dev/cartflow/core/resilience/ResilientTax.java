package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Rate;
import dev.cartflow.spi.Destination;
import dev.cartflow.spi.TaxProvider;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Tax rates behind a guard, remembered per destination and category. Each of the two methods is
 * forwarded to the same method of the delegate (and of the defaults): a destination is never
 * narrowed to its country on the way.
 */
final class ResilientTax extends Decorated implements TaxProvider, FallbackReporting<TaxProvider> {
    private record Key(Destination destination, String category) {
    }

    /** One of the provider's two methods, asked for a batch of categories at one destination. */
    private interface Ask {
        Map<String, List<Rate>> rates(TaxProvider provider, Set<String> categories);
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
        return byCountry(country, categories, NOBODY);
    }

    @Override
    public Map<String, List<Rate>> rates(Destination destination, Set<String> categories) {
        return byDestination(destination, categories, NOBODY);
    }

    private Map<String, List<Rate>> byCountry(String country, Set<String> categories, Consumer<String> onFallback) {
        CartException.requireNonNull(country, "country");
        return rates(Destination.country(country), categories, (p, batch) -> p.rates(country, batch), onFallback);
    }

    private Map<String, List<Rate>> byDestination(Destination destination, Set<String> categories,
                                                  Consumer<String> onFallback) {
        CartException.requireNonNull(destination, "destination");
        return rates(destination, categories, (p, batch) -> p.rates(destination, batch), onFallback);
    }

    private Map<String, List<Rate>> rates(Destination destination, Set<String> categories, Ask ask,
                                          Consumer<String> onFallback) {
        Set<Key> keys = new LinkedHashSet<>();
        for (String category : keys(categories, "categories")) {
            keys.add(new Key(destination, category));
        }
        Map<Key, List<Rate>> found = chain.batch(keys, byKey(delegate, destination, ask),
                defaults == null ? null : byKey(defaults, destination, ask), onFallback);
        Map<String, List<Rate>> answer = new HashMap<>();
        found.forEach((key, rates) -> answer.put(key.category(), rates));
        return answer;
    }

    private static Function<Set<Key>, Map<Key, List<Rate>>> byKey(TaxProvider provider, Destination destination,
                                                                  Ask ask) {
        return keys -> {
            Set<String> categories = new LinkedHashSet<>();
            keys.forEach(k -> categories.add(k.category()));
            Map<String, List<Rate>> rates = ask.rates(provider, categories);
            if (rates == null) {
                return null;
            }
            Map<Key, List<Rate>> byKey = new HashMap<>();
            rates.forEach((category, r) -> byKey.put(new Key(destination, category), r));
            return byKey;
        };
    }

    @Override
    public TaxProvider reportingTo(Consumer<String> onFallback) {
        return new TaxProvider() {
            @Override
            public Map<String, List<Rate>> rates(String country, Set<String> categories) {
                return byCountry(country, categories, onFallback);
            }

            @Override
            public Map<String, List<Rate>> rates(Destination destination, Set<String> categories) {
                return byDestination(destination, categories, onFallback);
            }
        };
    }
}
