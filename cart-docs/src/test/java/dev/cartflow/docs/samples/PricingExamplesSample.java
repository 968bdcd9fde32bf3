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
import dev.cartflow.model.Hint;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.PricingPolicy.TaxCalculation;
import dev.cartflow.model.PricingPolicy.TaxMode;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/pricing-rules.md: small carts priced by the real engine. The figures the page
 * shows are asserted in each region; below each region the same figures are derived again from the rule
 * with {@code BigDecimal}, so a region cannot assert a figure the rule does not give.
 */
class PricingExamplesSample {
    private static final Currency EUR = Currency.getInstance("EUR");

    // tag::shop[]
    /** An engine on memory: a catalog and quotes built from (sku, price, tax rate) and the given extras. */
    static final class Shop {
        private final InMemoryCatalog catalog = new InMemoryCatalog();
        private final InMemoryPricing prices = new InMemoryPricing();
        private final InMemoryPromotions promotions = new InMemoryPromotions();
        private final InMemoryShipping shipping = new InMemoryShipping();
        private PricingPolicy policy = PricingPolicy.DEFAULT;   // EXCLUSIVE, LINE, HALF_EVEN

        Shop sells(String sku, String price, String taxRate) {
            catalog.put(Product.builder(Sku.of(sku)).build());
            prices.put(PriceQuote.of(Sku.of(sku), eur(price), Rate.parse(taxRate)));
            return this;
        }

        Shop promotion(Promotion promotion) {
            promotions.put(promotion);
            return this;
        }

        Shop shipping(ShippingMethod method) {
            shipping.put(method);
            return this;
        }

        Shop policy(PricingPolicy policy) {
            this.policy = policy;
            return this;
        }

        /** Adds {@code quantity} units of each sku in turn (sku, quantity, sku, quantity...) and prices. */
        PricedCart price(String shippingMethod, Object... skusAndQuantities) {
            CartEngine engine = CartEngine.builder().repository(new InMemoryCartRepository()).catalog(catalog)
                    .pricing(prices).promotions(promotions).shipping(shipping).pricingPolicy(policy).build();
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            for (int i = 0; i < skusAndQuantities.length; i += 2) {
                engine.addItem(created.actor(), created.cart().id(), Sku.of((String) skusAndQuantities[i]),
                        (Integer) skusAndQuantities[i + 1]);
            }
            if (shippingMethod != null) {
                engine.selectShipping(created.actor(), created.cart().id(), shippingMethod);
            }
            return engine.price(created.actor(), created.cart().id());
        }
    }

    static Money eur(String amount) {
        return Money.parse(amount, EUR);
    }
    // end::shop[]

    @Test
    void price_exclusiveTax_taxAddedOncePerLineAndRate() {
        // tag::exclusive-tax[]
        PricedCart priced = new Shop().sells("MUG", "9.99", "0.19").price(null, "MUG", 3);

        assertThat(priced.subtotal()).isEqualTo(eur("29.97"));   // 3 x 9.99, net
        assertThat(priced.tax()).isEqualTo(eur("5.69"));         // 29.97 x 0.19 = 5.6943
        assertThat(priced.total()).isEqualTo(eur("35.66"));      // net + tax
        // end::exclusive-tax[]

        BigDecimal net = d("9.99").multiply(d("3"));
        BigDecimal tax = cents(net.multiply(d("0.19")), RoundingMode.HALF_EVEN);
        assertFigures(priced, net, tax, net.add(tax));
    }

    @Test
    void price_inclusiveTax_taxContainedInTheGrossPrice() {
        // tag::inclusive-tax[]
        PricedCart priced = new Shop().sells("MUG", "9.99", "0.19")
                .policy(new PricingPolicy(TaxMode.INCLUSIVE, TaxCalculation.LINE, RoundingMode.HALF_EVEN))
                .price(null, "MUG", 3);

        assertThat(priced.total()).isEqualTo(eur("29.97"));      // 3 x 9.99, gross: what the shopper pays
        assertThat(priced.tax()).isEqualTo(eur("4.79"));         // 29.97 x 0.19 / 1.19 = 4.7851...
        assertThat(priced.net()).isEqualTo(eur("25.18"));        // gross - tax
        // end::inclusive-tax[]

        BigDecimal gross = d("9.99").multiply(d("3"));
        BigDecimal tax = gross.multiply(d("0.19")).divide(d("1.19"), 2, RoundingMode.HALF_EVEN);
        assertFigures(priced, gross, tax, gross);
        assertThat(priced.net().toDecimal()).isEqualByComparingTo(gross.subtract(tax));
    }

