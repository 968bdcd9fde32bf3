package dev.cartflow.core.internal.recovery;

import dev.cartflow.core.RecoveryLink;
import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Checks;
import dev.cartflow.model.RecoveryToken;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Recovery tokens: {@code <cart id>.<secret>}, the secret 256 random bits in URL-safe Base64. The
 * cart id lets a redeem find the cart without an index; only the SHA-256 of the secret is stored,
 * and it is compared in constant time.
 */
public final class RecoveryTokens {
    /** The longest token accepted as input: a cart id, a dot and a secret, with room to spare. */
    public static final int MAX_LENGTH = 128;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = 43;
    private static final int CART_ID_LENGTH = 36;

    private final SecureRandom random;

    /** Tokens drawn from {@code random}. */
    public RecoveryTokens(SecureRandom random) {
        this.random = random;
    }

    /**
     * A token issued now: the link for the host, and what the cart stores.
     *
     * @param link   the token, handed out once
     * @param stored the hash and times the cart keeps
     */
    public record Issued(RecoveryLink link, RecoveryToken stored) {
    }

    /**
     * A token the bearer presented, split into its parts.
     *
     * @param cartId the cart it names
     * @param secret its secret part
     */
    public record Presented(CartId cartId, String secret) {
        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Presented[cartId=" + cartId + ", secret=***]";
        }
    }

    /** A new token for a cart, redeemable for {@code ttl} from {@code now}. */
    public Issued issue(CartId cartId, Instant now, Duration ttl) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(ttl);
        return new Issued(new RecoveryLink(cartId, cartId + "." + secret, expiresAt),
                new RecoveryToken(GuestTokens.hash(secret), now, expiresAt));
    }

    /**
     * Checks the shape of a presented token and splits it.
     *
     * @param token what the bearer sent
     * @return its parts, or empty when it cannot be a recovery token (a wrong token, not bad input)
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when it is null, blank, too long
     *                                          or holds control characters (the message never echoes it)
     */
    public static Optional<Presented> parse(String token) {
        Checks.text(token, "recovery token", MAX_LENGTH);
        int dot = token.indexOf('.');
        if (dot != CART_ID_LENGTH || token.length() != CART_ID_LENGTH + 1 + SECRET_LENGTH) {
            return Optional.empty();
        }
        String secret = token.substring(dot + 1);
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return Optional.empty();
            }
        }
        String id = token.substring(0, dot);
        try {
            CartId cartId = new CartId(UUID.fromString(id));
            // Only the canonical form: a lenient parse must not let two spellings name one cart.
            return cartId.toString().equals(id) ? Optional.of(new Presented(cartId, secret)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the cart holds a live recovery token with this secret at {@code now}.
     *
     * @param cart   the cart as stored
     * @param secret the presented secret
     * @param now    the attempt's instant
     * @return true when the token may be redeemed
     */
    public static boolean redeemable(Cart cart, String secret, Instant now) {
        RecoveryToken stored = cart.recovery();
        return stored != null && now.isBefore(stored.expiresAt()) && GuestTokens.matches(secret, stored.tokenHash());
    }

    /** Whether the cart holds a recovery token that can still be redeemed at {@code now}. */
    public static boolean live(Cart cart, Instant now) {
        return cart.recovery() != null && now.isBefore(cart.recovery().expiresAt());
    }
}
