package dev.cartflow.core.internal.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArithTest {

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 4L, 5L})
    void mulDivRound_randomOperands_matchesBigDecimal(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RoundingMode[] modes = {RoundingMode.HALF_EVEN, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN};
        for (int i = 0; i < 20_000; i++) {
            long a = pick(random);
            long b = pick(random);
            long c = Math.max(1, pick(random));
            RoundingMode mode = modes[random.nextInt(3)];
            BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                    .divide(BigDecimal.valueOf(c), 0, mode);
            String msg = "seed " + seed + " case " + i + ": " + a + "*" + b + "/" + c + " " + mode;
            if (exact.toBigIntegerExact().bitLength() < 64) {
                assertThat(Arith.mulDivRound(a, b, c, mode)).as(msg).isEqualTo(exact.longValueExact());
            } else {
                assertThatThrownBy(() -> Arith.mulDivRound(a, b, c, mode)).as(msg)
                        .isInstanceOf(ArithmeticException.class);
            }
        }
    }

    private static long pick(SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0:
                return r.nextLong(0, 1000);
            case 1:
                return r.nextLong(0, 1L << 32);
            case 2:
                return r.nextLong(0, Long.MAX_VALUE);
            default:
                return Long.MAX_VALUE - r.nextLong(0, 3);
        }
    }

    @Test
    void mulDivRound_exactHalf_followsMode() {
        assertThat(Arith.mulDivRound(5, 1, 2, RoundingMode.HALF_EVEN)).isEqualTo(2);
        assertThat(Arith.mulDivRound(7, 1, 2, RoundingMode.HALF_EVEN)).isEqualTo(4);
        assertThat(Arith.mulDivRound(5, 1, 2, RoundingMode.HALF_UP)).isEqualTo(3);
        assertThat(Arith.mulDivRound(5, 1, 2, RoundingMode.HALF_DOWN)).isEqualTo(2);
    }

    @Test
    void compareProducts_beyond64Bits_exact() {
        long big = Long.MAX_VALUE;
        assertThat(Arith.compareProducts(big, 3, big - 1, 3)).isPositive();
        assertThat(Arith.compareProducts(big, 2, 2, big)).isZero();
        assertThat(Arith.compareProducts(1L << 40, 1L << 40, (1L << 40) + 1, 1L << 40)).isNegative();
    }
}
