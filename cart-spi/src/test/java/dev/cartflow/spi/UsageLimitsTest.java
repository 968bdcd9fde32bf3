package dev.cartflow.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import org.junit.jupiter.api.Test;

class UsageLimitsTest {
    private static Promotion promotion(long maxUses, long maxPerCustomer) {
        return new Promotion("P", null, 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ITEMS), new Promotion.Action.Percent(Rate.parse("0.1")),
                Promotion.Conditions.NONE, null, maxUses, maxPerCustomer);
    }

    @Test
    void isLimited_eitherLimitSet_true() {
        assertThat(UsageLimits.isLimited(promotion(0, 0))).isFalse();
        assertThat(UsageLimits.isLimited(promotion(1, 0))).isTrue();
        assertThat(UsageLimits.isLimited(promotion(0, 1))).isTrue();
    }

    @Test
    void isSpent_totalUsesReachMaxUses_spentOnlyFromTheLimitOn() {
        Promotion three = promotion(3, 0);

        assertThat(UsageLimits.isSpent(three, false, 2, 0)).isFalse();
        assertThat(UsageLimits.isSpent(three, false, 3, 0)).isTrue();
        assertThat(UsageLimits.isSpent(three, false, 4, 0)).isTrue();
    }

    @Test
    void isSpent_ownerUsesReachMaxPerCustomer_spentOnlyFromTheLimitOn() {
        Promotion two = promotion(0, 2);

        assertThat(UsageLimits.isSpent(two, false, 100, 1)).isFalse();
        assertThat(UsageLimits.isSpent(two, false, 100, 2)).isTrue();
    }

    @Test
    void isSpent_redeemedByThisCart_neverSpentForIt() {
        assertThat(UsageLimits.isSpent(promotion(1, 1), true, 5, 5)).isFalse();
    }

    @Test
    void isSpent_unlimited_neverSpent() {
        assertThat(UsageLimits.isSpent(promotion(0, 0), false, Long.MAX_VALUE, Long.MAX_VALUE)).isFalse();
    }

    @Test
    void ownerKey_guestAndCustomerWithTheSameText_differ() {
        String text = "a".repeat(64);
        String guest = UsageLimits.ownerKey(new CartOwner.Guest(text));
        String customer = UsageLimits.ownerKey(new CartOwner.Customer(new CustomerId(text)));

        assertThat(customer).isEqualTo(text);
        assertThat(guest).isNotEqualTo(customer).endsWith(text);
        assertThat(UsageLimits.ownerKey(new CartOwner.Guest(text))).isEqualTo(guest);
    }

    @Test
    void ownerKey_null_invalidInput() {
        assertThatThrownBy(() -> UsageLimits.ownerKey(null)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
