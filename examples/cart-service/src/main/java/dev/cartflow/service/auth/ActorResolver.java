package dev.cartflow.service.auth;

import dev.cartflow.model.Actor;
import dev.cartflow.model.CustomerId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps a request's credentials to the engine's actor, the same way for HTTP and gRPC: an API key
 * is a trusted service, a bearer token a customer or support agent (through the
 * {@link BearerTokenVerifier}), a share token a shared cart's participant, a cart token a guest.
 * When a request carries several, the strongest claim decides in that order, and a credential that
 * does not verify is refused rather than skipped, so a bad token never falls back to a weaker one.
 */
public final class ActorResolver {
    private final BearerTokenVerifier verifier;
    private final Map<String, byte[]> apiKeyDigests = new LinkedHashMap<>();

    /**
     * A resolver.
     *
     * @param verifier checks bearer tokens
     * @param apiKeys  the services' API keys by service name
     */
    public ActorResolver(BearerTokenVerifier verifier, Map<String, String> apiKeys) {
        this.verifier = verifier;
        apiKeys.forEach((name, key) -> apiKeyDigests.put(name, digest(key)));
    }

    /**
     * The actor for a call on an existing cart.
     *
     * @param credentials what the request carries
     * @return the actor
     * @throws Unauthenticated when there is none or one does not verify
     */
    public Actor actor(Credentials credentials) {
        if (credentials.apiKey() != null) {
            return Actor.service(service(credentials.apiKey()));
        }
        if (credentials.bearer() != null) {
            return actorOf(principal(credentials.bearer()));
        }
        if (credentials.shareToken() != null) {
            return Actor.participant(credentials.shareToken());
        }
        if (credentials.cartToken() != null) {
            return Actor.guest(credentials.cartToken());
        }
        throw new Unauthenticated("this call needs a Cart-Token, a bearer token or an API key");
    }

    /**
     * The signed-in customer, for the calls that need one (a customer cart, a merge at sign-in).
     *
     * @param credentials what the request carries
     * @return the customer, or empty when the request has no bearer token
     * @throws Unauthenticated when the bearer token does not verify
     */
    public Optional<CustomerId> customer(Credentials credentials) {
        if (credentials.bearer() == null) {
            return Optional.empty();
        }
        Principal principal = principal(credentials.bearer());
        return principal instanceof Principal.Customer customer
                ? Optional.of(new CustomerId(customer.customerId())) : Optional.empty();
    }

    private Principal principal(String bearer) {
        return verifier.verify(bearer).orElseThrow(() -> new Unauthenticated("the bearer token does not verify"));
    }

    private static Actor actorOf(Principal principal) {
        if (principal instanceof Principal.Customer customer) {
            return Actor.customer(new CustomerId(customer.customerId()));
        }
        Principal.Staff staff = (Principal.Staff) principal;
        return staff.readOnly() ? Actor.supportReadOnly(staff.staffId(), staff.reason())
                : Actor.support(staff.staffId(), staff.reason());
    }

    private String service(String apiKey) {
        byte[] presented = digest(apiKey);
        String found = null;
        for (Map.Entry<String, byte[]> entry : apiKeyDigests.entrySet()) {
            // compare every entry in constant time so the answer's timing does not reveal a prefix
            if (MessageDigest.isEqual(entry.getValue(), presented)) {
                found = entry.getKey();
            }
        }
        if (found == null) {
            throw new Unauthenticated("the API key is not known");
        }
        return found;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
