package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Sku;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Regression: one product that vanished from the catalog (or lost its price) made the whole cart unpriceable. */
class UnavailableLinesTest {

    @Test
    void price_productVanishedFromCatalog_lineFlaggedAndOthersPriced() {
        World w = World.eur().product("A", "10.00").product("B", "20.00").product("C", "30.00")
                .add("A", 1).add("B", 1).add("C", 1)
                .promo(promo("ORDER5").scope(Promotion.Scope.ORDER).amount("4.00", Promotion.Per.ORDER))
                .shipping("4.90", "35.00");
        w.products.remove(Sku.of("B"));

        PricedCart p = w.price();

        assertThat(p.unavailableLines()).containsExactly(new LineId("l2"));
        assertThat(p.allLinesPriced()).isFalse();
        assertThat(p.lines()).extracting(l -> l.sku().value()).containsExactly("A", "C");
        assertThat(p.subtotal().toDecimalString()).isEqualTo("40.00");
        // the order amount is allocated over A and C only: 1.00 and 3.00
        assertThat(World.line(p, "A").discount().toDecimalString()).isEqualTo("1.00");
        assertThat(World.line(p, "C").discount().toDecimalString()).isEqualTo("3.00");
        // 36.00 of items left reach freeAbove 35.00 without B
        assertThat(p.shipping().toDecimalString()).isEqualTo("0.00");
        assertThat(p.total().toDecimalString()).isEqualTo("36.00");
    }

    @Test
    void price_priceQuoteMissing_lineFlaggedAndOthersPriced() {
        World w = World.eur().product("A", "10.00").product("B", "20.00").add("A", 2).add("B", 1);
        w.prices.remove(Sku.of("A"));

        PricedCart p = w.price();

        assertThat(p.unavailableLines()).containsExactly(new LineId("l1"));
        assertThat(p.lines()).extracting(l -> l.sku().value()).containsExactly("B");
        assertThat(p.total().toDecimalString()).isEqualTo("20.00");
    }

    @Test
    void price_everyLineUnavailable_zeroTotalsWithoutShippingAndPromotionsWithoutTarget() {
        World w = World.eur().product("A", "10.00").add("A", 1).shipping("4.90", null)
                .promo(promo("P").percent("10"));
        w.products.clear();

        PricedCart p = w.price();

        assertThat(p.unavailableLines()).containsExactly(new LineId("l1"));
        assertThat(p.lines()).isEmpty();
        assertThat(p.total().minor()).isZero();
        assertThat(p.shipping().minor()).isZero();
        assertThat(World.explanation(p, "P").result()).isEqualTo(PromotionResult.NO_TARGET);
    }

    @Test
    void price_everyLineAvailable_noUnavailableLines() {
        PricedCart p = World.eur().product("A", "10.00").add("A", 1).price();
        assertThat(p.unavailableLines()).isEmpty();
        assertThat(p.allLinesPriced()).isTrue();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 4);
    }

    /** Pricing a cart with a vanished line gives exactly the figures of the same cart without that line. */
    @ParameterizedTest
    @MethodSource("seeds")
    void price_randomLineVanished_sameFiguresAsCartWithoutIt(long base) {
        for (int c = 0; c < 500; c++) {
            long seed = base * 7_919L + c;
            World w = PricingPropertiesTest.world(seed);
            if (w.lines.isEmpty()) {
                continue;
            }
            LineItem gone = w.lines.get(new SplittableRandom(seed).nextInt(w.lines.size()));
            if (new SplittableRandom(seed + 1).nextBoolean()) {
                w.products.remove(gone.sku());
            } else {
                w.prices.remove(gone.sku());
            }
            PricedCart withGone = w.price();
            w.lines.remove(gone);
            PricedCart without = w.price();

            String at = "seed " + seed;
            assertThat(withGone.unavailableLines()).as(at).isEqualTo(List.of(gone.id()));
            assertThat(withGone.lines()).as(at).isEqualTo(without.lines());
            assertThat(withGone.total()).as(at).isEqualTo(without.total());
            assertThat(withGone.tax()).as(at).isEqualTo(without.tax());
            assertThat(withGone.shipping()).as(at).isEqualTo(without.shipping());
            assertThat(withGone.taxes()).as(at).isEqualTo(without.taxes());
            assertThat(withGone.promotions()).as(at).isEqualTo(without.promotions());
            assertThat(withGone.codes()).as(at).isEqualTo(without.codes());
        }
    }
}
