package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.CustomerProvider;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Customer profiles behind a guard, remembered per customer. */
final class ResilientCustomers extends Decorated implements CustomerProvider, FallbackReporting<CustomerProvider> {
    private final CustomerProvider delegate;
    private final @Nullable CustomerProvider defaults;
    private final FallbackChain<CustomerId, Optional<CustomerProfile>> chain;

    ResilientCustomers(CustomerProvider delegate, ProviderPolicy policy, @Nullable CustomerProvider defaults) {
        super(new Guard(Fallbacks.CUSTOMERS, policy, defaults != null || policy.lastKnownGoodEntries() > 0));
        this.delegate = delegate;
        this.defaults = defaults;
        this.chain = new FallbackChain<>(guard, policy);
    }

    @Override
    public Optional<CustomerProfile> profile(CustomerId customerId) {
        return profile(customerId, NOBODY);
    }

    private Optional<CustomerProfile> profile(CustomerId customerId, Consumer<String> onFallback) {
        CartException.requireNonNull(customerId, "customer id");
        return chain.single(customerId, () -> delegate.profile(customerId),
                defaults == null ? null : () -> defaults.profile(customerId), onFallback);
    }

    @Override
    public CustomerProvider reportingTo(Consumer<String> onFallback) {
        return customerId -> profile(customerId, onFallback);
    }
}
