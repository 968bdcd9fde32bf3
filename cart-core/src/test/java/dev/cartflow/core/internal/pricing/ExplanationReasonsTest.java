package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import org.junit.jupiter.api.Test;

/** Every promotion outcome comes with the reason a developer reads in the explanation. */
class ExplanationReasonsTest {

    private static void explained(PricedCart p, String id, PromotionResult result, String amount, String reason) {
        PromotionExplanation e = World.explanation(p, id);
        assertThat(e.result()).as(id + " result").isEqualTo(result);
        assertThat(e.amount().toDecimalString()).as(id + " amount").isEqualTo(amount);
        assertThat(e.reason()).as(id + " reason").isEqualTo(reason);
    }

    @Test
    void price_promotionsThatCannotApply_reasonPerEligibilityRule() {
        World w = World.eur().product("A", "10.00").add("A", 1)
                .promo(promo("CODED").code("SAVE").percent("10"))
                .promo(promo("EARLY").percent("10").validFrom("2026-06-02T00:00:00Z"))
                .promo(promo("LATE").percent("10").validTo("2026-06-01T11:59:59Z"))
                .promo(promo("SPENT").percent("10"))
                .promo(promo("USD").amount("1.00", Promotion.Per.LINE).maxDiscount("1.00"));
        w.exhausted.add("SPENT");
        w.promotions.set(4, promo("USD").amount("1.00", Promotion.Per.LINE).build(java.util.Currency.getInstance("USD")));

        PricedCart p = w.price();

        explained(p, "CODED", PromotionResult.CODE_NOT_APPLIED, "0.00", "code SAVE is not on the cart");
        explained(p, "EARLY", PromotionResult.NOT_STARTED, "0.00", "valid from 2026-06-02T00:00:00Z");
        explained(p, "LATE", PromotionResult.EXPIRED, "0.00", "valid until 2026-06-01T11:59:59Z");
        explained(p, "SPENT", PromotionResult.EXHAUSTED, "0.00", "no uses left");
        explained(p, "USD", PromotionResult.CONDITION_NOT_MET, "0.00", "its amounts are not in EUR");
    }

    @Test
    void price_promotionsWhoseConditionsFail_reasonPerCondition() {
        World w = World.eur().item("A", "10.00", "shoes", null).add("A", 2)
                .promo(promo("GROUP").percent("10").groups("vip"))
                .promo(promo("COUNTRY").percent("10").countries("FR"))
                .promo(promo("NONE").percent("10").categories("hats"))
                .promo(promo("UNITS").percent("10").minQuantity(3))
                .promo(promo("AMOUNT").percent("10").minSubtotal("20.01"))
                .promo(promo("NOTHING").percent("0.01"));

        PricedCart p = w.price();

        explained(p, "GROUP", PromotionResult.CONDITION_NOT_MET, "0.00", "customer group not eligible");
        explained(p, "COUNTRY", PromotionResult.CONDITION_NOT_MET, "0.00", "ship-to country not eligible");
        explained(p, "NONE", PromotionResult.NO_TARGET, "0.00", "no line matches its filters");
        explained(p, "UNITS", PromotionResult.CONDITION_NOT_MET, "0.00", "fewer targeted units than 3");
        explained(p, "AMOUNT", PromotionResult.CONDITION_NOT_MET, "0.00", "targeted amount below 20.01 EUR");
        explained(p, "NOTHING", PromotionResult.CONDITION_NOT_MET, "0.00",
                "its action gives nothing on the targeted lines");
    }

    @Test
    void price_groupedCartAndCountryListed_conditionsHold() {
        World w = World.eur().product("A", "10.00").add("A", 1)
                .promo(promo("GROUP").percent("10").groups("vip"))
                .promo(promo("COUNTRY").percent("10").countries("DE", "FR"));
        w.customerGroup = "vip";

        PricedCart p = w.price();

        explained(p, "COUNTRY", PromotionResult.APPLIED, "1.00", "applied");
        explained(p, "GROUP", PromotionResult.APPLIED, "0.90", "applied");
    }

