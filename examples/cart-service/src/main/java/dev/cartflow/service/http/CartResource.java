package dev.cartflow.service.http;

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
@RestController
class CartResource {
    private static final int MAX_PAGE = 500;

    private final CartEngine engine;
    private final ActorResolver actors;
    private final CartViews views;
    private final Replays creations = new Replays();

    CartResource(CartEngine engine, ActorResolver actors, CartViews views) {
        this.engine = engine;
        this.actors = actors;
        this.views = views;
    }

    @PostMapping(path = "/carts", consumes = "application/json")
    ResponseEntity<CartJson> create(@RequestBody Bodies.NewCartBody body, HttpServletRequest request) {
        if (body.currency() == null || body.country() == null) {
            throw CartException.invalidInput("currency and country are required");
        }
        Currency currency = currency(body.currency());
        Credentials credentials = Requests.credentials(request);
        Optional<CustomerId> customer = actors.customer(credentials);
        Mutation mutation = Requests.mutation(request);
        return creations.once(mutation.idempotencyKey(), "POST /carts " + body + " " + customer.map(c -> "c").orElse("g"),
                () -> {
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

    @GetMapping("/carts/{id}")
    ResponseEntity<CartJson> get(@PathVariable String id, HttpServletRequest request) {
        CartId cartId = Requests.cartId(id);
        PricedCart priced = engine.price(actors.actor(Requests.credentials(request)), cartId);
        return CartChanges.answer(views.cart(priced));
    }

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
