package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.hostile.HostileEngineRun;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Cart;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The generated hostile-input suite on the in-memory engine. */
class HostileEngineInputTest {
    @Test
    void everyEntryPoint_hostileInput_onlyCartExceptionAndRejectedCallsChangeNothing() {
        InMemoryCartRepository repository = new InMemoryCartRepository();
        String summary = HostileEngineRun.run(CartEngine.builder().repository(repository), repository::find, 5_000);
        System.out.println(summary);
        assertThat(summary).contains("calls=5000");
    }

    @Test
    void run_storedCartChangingUnderARejectedCall_failsNamingTheSeed() {
        InMemoryCartRepository repository = new InMemoryCartRepository();
        long[] reads = {0};
        // a storage view that changes with every read, as if rejected calls wrote to it
        java.util.function.Function<dev.cartflow.model.CartId, Optional<Cart>> drifting = id -> repository.find(id)
                .map(c -> c.toBuilder().version(c.version() + (reads[0]++ % 2)).build());

        assertThatThrownBy(() -> HostileEngineRun.run(CartEngine.builder().repository(repository), drifting, 500))
                .isInstanceOf(HostileEngineRun.Breach.class)
                .hasMessageContaining("changed a stored cart")
                .hasMessageContaining("seed " + Long.getLong("cartflow.hostile.seed", HostileEngineRun.DEFAULT_SEED));
    }
}
