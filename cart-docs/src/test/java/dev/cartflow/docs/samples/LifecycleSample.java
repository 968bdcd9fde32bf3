package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The sample of docs/lifecycle.md: merge at sign-in. */
class LifecycleSample {
    @Test
    void merge_guestCartAtSignIn_guestMergedIntoTheCustomersCart() {
        CartEngine engine = CartEngine.builder().repository(new InMemoryCartRepository())
                .catalog(new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build()))
                .pricing(new InMemoryPricing().put(PriceQuote.of(Sku.of("MUG"),
                        Money.parse("12.50", Currency.getInstance("EUR")))))
                .build();
        CustomerId customerId = new CustomerId("anna");
        CartId ownCart = engine.createCustomerCart(Actor.customer(customerId), customerId, NewCart.of("EUR", "DE")).id();
        engine.addItem(Actor.customer(customerId), ownCart, Sku.of("MUG"), 1);
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("MUG"), 2);
        CartId guestCartId = guest.cart().id();
        String guestToken = guest.token();
        // tag::merge[]
        MergeResult result = engine.merge(Actor.customer(customerId),
                new MergeRequest(guestCartId, guestToken, customerId, MergePolicy.SUM));
        // end::merge[]

        assertThat(result.cart().id()).isEqualTo(ownCart);
        assertThat(result.cart().lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(1 + 2));
        assertThat(result.guestCart().state()).isEqualTo(CartState.MERGED);
    }
}
