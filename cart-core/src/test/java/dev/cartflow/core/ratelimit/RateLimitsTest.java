package dev.cartflow.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOperation;
import dev.cartflow.spi.RateLimit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RateLimitsTest {

    private static void assertInvalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void none_everyOperation_unlimitedAndFailsOpen() {
        assertThat(RateLimits.NONE.isEmpty()).isTrue();
        assertThat(RateLimits.NONE.onLimiterOutage()).isEqualTo(LimiterOutage.ALLOW);
        for (CartOperation operation : CartOperation.values()) {
            assertThat(RateLimits.NONE.perActor(operation)).isEmpty();
            assertThat(RateLimits.NONE.perCart(operation)).isEmpty();
        }
    }

    @Test
    void build_perActorAndPerCart_keptApart() {
        RateLimits limits = RateLimits.builder()
                .perActor(CartOperation.APPLY_CODE, 5, Duration.ofMinutes(1))
                .perCart(CartOperation.APPLY_CODE, 20, Duration.ofHours(1))
                .build();

        assertThat(limits.perActor(CartOperation.APPLY_CODE)).contains(RateLimit.of(5, Duration.ofMinutes(1)));
        assertThat(limits.perCart(CartOperation.APPLY_CODE)).contains(RateLimit.of(20, Duration.ofHours(1)));
        assertThat(limits.perActor(CartOperation.ADD_ITEM)).isEmpty();
        assertThat(limits.isEmpty()).isFalse();
    }

    @Test
    void build_sameOperationTwice_laterWins() {
        RateLimits limits = RateLimits.builder()
                .perCart(CartOperation.ADD_ITEM, 5, Duration.ofSeconds(1))
                .perCart(CartOperation.ADD_ITEM, 7, Duration.ofSeconds(2))
                .build();

        assertThat(limits.perCart(CartOperation.ADD_ITEM)).contains(RateLimit.of(7, Duration.ofSeconds(2)));
    }

    @Test
    void build_builderUsedAfterwards_earlierLimitsUnchanged() {
        RateLimits.Builder builder = RateLimits.builder().perCart(CartOperation.ADD_ITEM, 5, Duration.ofSeconds(1));
        RateLimits first = builder.build();

        builder.perCart(CartOperation.CLEAR, 1, Duration.ofSeconds(1)).onLimiterOutage(LimiterOutage.REFUSE);

        assertThat(first.perCart(CartOperation.CLEAR)).isEmpty();
        assertThat(first.onLimiterOutage()).isEqualTo(LimiterOutage.ALLOW);
    }

    @ParameterizedTest
    @EnumSource(value = CartOperation.class, names = {"CREATE_GUEST_CART", "CREATE_CUSTOMER_CART", "ACTIVE_CART",
            "MAINTENANCE", "EXPORT_CUSTOMER", "ERASE_CUSTOMER"})
    void perCart_operationWithoutACart_invalidInput(CartOperation operation) {
        assertInvalid(() -> RateLimits.builder().perCart(operation, 1, Duration.ofSeconds(1)));
    }

    @ParameterizedTest
    @EnumSource(value = CartOperation.class, names = {"MAINTENANCE", "EXPORT_CUSTOMER", "ERASE_CUSTOMER"})
    void perActor_operationNotLimitedByTheEngine_invalidInput(CartOperation operation) {
        assertInvalid(() -> RateLimits.builder().perActor(operation, 1, Duration.ofSeconds(1)));
    }

    @Test
    void setters_badArguments_invalidInput() {
        assertInvalid(() -> RateLimits.builder().perActor(null, 1, Duration.ofSeconds(1)));
        assertInvalid(() -> RateLimits.builder().perCart(CartOperation.GET, (RateLimit) null));
        assertInvalid(() -> RateLimits.builder().perActor(CartOperation.GET, 0, Duration.ofSeconds(1)));
        assertInvalid(() -> RateLimits.builder().perActor(CartOperation.GET, -5, Duration.ofSeconds(1)));
        assertInvalid(() -> RateLimits.builder().perActor(CartOperation.GET, RateLimit.MAX_CAPACITY + 1, Duration.ofSeconds(1)));
        assertInvalid(() -> RateLimits.builder().perActor(CartOperation.GET, 1, null));
        assertInvalid(() -> RateLimits.builder().perActor(CartOperation.GET, 1, Duration.ZERO));
        assertInvalid(() -> RateLimits.builder().perActor(CartOperation.GET, 1, Duration.ofSeconds(-1)));
        assertInvalid(() -> RateLimits.builder().perActor(CartOperation.GET, 1, Duration.ofNanos(999_999)));
        assertInvalid(() -> RateLimits.builder().perActor(CartOperation.GET, 1, RateLimit.MAX_PERIOD.plusNanos(1)));
        assertInvalid(() -> RateLimits.builder().onLimiterOutage(null));
    }

    @Test
    void rateLimit_boundaries_accepted() {
        assertThat(RateLimit.of(1, RateLimit.MIN_PERIOD).tag()).isEqualTo("1per1000000ns");
        assertThat(RateLimit.of(RateLimit.MAX_CAPACITY, RateLimit.MAX_PERIOD).tag()).isEqualTo("1000000per86400000000000ns");
    }
}
