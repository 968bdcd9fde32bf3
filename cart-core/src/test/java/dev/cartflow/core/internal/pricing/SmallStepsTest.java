package dev.cartflow.core.internal.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
                // few values (ties), many, or any up to the largest long (no overflow in the comparisons)
                int kind = random.nextInt(3);
                a[i] = kind == 2 ? Long.MAX_VALUE - random.nextInt(4) * (Long.MAX_VALUE / 3)
                        : random.nextInt(kind == 0 ? 4 : 1000);
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
        // both sides of the insertion sort's limit (8) and of the pairwise check's (32)
        for (int n : new int[] {2, 8, 9, 12, 32, 33, 40}) {
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

    @Test
    void evaluationOrder_randomLists_sameAsStableSortOfTheRule() {
        long seed = 2026L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < 3_000; c++) {
            int n = 1 + random.nextInt(40); // both sides of the insertion limit of 8 and the pairwise one of 32
            List<Promotion> promotions = new ArrayList<>();
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(i);
            }
            java.util.Collections.shuffle(ids, new java.util.Random(random.nextLong()));
            for (int i = 0; i < n; i++) {
                // few priorities so that ties fall to the id; ids of several lengths ("P1" < "P10" < "P2")
                PromoBuilder p = PromoBuilder.promo("P" + ids.get(i)).percent("1").priority(random.nextInt(3));
                if (random.nextInt(3) == 0) {
                    p.scope(Promotion.Scope.SHIPPING);
                }
                promotions.add(p.build(World.EUR));
            }
            List<Promotion> expected = new ArrayList<>(promotions);
            expected.sort(Comparator.comparing(PromotionOrder::isShipping)
                    .thenComparingInt(Promotion::priority).thenComparing(Promotion::id));
            assertThat(PromotionOrder.evaluationOrder(List.copyOf(promotions)))
                    .as("seed " + seed + " case " + c).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void evaluationOrder_fewWithEqualHashIds_duplicateOnlyWhenEqual() {
        // "Aa" and "BB" have the same String hash: the hash is only a first test, never the verdict
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        List<Promotion> distinct = List.of(PromoBuilder.promo("Aa").percent("1").build(World.EUR),
                PromoBuilder.promo("BB").percent("1").build(World.EUR));
        assertThat(PromotionOrder.evaluationOrder(distinct)).extracting(Promotion::id).containsExactly("Aa", "BB");
        List<Promotion> same = List.of(PromoBuilder.promo("BB").percent("1").build(World.EUR),
                PromoBuilder.promo("Aa").percent("1").build(World.EUR),
                PromoBuilder.promo("BB").percent("2").build(World.EUR));
        assertThatThrownBy(() -> PromotionOrder.evaluationOrder(same)).isInstanceOf(CartException.class)
                .extracting(e -> ((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
    }
}
