package dev.cartflow.service.http;

import dev.cartflow.service.Replays;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.service.auth.ActorResolver;
import dev.cartflow.service.auth.Credentials;
import dev.cartflow.service.auth.Unauthenticated;
import dev.cartflow.service.openapi.ApiContract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The cart's hand-offs: merging a guest cart at sign-in and checking out. */
@Tag(name = "Hand-offs", description = "Merging a guest cart at sign-in and checking out")
@RestController
class CartHandOff {
    private final CartEngine engine;
    private final ActorResolver actors;
    private final CartViews views;
    private final Replays<ResponseEntity<CartJson>> merges = new Replays<>();

    CartHandOff(CartEngine engine, ActorResolver actors, CartViews views) {
        this.engine = engine;
        this.actors = actors;
        this.views = views;
    }

    @Operation(summary = "Merge a guest cart into the customer's", description = "Needs the guest cart's Cart-Token and the signed-in customer's bearer token; answers the customer's cart with the merge report.")
    @ApiContract(access = ApiContract.Access.GUEST_AND_CUSTOMER, problems = {400, 401, 403, 409, 422, 429, 500, 503})
    @PostMapping("/carts/{id}/merge")
    ResponseEntity<CartJson> merge(@PathVariable String id, @RequestBody(required = false) Bodies.MergeBody body,
                                   HttpServletRequest request) {
        MergeRequest merge = request(id, body, request);
        CustomerId customer = merge.customerId();
        return merges.once("customer " + customer.value(), Requests.mutation(request).idempotencyKey(),
                "merge " + id + " " + merge.policy(), () -> {
            Actor actor = Actor.customer(customer);
            MergeResult result = engine.merge(actor, merge);
            return CartChanges.answer(views.merge(result, engine.price(actor, result.cart().id())));
        });
    }

    @Operation(summary = "Preview a merge", description = "What a merge would do, changing nothing.")
    @ApiContract(access = ApiContract.Access.GUEST_AND_CUSTOMER, problems = {400, 401, 403, 409, 429, 500, 503})
    @PostMapping("/carts/{id}/merge-preview")
    ResponseEntity<CartJson> preview(@PathVariable String id, @RequestBody(required = false) Bodies.MergeBody body,
                                     HttpServletRequest request) {
        MergeRequest merge = request(id, body, request);
        Actor actor = Actor.customer(merge.customerId());
        MergeResult result = engine.previewMerge(actor, merge);
        // nothing is stored by a preview: the answer is the cart the merge would go into as it stands
        // (the customer's active cart, or the guest cart when there is none) with the report
        CartId into = engine.activeCart(actor, merge.customerId()).map(c -> c.id()).orElse(merge.guestCartId());
        Actor reader = into.equals(merge.guestCartId()) ? Actor.guest(merge.guestToken()) : actor;
        return CartChanges.answer(views.merge(result, engine.price(reader, into)));
    }

    @Operation(summary = "Check out", description = "Reserves the stock and hands the cart to the order system; the answer carries the hand-off.")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @PostMapping("/carts/{id}/checkout")
    ResponseEntity<CartJson> checkout(@PathVariable String id, HttpServletRequest request) {
        CartId cartId = Requests.cartId(id);
        Actor actor = actors.actor(Requests.credentials(request));
        CheckoutResult result = engine.checkout(actor, cartId, Requests.mutation(request));
        return CartChanges.answer(views.checkout(result));
    }

    private MergeRequest request(String id, Bodies.@Nullable MergeBody body, HttpServletRequest request) {
        CartId guestCart = Requests.cartId(id);
        Credentials credentials = Requests.credentials(request);
        CustomerId customer = actors.customer(credentials)
                .orElseThrow(() -> new Unauthenticated("a merge needs the signed-in customer's bearer token"));
        if (credentials.cartToken() == null) {
            throw new Unauthenticated("a merge needs the guest cart's Cart-Token");
        }
        return new MergeRequest(guestCart, credentials.cartToken(), customer, policy(body));
    }

    private static MergePolicy policy(Bodies.@Nullable MergeBody body) {
        if (body == null || body.policy() == null) {
            return MergePolicy.SUM;
        }
        try {
            return MergePolicy.valueOf(body.policy().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CartException.invalidInput("policy must be SUM, MAX or GUEST_WINS");
        }
    }
}
