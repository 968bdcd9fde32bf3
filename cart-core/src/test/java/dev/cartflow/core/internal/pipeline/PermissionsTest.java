package dev.cartflow.core.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.security.SecurityPolicy;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The role and grant table for every {@link CartOperation}, including those without a cart
 * (maintenance, erasure, export), which the engine-level role test cannot reach through a cart.
 */
class PermissionsTest {
    private final Permissions permissions = new Permissions(SecurityPolicy.builder()
            .denyGuests(CartOperation.CHECKOUT, CartOperation.MAINTENANCE).build());

    @ParameterizedTest
    @EnumSource(CartOperation.class)
    void refusal_support_readOnlyOnlyForReadOperationsFullForAll(CartOperation operation) {
        assertThat(permissions.refusal(Actor.support("s", "r"), operation)).isNull();
        assertThat(permissions.refusal(Actor.supportReadOnly("s", "r"), operation))
                .isEqualTo(operation.readOnly() ? null : "ROLE");
    }

    @ParameterizedTest
    @EnumSource(CartOperation.class)
    void refusal_service_exactlyItsGrants(CartOperation operation) {
        assertThat(permissions.refusal(Actor.service("svc"), operation)).isNull();
        assertThat(permissions.refusal(Actor.service("svc", EnumSet.of(operation)), operation)).isNull();
        assertThat(permissions.refusal(Actor.service("svc", EnumSet.complementOf(EnumSet.of(operation))), operation))
                .isEqualTo("GRANT");
    }

    @ParameterizedTest
    @EnumSource(CartOperation.class)
    void refusal_guestAndCustomer_onlyThePolicyRefusesGuestsOwnershipDecidesTheRest(CartOperation operation) {
        boolean denied = operation == CartOperation.CHECKOUT || operation == CartOperation.MAINTENANCE;
        assertThat(permissions.refusal(Actor.guest("t"), operation)).isEqualTo(denied ? "GUEST_POLICY" : null);
        assertThat(permissions.refusal(Actor.customer(new CustomerId("c")), operation)).isNull();
    }
}
