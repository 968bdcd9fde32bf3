package dev.cartflow.service.http;

import dev.cartflow.service.Replays;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.service.auth.ActorResolver;
import dev.cartflow.service.auth.Credentials;
import dev.cartflow.service.openapi.ApiContract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Creating and reading carts: the cart, a page of its lines, its events and a customer's cart. */
@Tag(name = "Carts", description = "Creating and reading carts")
@RestController
class CartResource {
    private static final int MAX_PAGE = 500;

    private final CartEngine engine;
    private final ActorResolver actors;
    private final CartViews views;
    private final Replays<ResponseEntity<CartJson>> creations = new Replays<>();

    CartResource(CartEngine engine, ActorResolver actors, CartViews views) {
        this.engine = engine;
        this.actors = actors;
        this.views = views;
    }

    @Operation(summary = "Create a cart", description = "A guest cart without credentials (the answer carries its token, this one time), a customer cart with a customer's bearer token.")
    @ApiContract(access = ApiContract.Access.ANYONE_OR_CUSTOMER, success = 201, problems = {400, 401, 422, 429, 500, 503})
    @PostMapping(path = "/carts", consumes = "application/json")
    ResponseEntity<CartJson> create(@RequestBody Bodies.NewCartBody body, HttpServletRequest request) {
        if (body.currency() == null || body.country() == null) {
            throw CartException.invalidInput("currency and country are required");
        }
        Currency currency = currency(body.currency());
        Credentials credentials = Requests.credentials(request);
        Optional<CustomerId> customer = actors.customer(credentials);
        Mutation mutation = Requests.mutation(request);
        String scope = customer.map(c -> "customer " + c.value()).orElse("guest " + request.getRemoteAddr());
        return creations.once(scope, mutation.idempotencyKey(), "POST /carts " + body, () -> {
                    NewCart spec = new NewCart(currency, body.country(), body.customerGroup(), request.getRemoteAddr(),
                            null);
                    Actor actor;
                    Cart cart;
                    String token = null;
                    if (customer.isPresent()) {
                        actor = Actor.customer(customer.get());
                        cart = engine.createCustomerCart(actor, customer.get(), spec);
                    } else {
                        CreatedCart created = engine.createGuestCart(spec);
                        token = created.token();
                        actor = Actor.guest(token);
                        cart = created.cart();
                    }
                    if (body.metadata() != null) {
                        engine.execute(actor, cart.id(), new CartCommand.SetMetadata(body.metadata().toString()),
                                Mutation.none().withCorrelationId(mutation.correlationId()));
                    }
                    PricedCart priced = engine.price(actor, cart.id());
                    CartJson json = views.cart(priced);
                    return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/carts/" + cart.id()))
                            .eTag(Requests.etag(priced.cart().version()))
                            .body(token == null ? json : json.withToken(token));
                });
    }

    @Operation(summary = "Get the priced cart", description = "Lines (the first page of a large cart), totals, taxes, shipping, each promotion's result, codes, price changes and hints.")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 429, 500, 503})
    @GetMapping("/carts/{id}")
    ResponseEntity<CartJson> get(@PathVariable String id, HttpServletRequest request) {
        CartId cartId = Requests.cartId(id);
        PricedCart priced = engine.price(actors.actor(Requests.credentials(request)), cartId);
        return CartChanges.answer(views.cart(priced));
    }

    @Operation(summary = "Get a page of lines", description = "For large carts; `linesPage.next` in the cart says where the next page is.")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 429, 500, 503})
    @GetMapping("/carts/{id}/lines")
    ResponseEntity<LinesJson> lines(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
                                    @RequestParam(defaultValue = "50") int limit, HttpServletRequest request) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw CartException.invalidInput("offset must be at least 0 and limit between 1 and " + MAX_PAGE);
        }
        CartId cartId = Requests.cartId(id);
        PricedCart priced = engine.price(actors.actor(Requests.credentials(request)), cartId);
        LinesJson page = views.lines(priced, offset, limit);
        return ResponseEntity.ok().eTag(Requests.etag(page.version())).body(page);
    }

    @Operation(summary = "Get the events after a version", description = "The cart's events after version `after`, in order; the stream gives the same live.")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 429, 500, 503})
    @GetMapping("/carts/{id}/events")
    EventsJson events(@PathVariable String id, @RequestParam(defaultValue = "0") long after,
                      HttpServletRequest request) {
        if (after < 0) {
            throw CartException.invalidInput("after must be at least 0");
        }
        CartId cartId = Requests.cartId(id);
        List<CartEvent> events = engine.changesSince(actors.actor(Requests.credentials(request)), cartId, after);
        return EventsJson.of(cartId, events);
    }

    @Operation(summary = "Get a customer's active cart", description = "404 when the customer has no active cart.")
    @ApiContract(access = ApiContract.Access.CUSTOMER_OR_SERVICE, problems = {401, 403, 404, 429, 500, 503})
    @GetMapping("/customers/{customerId}/cart")
    ResponseEntity<CartJson> customerCart(@PathVariable String customerId, HttpServletRequest request) {
        Actor actor = actors.actor(Requests.credentials(request));
        Optional<Cart> cart = engine.activeCart(actor, new CustomerId(customerId));
        if (cart.isEmpty()) {
            throw new CartException(dev.cartflow.error.CartErrorCode.CART_NOT_FOUND, "the customer has no active cart");
        }
        return CartChanges.answer(views.cart(engine.price(actor, cart.get().id())));
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw CartException.invalidInput("currency is not an ISO 4217 code");
        }
    }
}
