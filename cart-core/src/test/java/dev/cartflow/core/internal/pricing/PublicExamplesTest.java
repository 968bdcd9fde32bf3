package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static dev.cartflow.core.internal.pricing.World.explanation;
import static dev.cartflow.core.internal.pricing.World.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion.Per;
import dev.cartflow.model.Promotion.Scope;
import dev.cartflow.model.Promotion.Stacking;
import dev.cartflow.model.PromotionResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The public example scenarios of shared/scenarios, re-expressed directly against the pricer. */
class PublicExamplesTest {

    private static String s(dev.cartflow.model.Money m) {
        return m.toDecimalString();
    }

    @ParameterizedTest
    @CsvSource({"1,0.00", "2,0.00", "3,0.00", "4,10.00", "5,10.00", "6,10.00", "7,10.00", "8,20.00", "9,20.00"})
    void price_buy3Get1OnQuantity_discountsEveryFourthUnit(int qty, String discount) {
        World w = World.eur().product("A", "10.00")
                .promo(promo("B3G1").skus("A").buyGet(3, 1, "100")).add("A", qty);
        assertThat(s(w.price().discount())).isEqualTo(discount);
    }

    @Test
    void price_couponAndFreeShipping_codeNeededAndFreeShippingAfterDiscounts() {
        World w = World.eur().product("A", "30.00", "0.19")
                .promo(promo("SAVE10").code("SAVE10").scope(Scope.ORDER).percent("10"))
                .shipping("4.90", "50.00", "0.19").add("A", 2);
        PricedCart p = w.price();
        assertThat(s(p.subtotal())).isEqualTo("60.00");
        assertThat(s(p.discount())).isEqualTo("0.00");
        assertThat(s(p.shipping())).isEqualTo("0.00");
        assertThat(s(p.tax())).isEqualTo("11.40");
        assertThat(s(p.total())).isEqualTo("71.40");
        assertThat(explanation(p, "SAVE10").result()).isEqualTo(PromotionResult.CODE_NOT_APPLIED);

        p = w.code("SAVE10").price();
        assertThat(s(p.discount())).isEqualTo("6.00");
        assertThat(s(p.shipping())).isEqualTo("0.00");
        assertThat(s(p.tax())).isEqualTo("10.26");
        assertThat(s(p.total())).isEqualTo("64.26");

        p = w.setQuantity("A", 1).price();
        assertThat(s(p.subtotal())).isEqualTo("30.00");
        assertThat(s(p.discount())).isEqualTo("3.00");
        assertThat(s(p.shipping())).isEqualTo("4.90");
        assertThat(s(p.tax())).isEqualTo("6.06");
        assertThat(s(p.total())).isEqualTo("37.96");
    }

    @Test
    void price_equalSplitTies_extraCentToFirstLine() {
        PricedCart p = World.eur().product("A", "20.00").product("B", "20.00").product("C", "20.00")
                .promo(promo("TEN").scope(Scope.ORDER).amount("10.00", Per.ORDER))
                .add("A", 1).add("B", 1).add("C", 1).price();
        assertThat(s(p.discount())).isEqualTo("10.00");
        assertThat(s(line(p, "A").discount())).isEqualTo("3.34");
        assertThat(s(line(p, "B").discount())).isEqualTo("3.33");
        assertThat(s(line(p, "C").discount())).isEqualTo("3.33");
    }

    @Test
    void price_inclusiveTaxExtraction_taxIsGrossTimesRateOverOnePlusRate() {
        PricedCart p = World.eur().inclusive().product("A", "50.00", "0.10").add("A", 1).price();
        assertThat(s(p.subtotal())).isEqualTo("50.00");
        assertThat(s(p.tax())).isEqualTo("4.55");
        assertThat(s(p.net())).isEqualTo("45.45");
        assertThat(s(p.total())).isEqualTo("50.00");
    }

    @Test
    void price_neverNegative_orderAmountCappedAtCart() {
        PricedCart p = World.eur().product("A", "100.00", "0.20")
                .promo(promo("BIG").scope(Scope.ORDER).amount("500.00", Per.ORDER)).add("A", 1).price();
        assertThat(s(p.discount())).isEqualTo("100.00");
        assertThat(s(p.tax())).isEqualTo("0.00");
        assertThat(s(p.total())).isEqualTo("0.00");
        assertThat(explanation(p, "BIG").result()).isEqualTo(PromotionResult.CAPPED);
        assertThat(s(explanation(p, "BIG").amount())).isEqualTo("100.00");
    }

