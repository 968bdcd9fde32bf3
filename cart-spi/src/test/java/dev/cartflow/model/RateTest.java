package dev.cartflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartException;
import org.junit.jupiter.api.Test;

class RateTest {
    @Test
    void percent_tenAndTwelveAndAHalf_fractions() {
        assertThat(Rate.percent("10")).isEqualTo(Rate.parse("0.10"));
        assertThat(Rate.percent("12.5").toDecimal()).isEqualByComparingTo("0.125");
    }

    @Test
    void equals_differentScaleSameValue_equalWithSameHash() {
        assertThat(new Rate(190, 3)).isEqualTo(new Rate(19, 2)).hasSameHashCodeAs(new Rate(19, 2));
    }

    @Test
    void plus_nonCompoundingRates_sum() {
        assertThat(Rate.parse("0.05").plus(Rate.parse("0.0975"))).isEqualTo(Rate.parse("0.1475"));
    }

    @Test
    void constructor_negativeOrTooPrecise_invalidInput() {
        assertThatThrownBy(() -> Rate.parse("-0.1")).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> Rate.parse("0.0000000000001")).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> Rate.parse("x")).isInstanceOf(CartException.class);
    }
}