    @Test
    void price_percentThenAmountPerUnit_eachOnTheAmountLeftBeforeIt() {
        // tag::percent-and-amount[]
        PricedCart priced = new Shop().sells("MUG", "12.50", "0").sells("PEN", "3.33", "0")
                .promotion(Promotion.builder("UNIT-1").priority(0)
                        .target(new Promotion.Target(Promotion.Scope.ITEMS, Set.of(Sku.of("MUG")), Set.of(), Set.of()))
                        .amountOff(eur("1.00"), Promotion.Per.UNIT).build())
                .promotion(Promotion.builder("TEN-PERCENT").priority(1).percentOff("10").build())
                .price(null, "MUG", 2, "PEN", 1);

        PricedLine mug = priced.lines().get(0);
        PricedLine pen = priced.lines().get(1);
        assertThat(mug.discount()).isEqualTo(eur("4.30"));   // 2 x 1.00, then 10% of the 23.00 left
        assertThat(pen.discount()).isEqualTo(eur("0.33"));   // 10% of 3.33 = 0.333, rounded on the line
        assertThat(priced.discount()).isEqualTo(eur("4.63"));
        assertThat(priced.total()).isEqualTo(eur("23.70"));  // 28.33 - 4.63
        // end::percent-and-amount[]

        BigDecimal mugLeft = d("12.50").multiply(d("2")).subtract(d("2.00"));
        BigDecimal mugDiscount = d("2.00").add(cents(mugLeft.multiply(d("0.10")), RoundingMode.HALF_EVEN));
        BigDecimal penDiscount = cents(d("3.33").multiply(d("0.10")), RoundingMode.HALF_EVEN);
        assertThat(mug.discount().toDecimal()).isEqualByComparingTo(mugDiscount);
        assertThat(pen.discount().toDecimal()).isEqualByComparingTo(penDiscount);
        assertThat(priced.total().toDecimal())
                .isEqualByComparingTo(d("28.33").subtract(mugDiscount).subtract(penDiscount));
    }

    @Test
    void price_orderAmount_allocatedByLargestRemainder() {
        // tag::order-allocation[]
        PricedCart priced = new Shop().sells("LAMP", "10.00", "0").sells("RUG", "20.00", "0")
                .sells("CUP", "5.00", "0")
                .promotion(Promotion.builder("TEN-OFF").scope(Promotion.Scope.ORDER)
                        .amountOff(eur("10.00"), Promotion.Per.ORDER).build())
                .price(null, "LAMP", 1, "RUG", 1, "CUP", 1);

        // exact shares of 10.00 over 10.00 : 20.00 : 5.00 are 2.857..., 5.714..., 1.428...;
        // each line gets the floor (2.85, 5.71, 1.42 = 9.98) and the two cents left go to the
        // largest fractional parts: CUP (0.857) and LAMP (0.714)
        assertThat(priced.lines()).extracting(PricedLine::discount)
                .containsExactly(eur("2.86"), eur("5.71"), eur("1.43"));
        assertThat(priced.discount()).isEqualTo(eur("10.00"));
        // end::order-allocation[]

        assertThat(priced.lines()).extracting(l -> l.discount().minor())
                .containsExactlyElementsOf(largestRemainder(1000, List.of(1000L, 2000L, 500L)));
    }

