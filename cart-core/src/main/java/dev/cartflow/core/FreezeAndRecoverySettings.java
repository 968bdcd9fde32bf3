package dev.cartflow.core;

import dev.cartflow.error.CartException;
import java.time.Duration;

/**
 * How long recovery links live and how long a cart may be frozen before payment
 * ({@code CartEngineBuilder.freezeAndRecovery(..)}). Immutable.
 *
 * @param recoveryTtl   how long a recovery token can be redeemed after it was issued
 * @param defaultFreeze how long {@link CartEngine#freeze} freezes a cart when the caller names no time
 * @param maxFreeze     the longest freeze a caller may ask for
 */
public record FreezeAndRecoverySettings(Duration recoveryTtl, Duration defaultFreeze, Duration maxFreeze) {
    /** Recovery links live 7 days; a freeze lasts 15 minutes by default and at most 2 hours. */
    public static final FreezeAndRecoverySettings DEFAULT = new FreezeAndRecoverySettings(Duration.ofDays(7),
            Duration.ofMinutes(15), Duration.ofHours(2));

    /**
     * Validates: every duration positive, the default freeze not longer than the maximum.
     *
     * @param recoveryTtl   positive
     * @param defaultFreeze positive, at most {@code maxFreeze}
     * @param maxFreeze     positive
     * @throws CartException {@code INVALID_INPUT} when a duration is null or not positive, or the default is longer
     *                       than the maximum
     */
    public FreezeAndRecoverySettings {
        positive(recoveryTtl, "recovery ttl");
        positive(defaultFreeze, "default freeze");
        positive(maxFreeze, "max freeze");
        if (defaultFreeze.compareTo(maxFreeze) > 0) {
            throw CartException.invalidInput("the default freeze must not be longer than the maximum");
        }
    }

    private static void positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw CartException.invalidInput(name + " must be positive");
        }
    }
}
