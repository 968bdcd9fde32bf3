package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.spi.Destination;
import dev.cartflow.spi.ShippingProvider;
import java.util.Currency;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Shipping methods behind a guard, remembered per currency and destination. Each of the two methods
 * is forwarded to the same method of the delegate (and of the defaults): a destination is never
 * narrowed to its country on the way.
 */
final class ResilientShipping extends Decorated implements ShippingProvider, FallbackReporting<ShippingProvider> {
    private record Key(Currency currency, Destination destination) {
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
        return byCountry(currency, country, NOBODY);
    }

    @Override
    public List<ShippingMethod> methods(Currency currency, Destination destination) {
        return byDestination(currency, destination, NOBODY);
    }

    private List<ShippingMethod> byCountry(Currency currency, String country, Consumer<String> onFallback) {
        CartException.requireNonNull(currency, "currency");
        CartException.requireNonNull(country, "country");
        return chain.single(new Key(currency, Destination.country(country)), () -> delegate.methods(currency, country),
                defaults == null ? null : () -> defaults.methods(currency, country), onFallback);
    }

    private List<ShippingMethod> byDestination(Currency currency, Destination destination,
                                               Consumer<String> onFallback) {
        CartException.requireNonNull(currency, "currency");
        CartException.requireNonNull(destination, "destination");
        return chain.single(new Key(currency, destination), () -> delegate.methods(currency, destination),
                defaults == null ? null : () -> defaults.methods(currency, destination), onFallback);
    }

    @Override
    public ShippingProvider reportingTo(Consumer<String> onFallback) {
        return new ShippingProvider() {
            @Override
            public List<ShippingMethod> methods(Currency currency, String country) {
                return byCountry(currency, country, onFallback);
            }

            @Override
            public List<ShippingMethod> methods(Currency currency, Destination destination) {
                return byDestination(currency, destination, onFallback);
            }
        };
    }
}
