package dev.cartflow.core.residency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionTest {
    @Test
    void newCartId_anyRegion_carriesItsCodeAndParsesBack() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<CartId> seen = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            Region region = Region.of("r" + i, 1 + random.nextInt(Region.MAX_CODE));

            CartId id = region.newCartId(random);

            assertThat(Region.codeOf(id)).as("seed %d", seed).hasValue(region.code());
            assertThat(CartId.parse(id.toString())).as("seed %d", seed).isEqualTo(id);
            assertThat(id.value().version()).as("seed %d", seed).isEqualTo(8);
            assertThat(id.value().variant()).as("seed %d", seed).isEqualTo(2);
            assertThat(seen.add(id)).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void codeOf_randomIdOfEarlierReleases_isEmpty() {
        for (int i = 0; i < 100; i++) {
            assertThat(Region.codeOf(CartId.random())).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 4096, Integer.MAX_VALUE})
    void of_codeOutOfRange_failsInvalidInput(int code) {
        assertThatThrownBy(() -> Region.of("eu", code))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "eu west", "eu/west", "\ud800", "é", "abcdefghijklmnopqrstuvwxyz0123456"})
    void of_malformedName_failsInvalidInput(String name) {
        assertThatThrownBy(() -> Region.of(name, 1))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
