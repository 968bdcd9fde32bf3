package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plain-Java samples of docs/getting-started.md: an engine on memory, a cart, its lines, a code, shipping, totals. */
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

    @Test
    void plainJava_codeAndShipping_discountAndShippingInTheTotal() {
        // tag::code-and-shipping[]
        Currency eur = Currency.getInstance("EUR");
        CartEngine engine = CartEngine.builder()
                .repository(new InMemoryCartRepository())
                .catalog(new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build()))
                .pricing(new InMemoryPricing()
                        .put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.50", eur), Rate.parse("0.19"))))
                .promotions(new InMemoryPromotions()
                        .put(Promotion.builder("WELCOME10").code("WELCOME10").percentOff("10").build()))
                .shipping(new InMemoryShipping()
                        .put(new ShippingMethod("standard", Money.parse("4.90", eur), Money.parse("50.00", eur),
                                List.of(Rate.parse("0.19")), 30_000, Set.of("DE"))))
                .build();

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = created.actor();
        engine.addItem(guest, created.cart().id(), Sku.of("MUG"), 2);
        engine.applyCode(guest, created.cart().id(), "WELCOME10");
        engine.selectShipping(guest, created.cart().id(), "standard");
        PricedCart priced = engine.price(guest, created.cart().id());

        System.out.println("subtotal " + priced.subtotal().toDecimalString());  // 25.00
        System.out.println("discount " + priced.discount().toDecimalString());  // 2.50
        System.out.println("shipping " + priced.shipping().toDecimalString());  // 4.90
        System.out.println("tax      " + priced.tax().toDecimalString());       // 5.21: 19% of 22.50 and of 4.90
        System.out.println("total    " + priced.total().toDecimalString());     // 32.61
        // end::code-and-shipping[]

        BigDecimal items = new BigDecimal("12.50").multiply(BigDecimal.valueOf(2)).multiply(new BigDecimal("0.90"));
        BigDecimal shipping = new BigDecimal("4.90");
        BigDecimal tax = cents(items.multiply(new BigDecimal("0.19"))).add(cents(shipping.multiply(new BigDecimal("0.19"))));
        assertThat(priced.discount()).isEqualTo(Money.parse("2.50", eur));
        assertThat(priced.shipping()).isEqualTo(Money.parse("4.90", eur));
        assertThat(priced.tax().toDecimal()).isEqualByComparingTo(tax);
        assertThat(priced.total().toDecimal()).isEqualByComparingTo(items.add(shipping).add(tax));
        assertThat(priced.promotions()).singleElement()
                .satisfies(p -> assertThat(p.result()).isEqualTo(PromotionResult.APPLIED));
        assertThat(priced.codes()).containsExactly(new CodeStatus("WELCOME10", CodeStatus.State.APPLIED));
        assertThat(List.of(priced.tax().toDecimalString(), priced.total().toDecimalString()))
                .as("the figures the page prints").containsExactly("5.21", "32.61");
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
