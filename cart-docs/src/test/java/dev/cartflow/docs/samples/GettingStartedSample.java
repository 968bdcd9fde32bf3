package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The first sample of docs/getting-started.md: an engine on memory, one cart, one line, its total. */
class GettingStartedSample {
    @Test
    void plainJava_addTwoMugs_subtotalIsTwiceTheNetPricePlusTax() {
        // tag::plain-java[]
        Currency eur = Currency.getInstance("EUR");
        CartEngine engine = CartEngine.builder()
                .repository(new InMemoryCartRepository())
                .catalog(new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build()))
                .pricing(new InMemoryPricing()
                        .put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.50", eur), Rate.parse("0.19"))))
                .build();

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        engine.addItem(guest, created.cart().id(), Sku.of("MUG"), 2);
        PricedCart priced = engine.price(guest, created.cart().id());
        // end::plain-java[]

        assertThat(priced.subtotal()).isEqualTo(Money.parse("25.00", eur));
        assertThat(priced.total()).isEqualTo(priced.subtotal().plus(priced.tax()));
        assertThat(priced.tax()).isEqualTo(Money.parse("4.75", eur));
    }
}
