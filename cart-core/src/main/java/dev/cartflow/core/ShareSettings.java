package dev.cartflow.core;

import dev.cartflow.error.CartException;
import java.time.Duration;

/**
 * The bounds of shared carts ({@link CartEngine#invite}): how many live participants one cart may
 * have ({@code CART_LIMIT} beyond; expired invitations do not count), and the longest time an
 * invitation may live.
 *
 * @param maxParticipants live participants per cart, 0 to 1000 (0 turns sharing off)
 * @param maxTtl          the longest time to live of an invitation, positive and at most ten years
 */
public record ShareSettings(int maxParticipants, Duration maxTtl) {
    /** Ten participants per cart, invitations of at most 30 days. */
    public static final ShareSettings DEFAULT = new ShareSettings(10, Duration.ofDays(30));

    /**
     * Validates.
     *
     * @throws CartException {@code INVALID_INPUT} when a bound is out of range
     * @param maxParticipants 0 to 1000
     * @param maxTtl          positive, at most 3650 days
     */
    public ShareSettings {
        if (maxParticipants < 0 || maxParticipants > 1000) {
            throw CartException.invalidInput("max participants must be between 0 and 1000");
        }
        if (maxTtl == null || maxTtl.isNegative() || maxTtl.isZero() || maxTtl.compareTo(Duration.ofDays(3650)) > 0) {
            throw CartException.invalidInput("the longest invitation time to live must be positive and at most ten years");
        }
    }
}
