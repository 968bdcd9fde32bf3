package dev.cartflow.service.http;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Sku;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Currency;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmarks' ceiling, not part of the API: {@code GET /benchmark/ceiling-cart} answers one
 * priced cart built once (on the first request, through the engine, from
 * {@code cartservice.benchmark.ceiling-skus}) and kept, so every later answer goes through the same
 * Tomcat, filters, MVC and Jackson serialization of a {@code CartJson} as {@code GET /carts/{id}}
 * without any engine work. It exists only with {@code cartservice.benchmark.ceiling-endpoint=true}
 * (off by default) and is not in the OpenAPI document.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "cartservice.benchmark.ceiling-endpoint", havingValue = "true")
class CeilingCart {
    private final CartEngine engine;
    private final CartViews views;
    private final List<String> skus;
    private volatile CartJson cart;

    CeilingCart(CartEngine engine, CartViews views,
                @Value("${cartservice.benchmark.ceiling-skus:MUG,TEA,KETTLE,BOOK-JAVA}") List<String> skus) {
        this.engine = engine;
        this.views = views;
        this.skus = List.copyOf(skus);
    }

    @GetMapping("/benchmark/ceiling-cart")
    ResponseEntity<CartJson> get() {
        return CartChanges.answer(cart());
    }

    private CartJson cart() {
        CartJson built = cart;
        if (built == null) {
            synchronized (this) {
                built = cart;
                if (built == null) {
                    built = build();
                    cart = built;
                }
            }
        }
        return built;
    }

    /** A DE guest cart in EUR with one unit of each configured product, priced as a read prices it. */
    private CartJson build() {
        CreatedCart created = engine.createGuestCart(new NewCart(Currency.getInstance("EUR"), "DE", null));
        Actor guest = Actor.guest(created.token());
        for (String sku : skus) {
            engine.execute(guest, created.cart().id(), new CartCommand.AddItem(Sku.of(sku.trim()), 1), Mutation.none());
        }
        return views.cart(engine.price(guest, created.cart().id()));
    }
}
