package dev.cartflow.core.internal.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Rate;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The helpers of the pricing steps, on their own. */
class SmallStepsTest {

    @Test
    void listsOf_everyLength_sameElementsUnmodifiable() {
        for (int n = 0; n <= 12; n++) {
            Integer[] a = new Integer[n];
            for (int i = 0; i < n; i++) {
                a[i] = i * 7;
            }
            List<Integer> list = Lists.of(a);
            assertThat(list).as("length " + n).containsExactly(a);
            assertThatThrownBy(() -> list.add(1)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void kthLargest_randomArrays_matchesSort() {
        long seed = 77L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < 2_000; c++) {
            int n = 1 + random.nextInt(40);
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextInt(random.nextBoolean() ? 4 : 1000);
            }
            long[] sorted = a.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(n);
            assertThat(Allocation.kthLargest(a, n, k)).as("seed " + seed + " case " + c)
                    .isEqualTo(sorted[n - 1 - k]);
        }
    }

    @Test
    void sameRate_equalValueAtOtherScale_same() {
        assertThat(TaxCalculator.sameRate(Rate.parse("0.19"), new Rate(190, 3))).isTrue();
        assertThat(TaxCalculator.sameRate(new Rate(190, 3), Rate.parse("0.19"))).isTrue();
        assertThat(TaxCalculator.sameRate(Rate.parse("0.19"), Rate.parse("0.19"))).isTrue();
        assertThat(TaxCalculator.sameRate(Rate.parse("0.19"), new Rate(191, 3))).isFalse();
        assertThat(TaxCalculator.sameRate(Rate.parse("0.19"), Rate.parse("0.07"))).isFalse();
    }

    @Test
    void evaluationOrder_duplicateIdAmongManyOrFew_invalidInput() {
        for (int n : new int[] {2, 8, 9, 12}) {
            World w = World.eur();
            for (int i = 0; i < n - 1; i++) {
                w.promo(PromoBuilder.promo("P" + i).percent("1"));
            }
            w.promo(PromoBuilder.promo("P0").percent("2"));
            assertThatThrownBy(() -> PromotionOrder.evaluationOrder(w.promotions)).as(n + " promotions")
                    .isInstanceOf(CartException.class)
                    .extracting(e -> ((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
        }
    }

    @Test
    void evaluationOrder_manyDistinctIds_itemsByPriorityThenShipping() {
        World w = World.eur();
        for (int i = 0; i < 10; i++) {
            PromoBuilder p = PromoBuilder.promo("P" + i).percent("1").priority(10 - i);
            if (i % 3 == 0) {
                p.scope(dev.cartflow.model.Promotion.Scope.SHIPPING);
            }
            w.promo(p);
        }
        assertThat(PromotionOrder.evaluationOrder(w.promotions)).extracting(dev.cartflow.model.Promotion::id)
                .containsExactly("P8", "P7", "P5", "P4", "P2", "P1", "P9", "P6", "P3", "P0");
    }
}
