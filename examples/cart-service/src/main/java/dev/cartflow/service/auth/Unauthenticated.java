package dev.cartflow.service.auth;

/**
 * A request without the credentials its call needs, or with credentials that do not verify: HTTP
 * {@code 401}, gRPC {@code UNAUTHENTICATED}. The message names what is missing, never a token.
 */
public final class Unauthenticated extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A refusal.
     *
     * @param message what is missing or did not verify
     */
    public Unauthenticated(String message) {
        super(message, null, false, false);
    }
}
