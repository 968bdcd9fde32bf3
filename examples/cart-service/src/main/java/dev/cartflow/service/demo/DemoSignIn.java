package dev.cartflow.service.demo;

import dev.cartflow.service.openapi.ApiContract;
import io.swagger.v3.oas.annotations.Operation;
import com.nimbusds.jwt.SignedJWT;
import dev.cartflow.error.CartException;
import dev.cartflow.service.CartServiceProperties;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import io.swagger.v3.oas.annotations.media.Schema;
import java.text.ParseException;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /demo/sign-in}: signs a shopper in by name alone, for the storefront page's demo, by
 * minting a customer token as {@code mint-token} would. There is no password: it exists only where
 * {@code cartservice.demo.sign-in-enabled} is true (the default profile), never in a real shop.
 */
@RestController
@ConditionalOnBooleanProperty("cartservice.demo.sign-in-enabled")
class DemoSignIn {
    /** A demo customer id: a short handle, never an e-mail address or other personal data. */
    private static final Pattern CUSTOMER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private final HmacTokenVerifier tokens;
    private final CartServiceProperties properties;

    DemoSignIn(HmacTokenVerifier tokens, CartServiceProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    /**
     * The sign-in request.
     *
     * @param customerId who signs in
     */
    @Schema(name = "DemoSignIn", example = "{\"customerId\": \"alice\"}")
    record SignInBody(@Nullable String customerId) {
    }

    /**
     * A signed-in shopper's token.
     *
     * @param token      the bearer token for {@code Authorization: Bearer}
     * @param customerId who it speaks for
     * @param expiresAt  when it stops being accepted
     */
    @Schema(name = "DemoSignedIn", example = "{\"token\": \"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln\", \"customerId\": \"alice\", \"expiresAt\": \"2026-12-02T00:00:00Z\"}")
    record SignedIn(String token, String customerId, Instant expiresAt) {
    }

    @Operation(summary = "Sign in as a demo customer")
    @ApiContract(access = ApiContract.Access.PUBLIC, problems = {400})
    @PostMapping(path = "/demo/sign-in", consumes = "application/json", produces = "application/json")
    SignedIn signIn(@RequestBody SignInBody body) {
        String customerId = body.customerId();
        if (customerId == null || !CUSTOMER_ID.matcher(customerId).matches()) {
            // the message does not echo the id: it may be whatever the caller typed
            throw CartException.invalidInput(
                    "customerId must be 1 to 40 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        String token = tokens.mint(new Principal.Customer(customerId), properties.getAuth().getTokenLifetime());
        return new SignedIn(token, customerId, expiry(token));
    }

    private static Instant expiry(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
        } catch (ParseException e) {
            throw new IllegalStateException("a token just minted does not parse", e);
        }
    }
}
