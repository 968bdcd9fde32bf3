package dev.cartflow.core.internal.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The saturating and checked operations pricing uses where a figure may not fit a long. */
class ArithBoundsTest {
    private static final long MAX = Long.MAX_VALUE;

    @Test
    void saturatedMultiply_fitsOrNot_productOrMax() {
        assertThat(Arith.saturatedMultiply(3, 7)).isEqualTo(21);
        assertThat(Arith.saturatedMultiply(0, MAX)).isZero();
        assertThat(Arith.saturatedMultiply(MAX, 1)).isEqualTo(MAX);
        assertThat(Arith.saturatedMultiply(MAX / 2, 2)).isEqualTo(MAX - 1);
        assertThat(Arith.saturatedMultiply(MAX / 2 + 1, 2)).isEqualTo(MAX); // 2^63: low word negative
        assertThat(Arith.saturatedMultiply(1L << 32, 1L << 32)).isEqualTo(MAX); // high word set
    }

    @Test
    void saturatedAdd_fitsOrNot_sumOrMax() {
        assertThat(Arith.saturatedAdd(2, 3)).isEqualTo(5);
        assertThat(Arith.saturatedAdd(MAX - 1, 1)).isEqualTo(MAX);
        assertThat(Arith.saturatedAdd(MAX, 1)).isEqualTo(MAX);
        assertThat(Arith.saturatedAdd(MAX, MAX)).isEqualTo(MAX);
    }

    @Test
    void addAmounts_fitsOrNot_sumOrInvalidInput() {
        assertThat(Arith.addAmounts(MAX - 1, 1)).isEqualTo(MAX);
        assertThat(Arith.addAmounts(-5, 3)).isEqualTo(-2);
        assertInvalidInput(() -> Arith.addAmounts(MAX, 1));
        assertInvalidInput(() -> Arith.addAmounts(Long.MIN_VALUE, -1));
    }

    @Test
    void multiplyAmounts_fitsOrNot_productOrInvalidInput() {
        assertThat(Arith.multiplyAmounts(MAX / 3, 3)).isEqualTo(MAX / 3 * 3);
        assertThat(Arith.multiplyAmounts(-4, 5)).isEqualTo(-20);
        assertInvalidInput(() -> Arith.multiplyAmounts(MAX / 2 + 1, 2));
        assertInvalidInput(() -> Arith.multiplyAmounts(1L << 32, 1L << 32));
    }

    @Test
    void mulDivRoundOfShare_randomOperandsBeyond64Bits_matchesBigDecimal() {
        long seed = 20261201L;
        SplittableRandom random = new SplittableRandom(seed);
        RoundingMode[] modes = {RoundingMode.HALF_EVEN, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN};
        for (int i = 0; i < 20_000; i++) {
            long q = 1 + (random.nextBoolean() ? random.nextLong(1, 20) : random.nextLong(1, Integer.MAX_VALUE));
            long k = random.nextLong(0, q + 1);
            long a = random.nextBoolean() ? random.nextLong(0, 1_000_000) : random.nextLong(0, MAX);
            long den = Arith.pow10(random.nextInt(13));
            long num = random.nextLong(0, den + 1);
            RoundingMode mode = modes[random.nextInt(3)];
            long expected = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(k))
                    .multiply(BigInteger.valueOf(num)))
                    .divide(new BigDecimal(BigInteger.valueOf(q).multiply(BigInteger.valueOf(den))), 0, mode)
                    .longValueExact();
            assertThat(Arith.mulDivRound(a, k, num, q, den, mode))
                    .as("seed " + seed + " case " + i + ": " + a + "*" + k + "*" + num + "/(" + q + "*" + den + ")")
                    .isEqualTo(expected);
        }
    }

    @Test
    void mulDivFloor_negativeOperandOrZeroDivisor_arithmeticException() {
        assertThatThrownBy(() -> Arith.mulDivFloor(-1, 1, 1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Arith.mulDivFloor(1, -1, 1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Arith.mulDivFloor(1, 1, 0)).isInstanceOf(ArithmeticException.class);
        assertThat(Arith.mulDivFloor(0, 0, 1)).isZero();
    }

    @Test
    void pow10_everyExponent_powerOfTen() {
        long expected = 1;
        for (int n = 0; n <= 18; n++) {
            assertThat(Arith.pow10(n)).isEqualTo(expected);
            expected *= 10;
        }
    }

    private static void assertInvalidInput(Runnable r) {
        assertThatThrownBy(r::run).isInstanceOf(CartException.class)
                .extracting(e -> ((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
    }
}
