package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.spi.ExchangeRateProvider;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Exchange rates behind a guard, remembered per pair of currencies. */
final class ResilientExchangeRates extends Decorated
        implements ExchangeRateProvider, FallbackReporting<ExchangeRateProvider> {
    private record Key(Currency from, Currency to) {
    }

    private final ExchangeRateProvider delegate;
    private final @Nullable ExchangeRateProvider defaults;
    private final FallbackChain<Key, Optional<ExchangeRate>> chain;

    ResilientExchangeRates(ExchangeRateProvider delegate, ProviderPolicy policy, @Nullable ExchangeRateProvider defaults) {
        super(new Guard(Fallbacks.EXCHANGE_RATES, policy, defaults != null || policy.lastKnownGoodEntries() > 0));
        this.delegate = delegate;
        this.defaults = defaults;
        this.chain = new FallbackChain<>(guard, policy);
    }

    @Override
    public Optional<ExchangeRate> rate(Currency from, Currency to) {
        return rate(from, to, NOBODY);
    }

    private Optional<ExchangeRate> rate(Currency from, Currency to, Consumer<String> onFallback) {
        CartException.requireNonNull(from, "from");
        CartException.requireNonNull(to, "to");
        return chain.single(new Key(from, to), () -> delegate.rate(from, to),
                defaults == null ? null : () -> defaults.rate(from, to), onFallback);
    }

    @Override
    public ExchangeRateProvider reportingTo(Consumer<String> onFallback) {
        return (from, to) -> rate(from, to, onFallback);
    }
}
