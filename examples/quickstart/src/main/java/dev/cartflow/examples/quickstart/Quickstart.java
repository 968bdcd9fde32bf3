package dev.cartflow.examples.quickstart;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.io.PrintStream;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/** A short cart flow on the in-memory engine: add, change, apply a code, ship, print the totals. */
public final class Quickstart {
    private static final Currency EUR = Currency.getInstance("EUR");

    private Quickstart() {
    }

    /** Runs the flow and prints the cart. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Runs the flow, printing to {@code out}, and returns the priced cart. */
    public static PricedCart run(PrintStream out) {
        InMemoryCatalog catalog = new InMemoryCatalog()
                .put(Product.builder(Sku.of("MUG")).category("kitchen").brand("Acme").weightGrams(350)
                        .maxQuantity(10).build())
                .put(Product.builder(Sku.of("TEA")).category("food").brand("Leafy").weightGrams(100)
                        .maxQuantity(50).build());
        InMemoryPricing pricing = new InMemoryPricing()
                .put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.50", EUR), Rate.parse("0.19")))
                .put(PriceQuote.of(Sku.of("TEA"), Money.parse("4.20", EUR), Rate.parse("0.07")));
        InMemoryPromotions promotions = new InMemoryPromotions()
                .put(Promotion.builder("WELCOME10").code("WELCOME10").scope(Promotion.Scope.ORDER)
                        .percentOff("10").maxUsesPerCustomer(1).build());
        InMemoryShipping shipping = new InMemoryShipping()
                .put(new ShippingMethod("STANDARD", Money.parse("4.90", EUR), Money.parse("50.00", EUR),
                        List.of(Rate.parse("0.19")), 30_000, Set.of("DE", "AT")));

        CartEngine engine = CartEngine.builder()
                .repository(new InMemoryCartRepository())
                .catalog(catalog)
                .pricing(pricing)
                .promotions(promotions)
                .shipping(shipping)
                .build();

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        // WELCOME10 is limited per customer: a guest needs a stable identity the host vouches for
        // (here a stand-in for a keyed hash of the e-mail it gave), or the code gives it nothing.
        var guest = Actor.guest(created.token(), "email-hmac-3f9a");
        var id = created.cart().id();
        engine.addItem(guest, id, Sku.of("MUG"), 2);
        Cart cart = engine.addItem(guest, id, Sku.of("TEA"), 3);
        cart = engine.setQuantity(guest, id, cart.lines().get(1).id(), 2);
        engine.applyCode(guest, id, "WELCOME10");
        engine.selectShipping(guest, id, "STANDARD");

        PricedCart priced = engine.price(guest, id);
        print(priced, out);
        return priced;
    }

    static void print(PricedCart priced, PrintStream out) {
        Cart cart = priced.cart();
        out.printf("Cart %s (version %d, %s, ships to %s)%n", cart.id(), cart.version(), cart.state(),
                cart.country());
        for (PricedLine line : priced.lines()) {
            out.printf("  %-4s x%-3d %10s  discount %8s  tax %8s  total %10s%n", line.sku(), line.quantity(),
                    line.subtotal().toDecimalString(), line.discount().toDecimalString(),
                    line.tax().toDecimalString(), line.total().toDecimalString());
        }
        for (PromotionExplanation p : priced.promotions()) {
            out.printf("  promotion %s: %s %s%n", p.promotionId(), p.result(), p.amount().toDecimalString());
        }
        out.printf("Subtotal %s%nDiscount %s%nShipping %s%nTax      %s%nTotal    %s %s%n",
                priced.subtotal().toDecimalString(), priced.discount().toDecimalString(),
                priced.shipping().toDecimalString(), priced.tax().toDecimalString(),
                priced.total().toDecimalString(), priced.currency().getCurrencyCode());
    }
}
