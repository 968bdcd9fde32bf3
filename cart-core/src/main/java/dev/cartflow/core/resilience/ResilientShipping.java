package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.spi.ShippingProvider;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Shipping methods behind a guard, remembered per currency and country. */
final class ResilientShipping extends Decorated implements ShippingProvider, FallbackReporting<ShippingProvider> {
    private record Key(Currency currency, String country) {
    }

    private final ShippingProvider delegate;
    private final @Nullable ShippingProvider defaults;
    private final FallbackChain<Key, List<ShippingMethod>> chain;

    ResilientShipping(ShippingProvider delegate, ProviderPolicy policy, @Nullable ShippingProvider defaults) {
        super(new Guard(Fallbacks.SHIPPING, policy, defaults != null || policy.lastKnownGoodEntries() > 0));
        this.delegate = delegate;
        this.defaults = defaults;
        this.chain = new FallbackChain<>(guard, policy);
    }

    @Override
    public List<ShippingMethod> methods(Currency currency, String country) {
        return methods(currency, country, NOBODY);
    }

    private List<ShippingMethod> methods(Currency currency, String country, Consumer<String> onFallback) {
        CartException.requireNonNull(currency, "currency");
        CartException.requireNonNull(country, "country");
        return chain.single(new Key(currency, country), () -> delegate.methods(currency, country),
                defaults == null ? null : () -> defaults.methods(currency, country), onFallback);
    }

    @Override
    public ShippingProvider reportingTo(Consumer<String> onFallback) {
        return (currency, country) -> methods(currency, country, onFallback);
    }
}
