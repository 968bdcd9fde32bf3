package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The driver's cart ids must be the ones its pgbench scripts compute in SQL. */
class LoadDriverTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 9, 10, 2000, 2001, 32000, 123456789, Integer.MAX_VALUE})
    void cartId_anyNumber_isTheNumberInTwelveDecimalDigitsAfterTheFixedPrefix(int n) {
        UUID expected = UUID.fromString("00000000-0000-4000-8000-" + String.format("%012d", n));
        assertThat(LoadDriver.cartId(n).value()).isEqualTo(expected);
    }
}
