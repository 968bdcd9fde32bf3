package dev.cartflow.service.openapi;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A running service as the tests use it: its address, and its engine and token key to set up carts
 * and credentials without spending the caller's rate limits.
 */
final class Service {
    /** The example's demo API key (application.yml). */
    static final String API_KEY = "demo-order-service-key";
    static final String SKU = "MUG";
    static final String CODE = "WELCOME10";
    static final String SHIPPING = "STANDARD";

    /**
     * A guest cart with a line, a code and shipping, and a customer with an active cart of their own.
     *
     * @param cartId        the guest cart
     * @param cartToken     its token
     * @param lineId        its line
     * @param customerId    the customer
     * @param customerToken the customer's bearer token
     */
    record Fixture(String cartId, String cartToken, String lineId, String customerId, String customerToken) {
    }

    private final String base;
    private final CartEngine engine;
    private final HmacTokenVerifier tokens;

    Service(ApplicationContext context) {
        this.base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
        this.engine = context.getBean(CartEngine.class);
        this.tokens = context.getBean(HmacTokenVerifier.class);
    }

    /** Sends a request to this service. */
    HttpAnswer send(String method, String path, Map<String, String> headers, String body) {
        return HttpAnswer.send(base, method, path, headers, body);
    }

    /** A new fixture, made through the engine (no client key, so guest creation is not throttled). */
    Fixture fixture() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        Cart cart = engine.addItem(guest, created.cart().id(), Sku.of(SKU), 1);
        engine.applyCode(guest, cart.id(), CODE);
        engine.selectShipping(guest, cart.id(), SHIPPING);
        CustomerId customer = new CustomerId("c-" + UUID.randomUUID());
        engine.createCustomerCart(Actor.customer(customer), customer, NewCart.of("EUR", "DE"));
        return new Fixture(cart.id().toString(), created.token(), cart.lines().get(0).id().value(), customer.value(),
                bearer(customer.value()));
    }

    /** A bearer token of a customer. */
    String bearer(String customerId) {
        return tokens.mint(new Principal.Customer(customerId), Duration.ofHours(1));
    }

    /** Checks the fixture's guest cart out, so it is no longer active. */
    void checkOut(Fixture fixture) {
        engine.checkout(Actor.guest(fixture.cartToken()), dev.cartflow.model.CartId.parse(fixture.cartId()),
                Mutation.none());
    }
}