    @Test
    void price_shippingThreshold_freeFromTheThresholdOnAndAHintBelowIt() {
        // tag::shipping-threshold[]
        Shop shop = new Shop().sells("TEA", "15.00", "0.07").sells("CUP", "5.00", "0.19")
                .shipping(new ShippingMethod("standard", eur("4.90"), eur("50.00"), List.of(Rate.parse("0.19")),
                        30_000, Set.of("DE")));

        PricedCart below = shop.price("standard", "TEA", 3);          // items 45.00 net
        assertThat(below.shipping()).isEqualTo(eur("4.90"));
        assertThat(below.shippingTax()).isEqualTo(eur("0.93"));       // 4.90 x 0.19 = 0.931
        assertThat(below.hints()).containsExactly(Hint.freeShipping(eur("5.00")));

        PricedCart reached = shop.price("standard", "TEA", 3, "CUP", 1); // items 50.00: at least freeAbove
        assertThat(reached.shipping()).isEqualTo(eur("0.00"));
        assertThat(reached.hints()).isEmpty();
        // end::shipping-threshold[]

        assertThat(below.shippingTax().toDecimal())
                .isEqualByComparingTo(cents(d("4.90").multiply(d("0.19")), RoundingMode.HALF_EVEN));
        assertThat(below.hints().get(0).missingAmount().toDecimal())
                .isEqualByComparingTo(d("50.00").subtract(d("15.00").multiply(d("3"))));
        assertThat(reached.total().toDecimal()).isEqualByComparingTo(d("45.00").add(cents(d("45.00").multiply(d("0.07")),
                RoundingMode.HALF_EVEN)).add(d("5.00")).add(cents(d("5.00").multiply(d("0.19")), RoundingMode.HALF_EVEN)));
    }

    @Test
    void price_roundingModes_halfEvenAndHalfUpDifferOnAHalfCent() {
        // tag::rounding[]
        Shop shop = new Shop().sells("PEN", "1.50", "0.11");        // tax 1.50 x 0.11 = 0.165

        PricedCart halfEven = shop.price(null, "PEN", 1);
        PricedCart halfUp = shop.policy(new PricingPolicy(TaxMode.EXCLUSIVE, TaxCalculation.LINE, RoundingMode.HALF_UP))
                .price(null, "PEN", 1);
        assertThat(halfEven.tax()).isEqualTo(eur("0.16"));   // to the even cent
        assertThat(halfUp.tax()).isEqualTo(eur("0.17"));     // half a cent goes up
        // end::rounding[]

        assertThat(halfEven.tax().toDecimal()).isEqualByComparingTo(cents(d("0.165"), RoundingMode.HALF_EVEN));
        assertThat(halfUp.tax().toDecimal()).isEqualByComparingTo(cents(d("0.165"), RoundingMode.HALF_UP));
    }

    @Test
    void price_unitTaxCalculation_roundsEachUnitsTax() {
        // tag::unit-tax[]
        Shop shop = new Shop().sells("CLIP", "0.03", "0.19");

        PricedCart perLine = shop.price(null, "CLIP", 3);    // 0.09 x 0.19 = 0.0171, rounded once
        PricedCart perUnit = shop.policy(new PricingPolicy(TaxMode.EXCLUSIVE, TaxCalculation.UNIT, RoundingMode.HALF_EVEN))
                .price(null, "CLIP", 3);                     // 0.03 x 0.19 = 0.0057, rounded per unit
        assertThat(perLine.tax()).isEqualTo(eur("0.02"));
        assertThat(perUnit.tax()).isEqualTo(eur("0.03"));    // 3 x 0.01
        // end::unit-tax[]

        assertThat(perLine.tax().toDecimal())
                .isEqualByComparingTo(cents(d("0.09").multiply(d("0.19")), RoundingMode.HALF_EVEN));
        assertThat(perUnit.tax().toDecimal())
                .isEqualByComparingTo(cents(d("0.03").multiply(d("0.19")), RoundingMode.HALF_EVEN).multiply(d("3")));
    }

    private static void assertFigures(PricedCart priced, BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
        assertThat(priced.subtotal().toDecimal()).isEqualByComparingTo(subtotal);
        assertThat(priced.tax().toDecimal()).isEqualByComparingTo(tax);
        assertThat(priced.total().toDecimal()).isEqualByComparingTo(total);
    }

    /** The format's allocation, written again on its own: floors, then one unit each to the largest remainders. */
    private static List<Long> largestRemainder(long amount, List<Long> weights) {
        long sum = weights.stream().mapToLong(Long::longValue).sum();
        List<Long> shares = new ArrayList<>();
        List<Long> remainders = new ArrayList<>();
        for (long w : weights) {
            shares.add(amount * w / sum);
            remainders.add(amount * w % sum);
        }
        long left = amount - shares.stream().mapToLong(Long::longValue).sum();
        for (; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < remainders.size(); i++) {
                if (remainders.get(i) > remainders.get(best)) {
                    best = i;
                }
            }
            shares.set(best, shares.get(best) + 1);
            remainders.set(best, -1L);
        }
        return shares;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static BigDecimal cents(BigDecimal amount, RoundingMode mode) {
        return amount.setScale(2, mode);
    }
}
