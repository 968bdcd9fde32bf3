package dev.cartflow.service.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The example's bearer tokens: JWTs signed with HMAC-SHA256 under one key from configuration
 * ({@code cartservice.auth.hmac-key}), carrying the subject, a {@code role} claim
 * ({@code customer}, {@code support} or {@code support-readonly}), a {@code reason} for support
 * staff, the issuer and an expiry. Good for a demo and for services behind one gateway; a shop with
 * an identity provider plugs in a verifier of its own instead.
 */
public final class HmacTokenVerifier implements BearerTokenVerifier {
    /** The issuer this service writes into and expects from its tokens. */
    public static final String ISSUER = "cartflow-cart-service";
    /** The shortest key HMAC-SHA256 accepts, in bytes. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ROLE = "role";
    private static final String REASON = "reason";

    private final byte[] key;
    private final Clock clock;

    /**
     * A verifier (and minter) under one key.
     *
     * @param key   at least {@value #MIN_KEY_BYTES} bytes of secret
     * @param clock the clock expiry is checked against
     */
    public HmacTokenVerifier(byte[] key, Clock clock) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the token key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
        this.clock = clock;
    }

    @Override
    public Optional<Principal> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || expiry == null || !expiry.toInstant().isAfter(clock.instant())
                    || claims.getSubject() == null || claims.getSubject().isBlank()) {
                return Optional.empty();
            }
            return principal(claims);
        } catch (ParseException | JOSEException | RuntimeException malformed) {
            // a token is the caller's input: whatever is wrong with it, it does not verify
            return Optional.empty();
        }
    }

    /**
     * Signs a token for a principal, as the {@code mint-token} command and the demo sign-in do.
     *
     * @param principal whom the token speaks for
     * @param lifetime  how long it is valid
     * @return the compact JWT
     */
    public String mint(Principal principal, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)));
        if (principal instanceof Principal.Customer customer) {
            claims.subject(customer.customerId()).claim(ROLE, "customer");
        } else if (principal instanceof Principal.Staff staff) {
            claims.subject(staff.staffId()).claim(ROLE, staff.readOnly() ? "support-readonly" : "support")
                    .claim(REASON, staff.reason());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with the configured key", e);
        }
        return jwt.serialize();
    }

    private static Optional<Principal> principal(JWTClaimsSet claims) throws ParseException {
        String subject = claims.getSubject();
        String role = claims.getStringClaim(ROLE);
        if ("customer".equals(role)) {
            return Optional.of(new Principal.Customer(subject));
        }
        String reason = claims.getStringClaim(REASON);
        if (reason == null || reason.isBlank()) {
            return Optional.empty();
        }
        if ("support".equals(role)) {
            return Optional.of(new Principal.Staff(subject, reason, false));
        }
        if ("support-readonly".equals(role)) {
            return Optional.of(new Principal.Staff(subject, reason, true));
        }
        return Optional.empty();
    }
}
