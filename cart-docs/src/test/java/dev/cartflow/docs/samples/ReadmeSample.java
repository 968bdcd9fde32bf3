package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import java.time.Clock;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The sample of README.md, "Using the engine". */
class ReadmeSample {
    @Test
    void usingTheEngine_guestAddsTwoMugs_pricedSubtotal() {
        Money price = Money.parse("12.50", Currency.getInstance("EUR"));
        InMemoryCatalog myCatalog = new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build());
        InMemoryPricing myPrices = new InMemoryPricing().put(PriceQuote.of(Sku.of("MUG"), price));
        InMemoryPromotions myPromotions = new InMemoryPromotions();
        InMemoryShipping myShipping = new InMemoryShipping();
        InMemoryInventory myStock = new InMemoryInventory().setStock(Sku.of("MUG"), "default", 10);
        // tag::using-the-engine[]
        CartEngine engine = CartEngine.builder()
                .repository(new InMemoryCartRepository())   // or your own CartRepository
                .catalog(myCatalog)                         // CatalogProvider
                .pricing(myPrices)                          // PricingProvider
                .promotions(myPromotions)                   // optional
                .shipping(myShipping)                       // optional
                .inventory(myStock)                         // optional: untracked by default
                .clock(Clock.systemUTC())
                .build();

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = created.actor();                      // holds the secret token; give the token to the browser
        Cart cart = engine.addItem(guest, created.cart().id(), Sku.of("MUG"), 2);
        PricedCart priced = engine.price(guest, cart.id());
        // end::using-the-engine[]

        assertThat(priced.subtotal()).isEqualTo(price.times(2));
        assertThat(cart.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
    }
}
