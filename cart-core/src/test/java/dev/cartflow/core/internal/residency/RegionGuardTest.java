package dev.cartflow.core.internal.residency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.residency.Region;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionGuardTest {
    private final InMemoryCartRepository store = new InMemoryCartRepository();
    private final RegionGuard guard = new RegionGuard(store, Region.of("eu", 1));

    @Test
    void save_cartOfAnotherRegion_failsAccessDeniedAndNeverReachesTheStore() {
        Cart foreign = CartFixtures.guestCart().toBuilder().region("us").build();

        assertThatThrownBy(() -> guard.save(CartWrite.of(foreign, 0, List.of())))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
        assertThatThrownBy(() -> guard.saveAll(List.of(CartWrite.of(CartFixtures.guestCart(), 0, List.of()),
                CartWrite.of(foreign, 0, List.of()))))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
        assertThat(store.find(foreign.id())).isEmpty();
        assertThat(store.findAfter(null, 10)).isEmpty();
    }

    @Test
    void save_cartOfItsRegionOrWithout_passes() {
        Cart mine = CartFixtures.guestCart().toBuilder().region("eu").build();
        Cart old = CartFixtures.guestCart();

        guard.saveAll(List.of(CartWrite.of(mine, 0, List.of()), CartWrite.of(old, 0, List.of())));

        assertThat(guard.find(mine.id())).contains(mine);
        assertThat(guard.find(old.id())).contains(old);
    }
}
