package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.privacy.ErasureReport;
import dev.cartflow.core.resilience.ProviderPolicy;
import dev.cartflow.core.resilience.Resilience;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.CustomerProvider;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A resilient customer provider remembers profiles for its fallback; a customer's erasure forgets them. */
class RememberedProfileErasureTest {
    private static final CustomerId ANA = new CustomerId("ana");

    private final TestWorld world = new TestWorld();
    private final AtomicBoolean down = new AtomicBoolean();
    private final CustomerProvider host = id -> {
        if (down.get()) {
            throw new IllegalStateException("profiles down");
        }
        return Optional.of(new CustomerProfile(null, null, null, true));
    };
    private final CartEngine engine = world.builder().customers(Resilience.customers(host, ProviderPolicy.builder()
            .retries(0).timeout(Duration.ofSeconds(5)).lastKnownGood(100, Duration.ofDays(1)).build())).build();

    @Test
    void erase_rememberedProfile_forgottenSoTheFallbackHasNothingLeft() {
        Cart cart = engine.createCustomerCart(Actor.support("s-1", "T-1"), ANA, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.support("s-1", "T-1"), cart.id(), Sku.of("A"), 1);
        down.set(true);
        assertThat(engine.price(Actor.support("s-1", "T-1"), cart.id()).fallbacks())
                .as("the remembered profile answers while the host is down").isNotEmpty();

        ErasureReport report = engine.dataProtection().erase(Actor.support("dpo", "GDPR-17"), ANA);

        assertThat(report.touched()).containsEntry("customerProfiles", java.util.Map.of("customerProfiles", 1));
        Cart other = engine.createGuestCart(NewCart.of("EUR", "DE")).cart();
        assertThat(other).isNotNull();
        assertThatThrownBy(() -> engine.createCustomerCart(Actor.support("s-1", "T-2"), ANA, NewCart.of("EUR", "DE")))
                .as("nothing remembered: the profile call fails")
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
    }
}
