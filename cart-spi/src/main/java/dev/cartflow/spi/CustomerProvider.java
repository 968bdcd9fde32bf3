package dev.cartflow.spi;

import dev.cartflow.model.CustomerId;
import java.util.Optional;

/**
 * The host's customer profiles: the group prices and promotions are chosen for, a default address
 * for new carts, and tax exemption. Optional: without one, a cart keeps the group given at creation
 * and every customer pays tax.
 *
 * <p>Thread-safe: the engine calls it from any number of threads at once, at most once per
 * operation attempt. A failure is reported as a {@code CartException} (a plain exception becomes
 * {@code PROVIDER_UNAVAILABLE} in the engine); a null answer is a failure too.
 */
@FunctionalInterface
public interface CustomerProvider {
    /** No profiles: every customer keeps the cart's own group and pays tax. */
    CustomerProvider NONE = customerId -> Optional.empty();

    /**
     * The customer's profile.
     *
     * @param customerId the customer
     * @return the profile, or empty when the host knows none
     */
    Optional<CustomerProfile> profile(CustomerId customerId);
}
