package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReservationOwnerTest {

    @Test
    void of_enginesCheckoutIds_cartAndVersionRead() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            UUID cart = new UUID(random.nextLong(), random.nextLong());
            long version = random.nextLong(0, Long.MAX_VALUE);

            ReservationOwner owner = ReservationOwner.of("checkout-" + cart + "-" + version);

            assertThat(owner).as("seed %d", seed).isEqualTo(new ReservationOwner(cart, version));
            assertThat(owner.namesCart()).isTrue();
        }
    }

    @Test
    void of_otherIds_nameNoCartAndKeyedByThemselves() {
        UUID cart = UUID.randomUUID();
        List<String> others = List.of("order-77", "checkout-", "checkout-" + cart, "checkout-" + cart + "-",
                "checkout-" + cart + "-x", "checkout-" + cart + "--1", "checkout-" + cart + "-01",
                "checkout-" + cart.toString().toUpperCase() + "-1", "CHECKOUT-" + cart + "-1",
                "checkout-" + cart + "-99999999999999999999");

        for (String id : others) {
            ReservationOwner owner = ReservationOwner.of(id);

            assertThat(owner.namesCart()).as(id).isFalse();
            assertThat(owner.cartId()).as(id).isNotEqualTo(cart).isEqualTo(ReservationOwner.of(id).cartId());
        }
        assertThat(others.stream().map(id -> ReservationOwner.of(id).cartId()).distinct()).hasSize(others.size());
    }
}