    @Test
    void price_orderAmountAllocation_largestRemainder() {
        PricedCart p = World.eur().product("A", "4.00").product("B", "45.00")
                .promo(promo("V5").scope(Scope.ORDER).amount("5.00", Per.ORDER)).add("A", 1).add("B", 1).price();
        assertThat(s(p.discount())).isEqualTo("5.00");
        assertThat(s(p.total())).isEqualTo("44.00");
        assertThat(s(line(p, "A").discount())).isEqualTo("0.41");
        assertThat(s(line(p, "A").total())).isEqualTo("3.59");
        assertThat(s(line(p, "B").discount())).isEqualTo("4.59");
        assertThat(s(line(p, "B").total())).isEqualTo("40.41");
        assertThat(explanation(p, "V5").result()).isEqualTo(PromotionResult.APPLIED);
        assertThat(s(explanation(p, "V5").amount())).isEqualTo("5.00");
    }

    @Test
    void price_orderPercentOriginalBasis_bothOnSameAmount() {
        PricedCart p = World.eur().product("A", "350.00")
                .promo(promo("P10").priority(1).original().scope(Scope.ORDER).percent("10"))
                .promo(promo("P15").priority(2).original().scope(Scope.ORDER).percent("15")).add("A", 1).price();
        assertThat(s(p.discount())).isEqualTo("87.50");
        assertThat(s(p.total())).isEqualTo("262.50");
    }

    @Test
    void price_orderPercentRunningBasis_secondOnWhatFirstLeft() {
        PricedCart p = World.eur().product("A", "350.00")
                .promo(promo("P10").priority(1).scope(Scope.ORDER).percent("10"))
                .promo(promo("P15").priority(2).scope(Scope.ORDER).percent("15")).add("A", 1).price();
        assertThat(s(p.discount())).isEqualTo("82.25");
        assertThat(s(p.total())).isEqualTo("267.75");
    }

    @Test
    void price_productThenOrderDiscount_orderPercentOnRunningAmount() {
        PricedCart p = World.eur().item("PANTS", "100.00", "pants", null).product("SHIRT", "50.00")
                .product("BOOTS", "200.00")
                .promo(promo("20PANTS").priority(1).categories("pants").percent("20"))
                .promo(promo("10ORDER").priority(2).scope(Scope.ORDER).percent("10"))
                .shipping("20.00", null).add("PANTS", 1).add("SHIRT", 1).add("BOOTS", 1).price();
        assertThat(s(p.subtotal())).isEqualTo("350.00");
        assertThat(s(p.discount())).isEqualTo("53.00");
        assertThat(s(p.shipping())).isEqualTo("20.00");
        assertThat(s(p.total())).isEqualTo("317.00");
        assertThat(s(explanation(p, "20PANTS").amount())).isEqualTo("20.00");
        assertThat(s(explanation(p, "10ORDER").amount())).isEqualTo("33.00");
    }

    @Test
    void price_stopFurther_stopsOnlyWhenItApplied() {
        World w = World.eur().product("A", "20.00").product("B", "30.00")
                .promo(promo("D1").priority(1).stacking(Stacking.STOP_FURTHER).skus("A").percent("10"))
                .promo(promo("D2").priority(2).percent("5")).add("B", 1);
        PricedCart p = w.price();
        assertThat(s(p.discount())).isEqualTo("1.50");
        assertThat(explanation(p, "D1").result()).isEqualTo(PromotionResult.NO_TARGET);
        assertThat(explanation(p, "D2").result()).isEqualTo(PromotionResult.APPLIED);
        p = w.add("A", 1).price();
        assertThat(s(p.discount())).isEqualTo("2.00");
        assertThat(explanation(p, "D1").result()).isEqualTo(PromotionResult.APPLIED);
        assertThat(explanation(p, "D2").result()).isEqualTo(PromotionResult.STOPPED);
    }

    @Test
    void price_taxLineLevel_roundedOncePerLine() {
        PricedCart p = World.eur().product("A", "1.08", "0.19").add("A", 3).price();
        assertThat(s(p.subtotal())).isEqualTo("3.24");
        assertThat(s(p.tax())).isEqualTo("0.62");
        assertThat(s(p.total())).isEqualTo("3.86");
    }

    @Test
    void price_taxUnitLevel_roundedPerUnit() {
        PricedCart p = World.eur().unitTax().product("A", "1.08", "0.19").add("A", 3).price();
        assertThat(s(p.subtotal())).isEqualTo("3.24");
        assertThat(s(p.tax())).isEqualTo("0.63");
        assertThat(s(p.total())).isEqualTo("3.87");
    }
}
