package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Hint;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hints of the standard pricer, case by case (docs/pricing-rules.md, "Hints"). */
class QualificationHintsTest {
    private static Hint amount(World w, String id, String missing) {
        return Hint.amount(id, w.money(missing));
    }

    private static Hint shipping(World w, String missing) {
        return Hint.freeShipping(w.money(missing));
    }

    @Test
    void price_minSubtotalAfterEarlierPromotion_gapOfTheRunningAmount() {
        World w = World.eur().product("A", "50.00");
        w.add("A", 1);
        w.promo(promo("P10").priority(1).percent("10"));
        w.promo(promo("OVER50").priority(2).scope(Promotion.Scope.ORDER).amount("5.00", Promotion.Per.ORDER)
                .minSubtotal("50.00"));
        assertThat(w.price().hints()).containsExactly(amount(w, "OVER50", "5.00"));
    }

    @Test
    void price_minSubtotalOfFilteredItems_onlyTargetedLinesCount() {
        World w = World.eur().item("TEA", "30.00", "tea", null).item("CUP", "100.00", "cups", null);
        w.add("TEA", 1).add("CUP", 1);
        w.promo(promo("TEA40").categories("tea").percent("10").minSubtotal("40.00"));
        assertThat(w.price().hints()).containsExactly(amount(w, "TEA40", "10.00"));
    }

    @Test
    void price_bothThresholdsMissed_amountThenUnitsWithOneId() {
        World w = World.eur().product("A", "20.00");
        w.add("A", 2);
        w.promo(promo("BULK").scope(Promotion.Scope.ORDER).percent("10").minSubtotal("100.00").minQuantity(4));
        assertThat(w.price().hints()).containsExactly(amount(w, "BULK", "60.00"), Hint.units("BULK", 2));
    }

    @Test
    void price_buyXGetYTooFewUnits_buyMinusRestPlusOne() {
        World w = World.eur().product("A", "2.00");
        w.promo(promo("B3G1").buyGet(3, 1, "100"));
        long[] expected = {0, 3, 2, 1};
        for (int units = 1; units <= 3; units++) {
            w.lines.clear();
            w.add("A", units);
            assertThat(w.price().hints()).as(units + " units").containsExactly(Hint.units("B3G1", expected[units]));
        }
        w.lines.clear();
        w.add("A", 4);
        assertThat(w.price().hints()).as("one unit discounted").isEmpty();
        w.lines.clear();
        w.add("A", 5);
        assertThat(w.price().hints()).as("applied with a rest: no hint").isEmpty();
    }

    @Test
    void price_buyXGetYOnZeroAmounts_noHintThoughNothingIsGiven() {
        World w = World.eur().product("A", "2.00");
        w.add("A", 4);
        w.promo(promo("FREE").priority(1).percent("100"));
        w.promo(promo("B3G1").priority(2).buyGet(3, 1, "100"));
        PricedCart priced = w.price();
        assertThat(World.explanation(priced, "B3G1").result()).isEqualTo(PromotionResult.CONDITION_NOT_MET);
        assertThat(priced.hints()).isEmpty();
    }

    @Test
    void price_minQuantityMissedOnBuyXGetY_onlyTheConditionGap() {
        World w = World.eur().product("A", "2.00");
        w.add("A", 1);
        w.promo(promo("B3G1").buyGet(3, 1, "100").minQuantity(2));
        assertThat(w.price().hints()).containsExactly(Hint.units("B3G1", 1));
    }

