package dev.cartflow.core.internal.pricing;

import dev.cartflow.error.CartException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact integer arithmetic for pricing. Products of two amounts may need up to 126 bits, so they are
 * kept as a 128-bit (high, low) pair and divided without {@code BigInteger}: the per-line loop must
 * not allocate. Every operand is non-negative. A quotient that does not fit a {@code long} throws
 * {@link ArithmeticException}; callers only ask for quotients that fit (a share of an amount), or
 * catch it where a figure of the cart may not fit ({@link #addAmounts}, the tax step).
 */
final class Arith {
    private Arith() {
    }

    /** {@code floor(a * b / c)} for {@code a, b >= 0} and {@code c > 0}. */
    static long mulDivFloor(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new ArithmeticException("negative operand");
        }
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && lo >= 0) {
            return lo / c;
        }
        if (Long.compareUnsigned(hi, c) >= 0) {
            throw new ArithmeticException("quotient overflow");
        }
        // Schoolbook division one bit at a time: only reached when a*b exceeds 63 bits, which real
        // carts never do, so simplicity beats speed here. rem < c < 2^63 keeps rem << 1 in 64 bits.
        long rem = hi;
        long q = 0;
        for (int i = 63; i >= 0; i--) {
            rem = (rem << 1) | ((lo >>> i) & 1L);
            q <<= 1;
            if (Long.compareUnsigned(rem, c) >= 0) {
                rem -= c;
                q |= 1L;
            }
        }
        if (q < 0) {
            throw new ArithmeticException("quotient overflow");
        }
        return q;
    }

    /**
     * The remainder of {@code a * b / c} given its floor {@code q}. The true remainder is below
     * {@code c < 2^63}, so wrapping 64-bit arithmetic yields it exactly.
     */
    static long remainder(long a, long b, long c, long q) {
        return a * b - q * c;
    }

    /** {@code a * b / c} rounded to an integer with {@code mode} (HALF_EVEN, HALF_UP or HALF_DOWN). */
    static long mulDivRound(long a, long b, long c, RoundingMode mode) {
        long q = mulDivFloor(a, b, c);
        long r = remainder(a, b, c, q);
        return roundUp(q, r, c, mode) ? Math.addExact(q, 1) : q;
    }

    /** Whether {@code q + r/c} (with {@code 0 <= r < c}) rounds up. */
    static boolean roundUp(long q, long r, long c, RoundingMode mode) {
        if (r == 0) {
            return false;
        }
        long other = c - r; // compare r with c/2 without overflowing 2r
        if (r > other) {
            return true;
        }
        if (r < other) {
            return false;
        }
        switch (mode) {
            case HALF_UP:
                return true;
            case HALF_DOWN:
                return false;
            case HALF_EVEN:
                return (q & 1L) != 0;
            default:
                throw new ArithmeticException("unsupported rounding " + mode);
        }
    }

    /** Compares {@code a * b} with {@code c * d}, all non-negative, exactly. */
    static int compareProducts(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, b);
        long hi2 = Math.multiplyHigh(c, d);
        if (hi1 != hi2) {
            return Long.compare(hi1, hi2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    /**
     * {@code round(a * k * num / (q * den))} for non-negative operands with {@code q, den > 0}: a
     * fraction {@code num / den} of {@code k} of {@code q} equal parts of {@code a}. Exact with
     * 128-bit arithmetic while {@code a * k} and {@code q * den} fit a {@code long} (every real
     * cart); beyond, exact with {@code BigInteger}, so a huge line never makes pricing fail.
     */
    static long mulDivRound(long a, long k, long num, long q, long den, RoundingMode mode) {
        long ak = a * k;
        long qd = q * den;
        if (Math.multiplyHigh(a, k) == 0 && ak >= 0 && Math.multiplyHigh(q, den) == 0 && qd > 0) {
            return mulDivRound(ak, num, qd, mode);
        }
        BigInteger numerator = BigInteger.valueOf(a).multiply(BigInteger.valueOf(k)).multiply(BigInteger.valueOf(num));
        BigInteger denominator = BigInteger.valueOf(q).multiply(BigInteger.valueOf(den));
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 0, mode).longValueExact();
    }

    /** {@code a * b} for {@code a, b >= 0}, or {@code Long.MAX_VALUE} when it does not fit. */
    static long saturatedMultiply(long a, long b) {
        long product = a * b;
        return Math.multiplyHigh(a, b) != 0 || product < 0 ? Long.MAX_VALUE : product;
    }

    /** {@code a + b} for {@code a, b >= 0}, or {@code Long.MAX_VALUE} when it does not fit. */
    static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /**
     * {@code a + b} for figures of the cart (line amounts, tax, totals), which must fit a
     * {@code long}: one that does not is reported as {@code INVALID_INPUT}, as the engine refuses
     * such amounts where they enter.
     */
    static long addAmounts(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            throw amountOverflow();
        }
        return sum;
    }

    /** {@code a * b} for figures of the cart; see {@link #addAmounts}. */
    static long multiplyAmounts(long a, long b) {
        long product = a * b;
        if (Math.multiplyHigh(a, b) != (product >> 63)) {
            throw amountOverflow();
        }
        return product;
    }

    static CartException amountOverflow() {
        return CartException.invalidInput("the cart's amounts do not fit the representable range");
    }

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /**
     * {@code 10^n} for {@code 0 <= n <= 18}; a table because the tax loop asks for it per line (and
     * {@code Rate#denominator()} computes it in a loop).
     */
    static long pow10(int n) {
        return POW10[n];
    }
}
