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

    @Test
    void constructor_zeroAndBounds_acceptedInclusive() {
        assertThat(new Rate(0, 5).isZero()).isTrue();
        assertThat(new Rate(0, 0)).isEqualTo(Rate.ZERO);
        assertThat(new Rate(1_000_000, 0).toDecimal()).isEqualByComparingTo("1000000");
        assertThat(new Rate(1_000_000_000_000_000_000L, Rate.MAX_SCALE).toDecimal()).isEqualByComparingTo("1000000");
        assertThat(new Rate(1, Rate.MAX_SCALE).toString()).isEqualTo("0.000000000001");
        assertThatThrownBy(() -> new Rate(-1, 0)).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> new Rate(1, -1)).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> new Rate(1, Rate.MAX_SCALE + 1)).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> new Rate(1_000_001, 0)).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> new Rate(1_000_000_000_000_000_001L, Rate.MAX_SCALE)).isInstanceOf(CartException.class);
    }

    @Test
    void parse_exponentAndTrailingZeros_smallestScale() {
        Rate hundred = Rate.parse("1e2");
        assertThat(hundred.unscaled()).isEqualTo(100);
        assertThat(hundred.scale()).isZero();
        Rate fraction = Rate.parse("0.1900");
        assertThat(fraction.unscaled()).isEqualTo(19);
        assertThat(fraction.scale()).isEqualTo(2);
        assertThat(Rate.parse(" 0 ").isZero()).isTrue();
        assertThat(Rate.parse("0.000000000001").scale()).isEqualTo(Rate.MAX_SCALE);
        assertThatThrownBy(() -> Rate.parse("1000000.1")).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> Rate.parse("99999999999999999999")).isInstanceOf(CartException.class);
    }

    @Test
    void percent_scaleShiftedByTwo() {
        Rate half = Rate.percent("50");
        assertThat(half.toDecimal()).isEqualByComparingTo("0.5");
        assertThat(Rate.percent("0.0000000001").scale()).isEqualTo(Rate.MAX_SCALE);
        assertThatThrownBy(() -> Rate.percent("0.00000000001")).isInstanceOf(CartException.class);
    }

    @Test
    void denominator_tenToTheScale() {
        assertThat(new Rate(19, 2).denominator()).isEqualTo(100);
        assertThat(new Rate(19, 0).denominator()).isEqualTo(1);
        assertThat(new Rate(1, Rate.MAX_SCALE).denominator()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void pow10_wholeRange_exactPowers() {
        long expected = 1;
        for (int n = 0; n <= 18; n++) {
            assertThat(Rate.pow10(n)).isEqualTo(expected);
            expected *= 10;
        }
        assertThatThrownBy(() -> Rate.pow10(19)).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> Rate.pow10(-1)).isInstanceOf(CartException.class);
    }

    @Test
    void isZero_onlyForZero() {
        assertThat(Rate.ZERO.isZero()).isTrue();
        assertThat(Rate.ONE.isZero()).isFalse();
        assertThat(new Rate(1, Rate.MAX_SCALE).isZero()).isFalse();
    }

    @Test
    void withScale_sameValueMoreDigits() {
        Rate r = Rate.parse("0.19").withScale(4);
        assertThat(r.unscaled()).isEqualTo(1900);
        assertThat(r.scale()).isEqualTo(4);
        assertThat(r).isEqualTo(Rate.parse("0.19"));
        assertThat(Rate.parse("0.19").withScale(2).unscaled()).isEqualTo(19);
        assertThatThrownBy(() -> Rate.parse("0.19").withScale(1)).isInstanceOf(CartException.class);
    }

    @Test
    void plus_differentScales_exactSumAtLargerScale() {
        Rate sum = new Rate(5, 1).plus(new Rate(25, 3));
        assertThat(sum.unscaled()).isEqualTo(525);
        assertThat(sum.scale()).isEqualTo(3);
        assertThat(new Rate(25, 3).plus(new Rate(5, 1))).isEqualTo(sum);
        assertThat(Rate.ZERO.plus(Rate.ONE)).isEqualTo(Rate.ONE);
    }

    @Test
    void compareTo_numericOrderAcrossScales() {
        assertThat(new Rate(19, 2).compareTo(new Rate(2, 1))).isNegative();
        assertThat(new Rate(2, 1).compareTo(new Rate(19, 2))).isPositive();
        assertThat(new Rate(20, 2).compareTo(new Rate(2, 1))).isZero();
        assertThatThrownBy(() -> Rate.ONE.compareTo(null)).isInstanceOf(CartException.class);
    }

    @Test
    void equals_otherValueOrType_notEqual() {
        assertThat(Rate.parse("0.19")).isNotEqualTo(Rate.parse("0.07"));
        assertThat(Rate.parse("0.19").equals("0.19")).isFalse();
        assertThat(Rate.parse("0.19").equals(null)).isFalse();
    }

    @Test
    void hashCode_distinctRates_spreadOverManyHashes() {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            hashes.add(new Rate(i, 2).hashCode());
        }
        assertThat(hashes).hasSizeGreaterThan(40);
    }

    @Test
    void toString_plainDecimal() {
        assertThat(Rate.parse("0.19").toString()).isEqualTo("0.19");
        assertThat(Rate.parse("1e2").toString()).isEqualTo("100");
        assertThat(new Rate(190, 3).toString()).isEqualTo("0.190");
    }
}