    @Test
    void price_otherConditionFails_noHint() {
        World w = World.eur().product("A", "10.00");
        w.add("A", 1);
        w.promo(promo("CODED").code("BIG").percent("10").minSubtotal("100.00"));
        w.promo(promo("FR").countries("FR").percent("10").minSubtotal("100.00"));
        w.promo(promo("VIP").groups("vip").percent("10").minSubtotal("100.00"));
        w.promo(promo("LATER").validFrom("2999-01-01T00:00:00Z").percent("10").minSubtotal("100.00"));
        w.promo(promo("GONE").validTo("2000-01-01T00:00:00Z").percent("10").minSubtotal("100.00"));
        w.promo(promo("NOPE").skus("NOPE").percent("10").minSubtotal("100.00"));
        w.promo(promo("SPENT").percent("10").minSubtotal("100.00"));
        w.exhausted.add("SPENT");
        PricedCart priced = w.price();
        assertThat(priced.promotions()).extracting(e -> e.result()).doesNotContain(PromotionResult.APPLIED);
        assertThat(priced.hints()).isEmpty();
        w.code("BIG");
        assertThat(w.price().hints()).as("its code applied").containsExactly(amount(w, "CODED", "90.00"));
    }

    @Test
    void price_promotionAmountsInAnotherCurrency_noHint() {
        World w = World.eur().product("A", "10.00");
        w.add("A", 1);
        Currency usd = Currency.getInstance("USD");
        w.promo(new Promotion("USD", null, 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ORDER), new Promotion.Action.Percent(Rate.percent("10")),
                new Promotion.Conditions(Money.parse("100.00", usd), 0, Set.of(), Set.of(), null, null), null, 0, 0));
        assertThat(World.explanation(w.price(), "USD").result()).isEqualTo(PromotionResult.CONDITION_NOT_MET);
        assertThat(w.price().hints()).isEmpty();
    }

    @Test
    void price_stoppedPromotion_noHint() {
        World w = World.eur().product("A", "10.00");
        w.add("A", 1);
        w.promo(promo("STOP").priority(1).stacking(Promotion.Stacking.STOP_FURTHER).percent("10"));
        w.promo(promo("LATER").priority(2).percent("10").minSubtotal("50.00"));
        assertThat(World.explanation(w.price(), "LATER").result()).isEqualTo(PromotionResult.STOPPED);
        assertThat(w.price().hints()).isEmpty();
    }

    @Test
    void price_exclusiveWins_stackedGapFromItsOptionAndExcludedNone() {
        World w = World.eur().product("A", "100.00");
        w.add("A", 1);
        w.promo(promo("P5").priority(1).percent("5"));
        w.promo(promo("Q").priority(2).scope(Promotion.Scope.ORDER).amount("10.00", Promotion.Per.ORDER)
                .minSubtotal("150.00"));
        w.promo(promo("X").priority(3).stacking(Promotion.Stacking.EXCLUSIVE).percent("20"));
        w.promo(promo("Z").priority(4).stacking(Promotion.Stacking.EXCLUSIVE).percent("50").minSubtotal("300.00"));
        PricedCart priced = w.price();
        assertThat(World.explanation(priced, "P5").result()).isEqualTo(PromotionResult.EXCLUDED);
        assertThat(priced.hints()).containsExactly(amount(w, "Q", "55.00"), amount(w, "Z", "200.00"));
    }

    @Test
    void price_stackedWins_exclusiveGapMeasuredAlone() {
        World w = World.eur().product("A", "100.00");
        w.add("A", 1);
        w.promo(promo("P50").priority(1).percent("50"));
        w.promo(promo("Z").priority(2).stacking(Promotion.Stacking.EXCLUSIVE).percent("10").minSubtotal("120.00"));
        assertThat(w.price().hints()).as("Z alone sees 100.00, not the 50.00 the stacked option left")
                .containsExactly(amount(w, "Z", "20.00"));
    }

    @Test
    void price_shippingBelowFreeAboveAfterDiscounts_gapLast() {
        World w = World.eur().product("A", "30.00", "0.19").shipping("4.90", "50.00", "0.19");
        w.add("A", 2);
        w.promo(promo("SALE").percent("20"));
        w.promo(promo("SHIP").scope(Promotion.Scope.SHIPPING).percent("50").minSubtotal("55.00"));
        PricedCart priced = w.price();
        assertThat(priced.shipping()).isEqualTo(w.money("4.90"));
        assertThat(priced.hints()).containsExactly(amount(w, "SHIP", "7.00"), shipping(w, "2.00"));
    }

    @Test
    void price_shippingWithoutThresholdOrReachedOrNoLines_noShippingHint() {
        World w = World.eur().product("A", "30.00").shipping("4.90", null);
        w.add("A", 1);
        assertThat(w.price().hints()).as("no freeAbove").isEmpty();
        w.shipping("4.90", "30.00");
        assertThat(w.price().hints()).as("freeAbove reached exactly").isEmpty();
        w.lines.clear();
        assertThat(w.price().hints()).as("no lines, no shipping charge").isEmpty();
        w.add("GONE", 1);
        assertThat(w.price().hints()).as("only an unavailable line").isEmpty();
    }

    @Test
    void price_buyXGetYOnShipping_noHint() {
        World w = World.eur().product("A", "2.00").shipping("4.90", null);
        w.add("A", 1);
        w.promo(promo("B2G1").scope(Promotion.Scope.SHIPPING).buyGet(2, 1, "100").minQuantity(3));
        assertThat(w.price().hints()).isEmpty();
    }

    @Test
    void price_inclusiveAndJpy_gapsInPriceModeAndMinorUnits() {
        World gross = World.eur().inclusive().product("A", "11.90", "0.19").shipping("4.90", "30.00", "0.19");
        gross.add("A", 2);
        gross.promo(promo("SPEND50").scope(Promotion.Scope.ORDER).percent("10").minSubtotal("50.00"));
        assertThat(gross.price().hints()).containsExactly(amount(gross, "SPEND50", "26.20"), shipping(gross, "6.20"));
        World yen = World.eur().currency("JPY").product("A", "1200").shipping("600", "3000");
        yen.add("A", 2);
        yen.promo(promo("OFF10").priority(1).percent("10"));
        assertThat(yen.price().hints()).containsExactly(shipping(yen, "840"));
        assertThat(yen.price().hints().get(0).missingAmount().toDecimalString()).isEqualTo("840");
    }

    @Test
    void price_extremeThresholds_exactGapsWithoutOverflow() {
        World w = World.eur().product("A", "10.00");
        w.add("A", 1);
        Money max = Money.ofMinor(Long.MAX_VALUE, w.currency);
        Money min = Money.ofMinor(Long.MIN_VALUE, w.currency);
        w.promo(new Promotion("HUGE", null, 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ITEMS), new Promotion.Action.Percent(Rate.percent("10")),
                new Promotion.Conditions(max, Long.MAX_VALUE, Set.of(), Set.of(), null, null), null, 0, 0));
        w.promo(new Promotion("NEGATIVE", null, 1, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ITEMS), new Promotion.Action.BuyXGetY(Integer.MAX_VALUE,
                Integer.MAX_VALUE, Rate.ONE),
                new Promotion.Conditions(min, 0, Set.of(), Set.of(), null, null), null, 0, 0));
        assertThat(w.price().hints()).containsExactly(Hint.amount("HUGE", Money.ofMinor(Long.MAX_VALUE - 1000,
                w.currency)), Hint.units("HUGE", Long.MAX_VALUE - 1), Hint.units("NEGATIVE", Integer.MAX_VALUE));
    }

    @Test
    void price_thresholdsMet_noHintAndResultApplied() {
        World w = World.eur().product("A", "25.00").shipping("4.90", "50.00");
        w.add("A", 2);
        w.promo(promo("SPEND50").scope(Promotion.Scope.ORDER).amount("1.00", Promotion.Per.ORDER)
                .minSubtotal("50.00").minQuantity(2));
        PricedCart priced = w.price();
        assertThat(World.explanation(priced, "SPEND50").result()).isEqualTo(PromotionResult.APPLIED);
        assertThat(priced.hints()).as("49.00 after the discount: only the shipping gap")
                .isEqualTo(List.of(shipping(w, "1.00")));
    }
}
