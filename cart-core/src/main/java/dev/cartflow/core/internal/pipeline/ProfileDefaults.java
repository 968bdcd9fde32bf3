package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.CustomerProvider;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A new customer cart starts at the profile's default address when the profile's default country is
 * the cart's country (the address belongs to that country; a cart asked for in another country
 * starts without one). The country itself is always the one the caller gave. A creation step of
 * the pipeline, not a rule: it asks the customer provider (once per attempt).
 */
final class ProfileDefaults {
    private ProfileDefaults() {
    }

    /**
     * The new cart with the default address of its customer's profile, when it applies.
     *
     * @param created   the new customer cart
     * @param customer  its customer
     * @param customers the engine's customer provider, or null for none (nothing is asked)
     * @return the cart to store
     */
    static Cart apply(Cart created, CustomerId customer, @Nullable CustomerProvider customers) {
        if (customers == null) {
            return created;
        }
        Optional<CustomerProfile> profile = Failures.provider("customers", () -> customers.profile(customer));
        return profile.filter(p -> p.defaultAddress() != null && created.country().equals(p.defaultCountry()))
                .map(p -> created.toBuilder().shippingAddress(p.defaultAddress()).build()).orElse(created);
    }
}
