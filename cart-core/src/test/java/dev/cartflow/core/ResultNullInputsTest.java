package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.health.ComponentHealth;
import dev.cartflow.core.health.HealthReport;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The engine's public values that a host builds itself (a health contributor's answer) or passes on
 * (results, the in-memory providers) refuse a null with {@code INVALID_INPUT}, not a {@code NullPointerException}.
 */
class ResultNullInputsTest {
    @Test
    void componentHealth_nullStatusOrDetail() {
        Map<String, String> details = new HashMap<>();
        details.put("pool", null);
        invalid(() -> new ComponentHealth(null, Map.of()));
        invalid(() -> new ComponentHealth(HealthStatus.UP, null));
        invalid(() -> new ComponentHealth(HealthStatus.DOWN, details));
        assertThat(new ComponentHealth(HealthStatus.DOWN, Map.of("pool", "exhausted")).details())
                .containsEntry("pool", "exhausted");
    }

    @Test
    void healthReport_nullComponents() {
        invalid(() -> new HealthReport(HealthStatus.UP, null));
        invalid(() -> new HealthReport(null, Map.of("db", ComponentHealth.up())));
    }

    @Test
    void checkoutResult_nullRedeemedCode() {
        invalid(() -> new CheckoutResult(null, null, "r-1", Arrays.asList("P1", null)));
    }

    @Test
    void inMemoryProviders_removeNull() {
        invalid(() -> new InMemoryCatalog().remove(null));
        invalid(() -> new InMemoryPromotions().remove(null));
    }

    private static void invalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
