package dev.cartflow.service.auth;

import java.util.Optional;

/**
 * Checks a bearer token and says whom it speaks for: the service's pluggable verifier. The example
 * ships {@link HmacTokenVerifier}; a shop replaces it with a bean of its own (an OpenID Connect
 * verifier, say). An implementation never throws for a bad token: it answers empty, which the
 * service reports as {@code 401}.
 */
@FunctionalInterface
public interface BearerTokenVerifier {

    /**
     * Verifies a token.
     *
     * @param token the token as sent, without the {@code Bearer } prefix
     * @return the principal, or empty when the token is malformed, forged or expired
     */
    Optional<Principal> verify(String token);
}
