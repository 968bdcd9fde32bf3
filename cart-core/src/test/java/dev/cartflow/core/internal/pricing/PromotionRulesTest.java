package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static dev.cartflow.core.internal.pricing.World.explanation;
import static dev.cartflow.core.internal.pricing.World.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion.Per;
import dev.cartflow.model.Promotion.Scope;
import dev.cartflow.model.Promotion.Stacking;
import dev.cartflow.model.PromotionResult;
import org.junit.jupiter.api.Test;

class PromotionRulesTest {

    private static String s(Money m) {
        return m.toDecimalString();
    }

    private static PromotionResult result(PricedCart p, String id) {
        return explanation(p, id).result();
    }

    @Test
    void price_codedPromotionWithoutCode_codeNotApplied() {
        PricedCart p = World.eur().product("A", "10.00").promo(promo("C").code("C").percent("10")).add("A", 1).price();
        assertThat(result(p, "C")).isEqualTo(PromotionResult.CODE_NOT_APPLIED);
        assertThat(p.discount().isZero()).isTrue();
    }

    @Test
    void price_codeOnCart_statusPerCode() {
        PricedCart p = World.eur().product("A", "10.00")
                .promo(promo("C1").code("GOOD").percent("10"))
                .promo(promo("C2").code("LATER").percent("10").minSubtotal("100.00"))
                .add("A", 1).code("GOOD").code("LATER").code("UNKNOWN").price();
        assertThat(p.codes()).containsExactly(new CodeStatus("GOOD", CodeStatus.State.APPLIED),
                new CodeStatus("LATER", CodeStatus.State.NOT_APPLICABLE),
                new CodeStatus("UNKNOWN", CodeStatus.State.NOT_APPLICABLE));
        assertThat(result(p, "C2")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
        assertThat(explanation(p, "C1").code()).isEqualTo("GOOD");
    }

    @Test
    void price_oneCodeSeveralPromotions_allActivated() {
        PricedCart p = World.eur().product("A", "10.00").product("B", "20.00")
                .promo(promo("X1").code("DUO").skus("A").percent("10"))
                .promo(promo("X2").code("DUO").skus("B").percent("50"))
                .add("A", 1).add("B", 1).code("DUO").price();
        assertThat(s(p.discount())).isEqualTo("11.00");
        assertThat(p.codes().get(0).state()).isEqualTo(CodeStatus.State.APPLIED);
    }

    @Test
    void price_amountPerUnit_valueTimesTargetedUnits() {
        PricedCart p = World.eur().product("A", "10.00").product("B", "10.00")
                .promo(promo("U").skus("A").amount("2.00", Per.UNIT)).add("A", 3).add("B", 1).price();
        assertThat(s(p.discount())).isEqualTo("6.00");
        assertThat(s(line(p, "B").discount())).isEqualTo("0.00");
    }

    @Test
    void price_amountPerLine_valueOncePerTargetedLine() {
        PricedCart p = World.eur().product("A", "10.00").product("B", "10.00")
                .promo(promo("L").amount("2.00", Per.LINE)).add("A", 3).add("B", 1).price();
        assertThat(s(p.discount())).isEqualTo("4.00");
    }

    @Test
    void price_amountPerOrderOnItems_oneAmountAllocated() {
        PricedCart p = World.eur().product("A", "30.00").product("B", "10.00")
                .promo(promo("O").amount("4.00", Per.ORDER)).add("A", 1).add("B", 1).price();
        assertThat(s(line(p, "A").discount())).isEqualTo("3.00");
        assertThat(s(line(p, "B").discount())).isEqualTo("1.00");
    }

    @Test
    void price_amountPerUnitBeyondLine_cappedAtLine() {
        PricedCart p = World.eur().product("A", "1.00").promo(promo("U").amount("2.00", Per.UNIT)).add("A", 2).price();
        assertThat(s(p.discount())).isEqualTo("2.00");
        assertThat(result(p, "U")).isEqualTo(PromotionResult.CAPPED);
        assertThat(s(p.total())).isEqualTo("0.00");
    }

    @Test
    void price_amountOnZeroLine_cappedAtZero() {
        PricedCart p = World.eur().product("A", "10.00")
                .promo(promo("FREE").priority(1).percent("100"))
                .promo(promo("U").priority(2).amount("2.00", Per.UNIT)).add("A", 1).price();
        assertThat(result(p, "U")).isEqualTo(PromotionResult.CAPPED);
        assertThat(s(explanation(p, "U").amount())).isEqualTo("0.00");
    }

    @Test
    void price_percentOfZeroAmount_conditionNotMet() {
        PricedCart p = World.eur().product("A", "0.00").promo(promo("P").percent("10")).add("A", 1).price();
        assertThat(result(p, "P")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
    }

    @Test
    void price_fixedPrice_onlyWhereLower() {
        PricedCart p = World.eur().product("A", "10.00").product("B", "5.00")
                .promo(promo("F").fixedPrice("7.00")).add("A", 2).add("B", 1).price();
        assertThat(s(line(p, "A").discount())).isEqualTo("6.00");
        assertThat(s(line(p, "B").discount())).isEqualTo("0.00");
        assertThat(result(p, "F")).isEqualTo(PromotionResult.APPLIED);
    }

    @Test
    void price_fixedPriceNotBelowCurrent_conditionNotMet() {
        PricedCart p = World.eur().product("B", "5.00").promo(promo("F").fixedPrice("7.00")).add("B", 1).price();
        assertThat(result(p, "F")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
    }

    @Test
    void price_buyXGetYPooled_cheapestUnitsFree() {
        PricedCart p = World.eur().product("A", "10.00").product("B", "4.00")
                .promo(promo("B3G1").buyGet(3, 1, "100")).add("A", 2).add("B", 2).price();
        assertThat(s(line(p, "B").discount())).isEqualTo("4.00");
        assertThat(s(line(p, "A").discount())).isEqualTo("0.00");
    }

    @Test
    void price_buyXGetYEqualPrices_tiesToEarlierLine() {
        PricedCart p = World.eur().product("A", "5.00").product("B", "5.00")
                .promo(promo("B1G1").buyGet(1, 1, "100")).add("A", 2).add("B", 2).price();
        assertThat(s(line(p, "A").discount())).isEqualTo("10.00");
        assertThat(s(line(p, "B").discount())).isEqualTo("0.00");
    }

    @Test
    void price_buyXGetYPercent_partialDiscount() {
        PricedCart p = World.eur().product("A", "10.00").promo(promo("H").buyGet(3, 1, "50")).add("A", 4).price();
        assertThat(s(p.discount())).isEqualTo("5.00");
    }

    @Test
    void price_buyXGetYTooFewUnits_conditionNotMet() {
        PricedCart p = World.eur().product("A", "10.00").promo(promo("B3G1").buyGet(3, 1, "100")).add("A", 3).price();
        assertThat(result(p, "B3G1")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
    }

    @Test
    void price_buyXGetYAfterDiscount_usesExactRunningUnitPrice() {
        // 3 x 1.00 less 0.01 -> 2.99; one free unit is 2.99/3 = 0.99666.. -> 1.00
        PricedCart p = World.eur().product("A", "1.00")
                .promo(promo("O").priority(1).scope(Scope.ORDER).amount("0.01", Per.ORDER))
                .promo(promo("B2G1").priority(2).buyGet(2, 1, "100")).add("A", 3).price();
        assertThat(s(explanation(p, "B2G1").amount())).isEqualTo("1.00");
        assertThat(s(p.discount())).isEqualTo("1.01");
    }

    @Test
    void price_filters_lineMatchesAnyValueOfEveryFilter() {
        PricedCart p = World.eur().item("A", "10.00", "shoes", "acme").item("B", "10.00", "shoes", "globex")
                .item("C", "10.00", "hats", "acme").item("D", "10.00", null, null)
                .promo(promo("P").categories("shoes", "socks").brands("acme").percent("10"))
                .add("A", 1).add("B", 1).add("C", 1).add("D", 1).price();
        assertThat(s(line(p, "A").discount())).isEqualTo("1.00");
        assertThat(s(line(p, "B").discount())).isEqualTo("0.00");
        assertThat(s(line(p, "C").discount())).isEqualTo("0.00");
        assertThat(s(line(p, "D").discount())).isEqualTo("0.00");
    }

    @Test
    void price_noLineMatches_noTarget() {
        PricedCart p = World.eur().product("A", "10.00").promo(promo("P").skus("Z").percent("10")).add("A", 1).price();
        assertThat(result(p, "P")).isEqualTo(PromotionResult.NO_TARGET);
    }

    @Test
    void price_minSubtotal_judgedOnRunningAmount() {
        PricedCart p = World.eur().product("A", "50.00")
                .promo(promo("P1").priority(1).percent("10"))
                .promo(promo("P2").priority(2).amount("5.00", Per.ORDER).minSubtotal("50.00")).add("A", 1).price();
        assertThat(result(p, "P2")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
        assertThat(s(p.discount())).isEqualTo("5.00");
    }

    @Test
    void price_minQuantity_countsTargetedUnits() {
        World w = World.eur().product("A", "10.00").product("B", "10.00")
                .promo(promo("Q").skus("A").minQuantity(3).percent("10")).add("A", 2).add("B", 5);
        assertThat(result(w.price(), "Q")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
        assertThat(result(w.add("A", 1).price(), "Q")).isEqualTo(PromotionResult.APPLIED);
    }

    @Test
    void price_customerGroup_onlyForListedGroups() {
        World w = World.eur().product("A", "10.00").promo(promo("VIP").groups("vip").percent("10")).add("A", 1);
        assertThat(result(w.price(), "VIP")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
        w.customerGroup = "vip";
        assertThat(result(w.price(), "VIP")).isEqualTo(PromotionResult.APPLIED);
    }

    @Test
    void price_country_onlyForListedCountries() {
        World w = World.eur().product("A", "10.00").promo(promo("AT").countries("AT").percent("10")).add("A", 1);
        assertThat(result(w.price(), "AT")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
        w.country = "AT";
        assertThat(result(w.price(), "AT")).isEqualTo(PromotionResult.APPLIED);
    }

    @Test
    void price_validityWindow_notStartedExpiredAndInclusiveEnd() {
        String now = World.NOW.toString();
        PricedCart p = World.eur().product("A", "10.00")
                .promo(promo("FUTURE").validFrom("2030-01-01T00:00:00Z").percent("10"))
                .promo(promo("PAST").validTo("2020-01-01T00:00:00Z").percent("10"))
                .promo(promo("ENDS_NOW").validTo(now).percent("10"))
                .promo(promo("STARTS_NOW").validFrom(now).percent("10")).add("A", 1).price();
        assertThat(result(p, "FUTURE")).isEqualTo(PromotionResult.NOT_STARTED);
        assertThat(result(p, "PAST")).isEqualTo(PromotionResult.EXPIRED);
        assertThat(result(p, "ENDS_NOW")).isEqualTo(PromotionResult.APPLIED);
        assertThat(result(p, "STARTS_NOW")).isEqualTo(PromotionResult.APPLIED);
    }

    @Test
    void price_exhaustedPromotion_reportedAndNotApplied() {
        World w = World.eur().product("A", "10.00").promo(promo("P").percent("10")).add("A", 1);
        w.exhausted.add("P");
        PricedCart p = w.price();
        assertThat(result(p, "P")).isEqualTo(PromotionResult.EXHAUSTED);
        assertThat(p.discount().isZero()).isTrue();
    }

    @Test
    void price_maxDiscount_cappedTotalSplitByUncappedDiscounts() {
        // 50% of 30.00 and 10.00 = 15.00 + 5.00; cap 10.01 -> 7.5075 / 2.5025 -> 7.51 / 2.50
        PricedCart p = World.eur().product("A", "30.00").product("B", "10.00")
                .promo(promo("HALF").percent("50").maxDiscount("10.01")).add("A", 1).add("B", 1).price();
        assertThat(result(p, "HALF")).isEqualTo(PromotionResult.CAPPED);
        assertThat(s(explanation(p, "HALF").amount())).isEqualTo("10.01");
        assertThat(s(line(p, "A").discount())).isEqualTo("7.51");
        assertThat(s(line(p, "B").discount())).isEqualTo("2.50");
    }

    @Test
    void price_samePriority_lowerIdFirst() {
        PricedCart p = World.eur().product("A", "10.00")
                .promo(promo("B").stacking(Stacking.STOP_FURTHER).percent("10"))
                .promo(promo("A").stacking(Stacking.STOP_FURTHER).percent("20")).add("A", 1).price();
        assertThat(result(p, "A")).isEqualTo(PromotionResult.APPLIED);
        assertThat(result(p, "B")).isEqualTo(PromotionResult.STOPPED);
        assertThat(p.promotions()).extracting(e -> e.promotionId()).containsExactly("A", "B");
    }

    @Test
    void price_originalBasisAboveRunning_cappedAtRunning() {
        PricedCart p = World.eur().product("A", "100.00")
                .promo(promo("P1").priority(1).percent("50"))
                .promo(promo("P2").priority(2).original().percent("60")).add("A", 1).price();
        assertThat(result(p, "P2")).isEqualTo(PromotionResult.CAPPED);
        assertThat(s(explanation(p, "P2").amount())).isEqualTo("50.00");
        assertThat(s(p.total())).isEqualTo("0.00");
    }

    @Test
    void price_exclusiveBeatsStackables_stackablesExcluded() {
        PricedCart p = World.eur().product("A", "100.00")
                .promo(promo("P1").priority(1).percent("10"))
                .promo(promo("P2").priority(2).scope(Scope.ORDER).amount("5.00", Per.ORDER))
                .promo(promo("X").priority(3).stacking(Stacking.EXCLUSIVE).percent("20"))
                .promo(promo("Y").priority(0).stacking(Stacking.EXCLUSIVE).percent("12"))
                .promo(promo("Z").stacking(Stacking.EXCLUSIVE).percent("50").minSubtotal("1000.00"))
                .add("A", 1).price();
        assertThat(s(p.discount())).isEqualTo("20.00");
        assertThat(result(p, "X")).isEqualTo(PromotionResult.APPLIED);
        assertThat(result(p, "P1")).isEqualTo(PromotionResult.EXCLUDED);
        assertThat(result(p, "P2")).isEqualTo(PromotionResult.EXCLUDED);
        assertThat(result(p, "Y")).isEqualTo(PromotionResult.EXCLUDED);
        assertThat(result(p, "Z")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
    }

    @Test
    void price_stackablesBeatExclusive_exclusiveExcluded() {
        PricedCart p = World.eur().product("A", "100.00")
                .promo(promo("P1").priority(1).percent("10"))
                .promo(promo("P2").priority(2).percent("10"))
                .promo(promo("X").stacking(Stacking.EXCLUSIVE).percent("15")).add("A", 1).price();
        assertThat(s(p.discount())).isEqualTo("19.00");
        assertThat(result(p, "X")).isEqualTo(PromotionResult.EXCLUDED);
        assertThat(result(p, "P1")).isEqualTo(PromotionResult.APPLIED);
    }

    @Test
    void price_exclusiveTie_optionWithLowestPriorityWins() {
        World w = World.eur().product("A", "100.00")
                .promo(promo("P1").priority(1).percent("10"))
                .promo(promo("P2").priority(2).amount("5.00", Per.ORDER))
                .promo(promo("X").priority(5).stacking(Stacking.EXCLUSIVE).percent("15")).add("A", 1);
        PricedCart p = w.price();
        assertThat(result(p, "X")).isEqualTo(PromotionResult.EXCLUDED);
        assertThat(result(p, "P1")).isEqualTo(PromotionResult.APPLIED);

        PricedCart q = World.eur().product("A", "100.00")
                .promo(promo("P1").priority(1).percent("10"))
                .promo(promo("P2").priority(2).amount("5.00", Per.ORDER))
                .promo(promo("X").priority(0).stacking(Stacking.EXCLUSIVE).percent("15")).add("A", 1).price();
        assertThat(result(q, "X")).isEqualTo(PromotionResult.APPLIED);
        assertThat(result(q, "P1")).isEqualTo(PromotionResult.EXCLUDED);
    }

    @Test
    void price_exclusiveTieSamePriority_lowestIdWins() {
        PricedCart p = World.eur().product("A", "100.00")
                .promo(promo("XB").stacking(Stacking.EXCLUSIVE).percent("15"))
                .promo(promo("XA").stacking(Stacking.EXCLUSIVE).amount("15.00", Per.ORDER)).add("A", 1).price();
        assertThat(result(p, "XA")).isEqualTo(PromotionResult.APPLIED);
        assertThat(result(p, "XB")).isEqualTo(PromotionResult.EXCLUDED);
    }

    @Test
    void price_exclusiveFreeShipping_comparedIncludingShipping() {
        PricedCart p = World.eur().product("A", "100.00").shipping("30.00", null)
                .promo(promo("P1").percent("10"))
                .promo(promo("SHIP").scope(Scope.SHIPPING).stacking(Stacking.EXCLUSIVE).percent("100"))
                .add("A", 1).price();
        assertThat(result(p, "SHIP")).isEqualTo(PromotionResult.APPLIED);
        assertThat(result(p, "P1")).isEqualTo(PromotionResult.EXCLUDED);
        assertThat(s(p.shipping())).isEqualTo("0.00");
        assertThat(s(p.shippingDiscount())).isEqualTo("30.00");
        assertThat(s(p.total())).isEqualTo("100.00");
    }

    @Test
    void price_shippingPromotions_ownPriorityOrderOnRunningShipping() {
        PricedCart p = World.eur().product("A", "10.00").shipping("4.90", null)
                .promo(promo("S2").priority(-5).scope(Scope.SHIPPING).percent("50"))
                .promo(promo("S1").priority(-9).scope(Scope.SHIPPING).percent("50"))
                .promo(promo("S3").priority(-1).scope(Scope.SHIPPING).original().percent("10"))
                .promo(promo("I").priority(100).percent("10")).add("A", 1).price();
        // S1: 2.45; S2: 50% of 2.45 = 1.225 -> 1.22 (half even); S3: 10% of 4.90 = 0.49
        assertThat(s(explanation(p, "S1").amount())).isEqualTo("2.45");
        assertThat(s(explanation(p, "S2").amount())).isEqualTo("1.22");
        assertThat(s(explanation(p, "S3").amount())).isEqualTo("0.49");
        assertThat(s(p.shipping())).isEqualTo("0.74");
        assertThat(p.promotions()).extracting(e -> e.promotionId()).containsExactly("I", "S1", "S2", "S3");
    }

    @Test
    void price_shippingAmountAboveShipping_cappedAtShipping() {
        PricedCart p = World.eur().product("A", "10.00").shipping("4.90", null)
                .promo(promo("S").scope(Scope.SHIPPING).amount("10.00", Per.UNIT)).add("A", 1).price();
        assertThat(result(p, "S")).isEqualTo(PromotionResult.CAPPED);
        assertThat(s(explanation(p, "S").amount())).isEqualTo("4.90");
        assertThat(s(p.shipping())).isEqualTo("0.00");
    }

    @Test
    void price_shippingFixedPrice_setsShippingWhereLower() {
        PricedCart p = World.eur().product("A", "10.00").shipping("4.90", null)
                .promo(promo("S").scope(Scope.SHIPPING).fixedPrice("1.00")).add("A", 1).price();
        assertThat(s(p.shipping())).isEqualTo("1.00");
        assertThat(s(p.shippingDiscount())).isEqualTo("3.90");
    }

    @Test
    void price_shippingPromotionWhenShippingFree_conditionNotMet() {
        PricedCart p = World.eur().product("A", "60.00").shipping("4.90", "50.00")
                .promo(promo("S").scope(Scope.SHIPPING).percent("100")).add("A", 1).price();
        assertThat(result(p, "S")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
    }

    @Test
    void price_shippingPromotionFilters_lookAtLines() {
        World w = World.eur().item("A", "10.00", "bulky", null).product("B", "10.00").shipping("4.90", null)
                .promo(promo("S").scope(Scope.SHIPPING).categories("bulky").percent("100")).add("B", 1);
        assertThat(result(w.price(), "S")).isEqualTo(PromotionResult.NO_TARGET);
        assertThat(s(w.add("A", 1).price().shipping())).isEqualTo("0.00");
    }

    @Test
    void price_stopFurtherOnItems_stopsShippingPromotionsAfterItInPriorityOrder() {
        PricedCart p = World.eur().product("A", "10.00").shipping("4.90", null)
                .promo(promo("STOP").priority(5).stacking(Stacking.STOP_FURTHER).percent("10"))
                .promo(promo("EARLY").priority(0).scope(Scope.SHIPPING).percent("50"))
                .promo(promo("LATE").priority(6).scope(Scope.SHIPPING).percent("100")).add("A", 1).price();
        assertThat(result(p, "EARLY")).isEqualTo(PromotionResult.APPLIED);
        assertThat(result(p, "LATE")).isEqualTo(PromotionResult.STOPPED);
        assertThat(s(p.shipping())).isEqualTo("2.45");
    }

    @Test
    void price_freeAbove_judgedAfterDiscounts() {
        World w = World.eur().product("A", "60.00").shipping("4.90", "50.00")
                .promo(promo("P").percent("20"));
        assertThat(s(w.add("A", 1).price().shipping())).isEqualTo("4.90");
        w.promotions.clear();
        assertThat(s(w.price().shipping())).isEqualTo("0.00");
    }

    @Test
    void price_orderAllocation_zeroLineGetsZero() {
        PricedCart p = World.eur().product("GIFT", "0.00").product("B", "10.00")
                .promo(promo("O").scope(Scope.ORDER).amount("1.00", Per.ORDER)).add("GIFT", 1).add("B", 1).price();
        assertThat(s(line(p, "GIFT").discount())).isEqualTo("0.00");
        assertThat(s(line(p, "B").discount())).isEqualTo("1.00");
    }

    @Test
    void price_lineDiscounts_listedPerPromotion() {
        PricedCart p = World.eur().product("A", "100.00")
                .promo(promo("P1").priority(1).percent("10"))
                .promo(promo("P2").priority(2).scope(Scope.ORDER).amount("5.00", Per.ORDER)).add("A", 1).price();
        assertThat(line(p, "A").discounts()).extracting(d -> d.promotionId() + "=" + d.amount().toDecimalString())
                .containsExactly("P1=10.00", "P2=5.00");
    }

    @Test
    void price_promotionInOtherCurrency_conditionNotMet() {
        World w = World.eur().product("A", "10.00").add("A", 1);
        w.promo(promo("USD").amount("1.00", Per.ORDER).build(java.util.Currency.getInstance("USD")));
        PricedCart p = w.price();
        assertThat(result(p, "USD")).isEqualTo(PromotionResult.CONDITION_NOT_MET);
    }

    @Test
    void price_emptyCart_allZero() {
        PricedCart p = World.eur().product("A", "10.00").promo(promo("P").percent("10")).price();
        assertThat(p.total().isZero()).isTrue();
        assertThat(p.lines()).isEmpty();
        assertThat(result(p, "P")).isEqualTo(PromotionResult.NO_TARGET);
    }

    @Test
    void price_emptyCartWithShippingSelected_noShippingCharge() {
        PricedCart p = World.eur().product("A", "10.00").shipping("4.90", null, "0.19").price();
        assertThat(p.shipping().isZero()).isTrue();
        assertThat(p.shippingTax().isZero()).isTrue();
        assertThat(p.total().isZero()).isTrue();
    }
}
