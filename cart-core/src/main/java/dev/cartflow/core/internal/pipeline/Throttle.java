package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.NewCart;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.internal.support.Pseudonyms;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.ratelimit.LimiterOutage;
import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.spi.RateLimit;
import dev.cartflow.spi.RateLimiter;
import java.util.Locale;
import java.util.Optional;

/**
 * The rate limits of the entry stage: called once per operation, after its input is checked and
 * before anything is read, so that {@code INVALID_INPUT} comes before {@code RATE_LIMITED}, which
 * comes before {@code CART_NOT_FOUND} and {@code ACCESS_DENIED}. A refused call fails with
 * {@code RATE_LIMITED} and the limiter's wait, before it could change anything.
 *
 * <p>Bucket names never hold personal data in clear: {@code cartflow:<operation>:actor:<pseudonym>}
 * and {@code cartflow:<operation>:cart:<cart id>}. The actor limit is taken first, so calls refused
 * by the cart limit still count against the actor (a guesser spreading over carts is still slowed).
 */
public final class Throttle {
    private final RateLimits limits;
    private final RateLimiter limiter;
    private final Pseudonyms pseudonyms;
    private final CartObserver observer;

    /** The limits of this engine. */
    public Throttle(EngineConfig config) {
        this.limits = config.rateLimits();
        this.limiter = config.rateLimiter();
        this.pseudonyms = config.pseudonyms();
        this.observer = config.observer();
    }

    /**
     * Admits an operation that acts on no cart (creating a customer cart, finding the active cart).
     *
     * @param operation the operation
     * @param actor     who asks (required)
     */
    public void admit(CartOperation operation, Actor actor) {
        Failures.required(actor, "actor");
        if (limits.isEmpty()) {
            return;
        }
        Optional<RateLimit> perActor = limits.perActor(operation);
        if (perActor.isPresent()) {
            take(operation, "actor", actorKey(actor), perActor.get());
        }
    }

    /**
     * Admits an operation on a cart.
     *
     * @param operation the operation
     * @param actor     who asks (required)
     * @param cart      the cart it acts on (required)
     */
    public void admit(CartOperation operation, Actor actor, CartId cart) {
        Failures.required(actor, "actor");
        Failures.required(cart, "cart id");
        if (limits.isEmpty()) {
            return;
        }
        admit(operation, actor);
        Optional<RateLimit> perCart = limits.perCart(operation);
        if (perCart.isPresent()) {
            take(operation, "cart", cart.value().toString(), perCart.get());
        }
    }

    /**
     * Admits the creation of a guest cart: limited per client key, when the spec names one.
     *
     * @param spec the new cart (required)
     */
    public void admitGuestCart(NewCart spec) {
        Failures.required(spec, "cart spec");
        Optional<RateLimit> perClient = limits.perActor(CartOperation.CREATE_GUEST_CART);
        if (perClient.isPresent() && spec.clientKey() != null) {
            take(CartOperation.CREATE_GUEST_CART, "actor", pseudonyms.of("client", spec.clientKey()), perClient.get());
        }
    }

    /**
     * Admits a merge or its preview, counted on the guest cart; the request's own input is checked
     * first, as the merge would check it, so that a bad request is {@code INVALID_INPUT} even when limited.
     *
     * @param operation {@code MERGE} or {@code PREVIEW_MERGE}
     * @param actor     who asks (required)
     * @param request   the merge (required)
     */
    public void admitMerge(CartOperation operation, Actor actor, MergeRequest request) {
        Failures.required(actor, "actor");
        Failures.required(request, "merge request");
        if (request.guestCartId().equals(request.targetCartId())) {
            throw CartException.invalidInput("a cart cannot be merged into itself");
        }
        admit(operation, actor, request.guestCartId());
    }

    private String actorKey(Actor actor) {
        if (actor instanceof Actor.Guest guest) {
            // A vouched identity follows the guest across carts; a token alone is one cart's.
            return guest.identity() != null ? pseudonyms.of("guest", guest.identity())
                    : pseudonyms.of("guest-token", guest.token());
        } else if (actor instanceof Actor.Customer customer) {
            return pseudonyms.of("customer", customer.customerId().value());
        } else if (actor instanceof Actor.Support support) {
            return pseudonyms.of("staff", support.staffId());
        } else if (actor instanceof Actor.Service service) {
            return pseudonyms.of("service", service.name());
        } else if (actor instanceof Actor.Participant participant) {
            return pseudonyms.of(Audit.PARTICIPANT_TOKEN_KIND, participant.shareToken());
        }
        throw CartException.internal("unknown kind of actor", null);
    }

    private void take(CartOperation operation, String scope, String subject, RateLimit limit) {
        String bucket = "cartflow:" + operation.name().toLowerCase(Locale.ROOT) + ":" + scope + ":" + subject;
        RateLimiter.Answer answer;
        try {
            answer = Failures.provider("rate limiter", () -> limiter.tryTake(bucket, limit, 1));
        } catch (CartException e) {
            if (e.code() == CartErrorCode.PROVIDER_UNAVAILABLE && limits.onLimiterOutage() == LimiterOutage.ALLOW) {
                swallowed(e);
                return;
            }
            // The engine's bucket names and limits are valid, so a refused argument is not the caller's fault.
            throw e.code() == CartErrorCode.INVALID_INPUT ? CartException.internal("rate limiter refused its arguments", e) : e;
        }
        if (!answer.allowed()) {
            throw CartException.rateLimited(answer.retryAfter(), operation + " is limited per " + scope);
        }
    }

    private void swallowed(CartException failure) {
        try {
            observer.failureSwallowed("rate limiter", failure);
        } catch (RuntimeException ignored) {
            // An observer must not change an operation's outcome.
        }
    }

    /**
     * Admits an operation of a bearer without an actor (a recovery token's redeem), counted on the
     * cart only.
     *
     * @param operation the operation
     * @param cart      the cart it acts on (required)
     */
    public void admitCart(CartOperation operation, CartId cart) {
        Failures.required(cart, "cart id");
        Optional<RateLimit> perCart = limits.perCart(operation);
        if (perCart.isPresent()) {
            take(operation, "cart", cart.value().toString(), perCart.get());
        }
    }
}