    @Test
    void price_linePromotionsCapped_reasonPerCap() {
        PricedCart p = World.eur().product("A", "10.00").product("B", "4.00").add("A", 1).add("B", 1)
                .promo(promo("FLOOR").priority(1).skus("B").amount("5.00", Promotion.Per.LINE))
                .promo(promo("CAP").priority(2).skus("A").percent("50").maxDiscount("2.00"))
                .promo(promo("CAPEXACT").priority(3).skus("A").amount("9.00", Promotion.Per.LINE).maxDiscount("8.00"))
                .price();

        explained(p, "FLOOR", PromotionResult.CAPPED, "4.00", "capped so that no amount goes below zero");
        explained(p, "CAP", PromotionResult.CAPPED, "2.00", "capped at its maxDiscount");
        // 9.00 off 8.00 left: the zero floor gives 8.00, which is exactly its maxDiscount
        explained(p, "CAPEXACT", PromotionResult.CAPPED, "8.00", "capped at its maxDiscount");
    }

    @Test
    void price_stopFurtherAndExclusive_reasonsOfTheOthers() {
        PricedCart p = World.eur().product("A", "100.00").add("A", 1)
                .promo(promo("STOP").priority(1).percent("10").stacking(Promotion.Stacking.STOP_FURTHER))
                .promo(promo("AFTER").priority(2).percent("10"))
                .promo(promo("SHIP").priority(3).scope(Promotion.Scope.SHIPPING).percent("10"))
                .promo(promo("BIG").priority(4).percent("50").stacking(Promotion.Stacking.EXCLUSIVE))
                .promo(promo("SMALL").priority(5).percent("5").stacking(Promotion.Stacking.EXCLUSIVE))
                .shipping("5.00", null)
                .price();

        explained(p, "AFTER", PromotionResult.STOPPED, "0.00", "a STOP_FURTHER promotion before it applied");
        explained(p, "SHIP", PromotionResult.STOPPED, "0.00", "a STOP_FURTHER promotion before it applied");
        explained(p, "STOP", PromotionResult.EXCLUDED, "0.00", "an exclusive promotion gives the customer more");
        explained(p, "SMALL", PromotionResult.EXCLUDED, "0.00", "another option gives the customer more");
        explained(p, "BIG", PromotionResult.APPLIED, "50.00", "applied");
        assertThat(p.total().toDecimalString()).isEqualTo("55.00");
    }

    @Test
    void price_shippingPromotions_reasonPerOutcome() {
        PricedCart p = World.eur().product("A", "10.00").add("A", 3).shipping("5.00", null)
                .promo(promo("BXGY").priority(1).scope(Promotion.Scope.SHIPPING).buyGet(1, 1, "100"))
                .promo(promo("FIXED").priority(2).scope(Promotion.Scope.SHIPPING).fixedPrice("6.00"))
                .promo(promo("CAP").priority(3).scope(Promotion.Scope.SHIPPING).percent("50").maxDiscount("1.00"))
                .promo(promo("FLOOR").priority(4).scope(Promotion.Scope.SHIPPING).amount("9.00", Promotion.Per.ORDER))
                .promo(promo("ZERO").priority(5).scope(Promotion.Scope.SHIPPING).percent("10"))
                .price();

        explained(p, "BXGY", PromotionResult.CONDITION_NOT_MET, "0.00", "buy X get Y does not apply to shipping");
        explained(p, "FIXED", PromotionResult.CONDITION_NOT_MET, "0.00", "its action gives nothing on the shipping");
        explained(p, "CAP", PromotionResult.CAPPED, "1.00", "capped at its maxDiscount");
        explained(p, "FLOOR", PromotionResult.CAPPED, "4.00", "capped so that shipping does not go below zero");
        explained(p, "ZERO", PromotionResult.CONDITION_NOT_MET, "0.00", "shipping is already zero");
        assertThat(p.shipping().minor()).isZero();
        assertThat(p.shippingDiscount().toDecimalString()).isEqualTo("5.00");
    }

    @Test
    void price_shippingPromotionFailingItsConditions_reasonOfTheCondition() {
        PricedCart p = World.eur().item("A", "10.00", "shoes", null).add("A", 1).shipping("5.00", null)
                .promo(promo("HATS").scope(Promotion.Scope.SHIPPING).percent("100").categories("hats"))
                .price();

        explained(p, "HATS", PromotionResult.NO_TARGET, "0.00", "no line matches its filters");
        assertThat(p.shipping().toDecimalString()).isEqualTo("5.00");
    }
}
