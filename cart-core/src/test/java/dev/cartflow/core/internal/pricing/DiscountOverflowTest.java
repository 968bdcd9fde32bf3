package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Sku;
import org.junit.jupiter.api.Test;

/**
 * Regression: a promotion value that overflows once multiplied (a huge per-unit amount times units)
 * made the whole cart unpriceable. The model now refuses values above
 * {@link Promotion#MAX_AMOUNT_MINOR}; with the largest value it accepts, discounts saturate at what
 * the targeted lines can give.
 */
class DiscountOverflowTest {
    private static final String HUGE = Money.ofMinor(Promotion.MAX_AMOUNT_MINOR, World.EUR).toDecimalString();

    @Test
    void price_amountPerUnitOverflowingLong_discountSaturatesAtLineAmount() {
        PricedCart p = World.eur().product("A", "10.00").product("B", "5.00").add("A", 3).add("B", 1)
                .promo(promo("HUGE").skus("A").amount(HUGE, Promotion.Per.UNIT)).price();

        assertThat(World.line(p, "A").discount().toDecimalString()).isEqualTo("30.00");
        assertThat(World.line(p, "A").total().minor()).isZero();
        assertThat(World.line(p, "B").discount().minor()).isZero();
        assertThat(World.explanation(p, "HUGE").result()).isEqualTo(PromotionResult.CAPPED);
        assertThat(World.explanation(p, "HUGE").amount().toDecimalString()).isEqualTo("30.00");
        assertThat(p.total().toDecimalString()).isEqualTo("5.00");
    }

    @Test
    void price_amountPerLineSummingBeyondLong_eachLineCutToItsAmount() {
        PricedCart p = World.eur().product("A", "10.00").product("B", "5.00").product("C", "1.00")
                .add("A", 1).add("B", 2).add("C", 1)
                .promo(promo("HUGE").amount(HUGE, Promotion.Per.LINE)).price();

        assertThat(p.discount().toDecimalString()).isEqualTo("21.00");
        assertThat(p.total().minor()).isZero();
        assertThat(World.explanation(p, "HUGE").result()).isEqualTo(PromotionResult.CAPPED);
    }

    @Test
    void price_amountPerUnitOverflowingLongWithMaxDiscount_cappedAtMaxDiscount() {
        PricedCart p = World.eur().product("A", "10.00").add("A", 3)
                .promo(promo("HUGE").amount(HUGE, Promotion.Per.UNIT).maxDiscount("7.00")).price();

        assertThat(p.discount().toDecimalString()).isEqualTo("7.00");
        assertThat(World.explanation(p, "HUGE").result()).isEqualTo(PromotionResult.CAPPED);
        assertThat(World.explanation(p, "HUGE").reason()).isEqualTo("capped at its maxDiscount");
    }

    @Test
    void price_fixedPriceTimesUnitsBeyondLong_givesNothing() {
        PricedCart p = World.eur().product("A", "10.00").add("A", 3)
                .promo(promo("FIX").fixedPrice(HUGE)).price();

        assertThat(p.discount().minor()).isZero();
        assertThat(World.explanation(p, "FIX").result()).isEqualTo(PromotionResult.CONDITION_NOT_MET);
    }

    @Test
    void price_buyXGetYOnLineBeyond64BitProducts_exactDiscount() {
        // a running amount times the discounted units exceeds a long; the discount does not
        World w = World.eur().product("A", "1.00").add("A", 4);
        long unit = Long.MAX_VALUE / 8;
        w.prices.put(Sku.of("A"), PriceQuote.of(Sku.of("A"), Money.ofMinor(unit, World.EUR)));
        PricedCart p = w.promo(promo("B3G1").buyGet(3, 1, "50")).price();

        // half of one unit, rounded half-even
        long expected = unit / 2 + ((unit % 2 == 1 && (unit / 2) % 2 == 1) ? 1 : 0);
        assertThat(p.discount().minor()).isEqualTo(expected);
        assertThat(World.explanation(p, "B3G1").result()).isEqualTo(PromotionResult.APPLIED);
    }
}
