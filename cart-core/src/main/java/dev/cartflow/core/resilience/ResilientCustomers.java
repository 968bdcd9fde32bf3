package dev.cartflow.core.resilience;

import dev.cartflow.core.internal.snapshot.Fallbacks;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.CustomerProvider;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Customer profiles behind a guard, remembered per customer. A remembered profile is personal data
 * (a default address, a group), so this decorator is a {@link PersonalDataStore}: a customer's
 * erasure drops it.
 */
final class ResilientCustomers extends Decorated implements CustomerProvider, FallbackReporting<CustomerProvider>,
        PersonalDataStore {
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

    /** Drops the customer's remembered profile; the host's own profile store is the host's to erase. */
    @Override
    public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        CartException.requireNonNull(customerId, "customer id");
        return Map.of("customerProfiles", chain.forget(customerId));
    }

    /** Nothing of its own to export: a remembered profile is the host's answer, which the host exports. */
    @Override
    public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        CartException.requireNonNull(customerId, "customer id");
        return List.of();
    }

    @Override
    public CustomerProvider reportingTo(Consumer<String> onFallback) {
        return customerId -> profile(customerId, onFallback);
    }
}
