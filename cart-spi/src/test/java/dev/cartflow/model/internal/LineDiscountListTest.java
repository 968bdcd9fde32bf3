package dev.cartflow.model.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.LineId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineDiscountListTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void list_randomDiscounts_equalsTheEagerListAndHashesAlike() {
        SplittableRandom random = new SplittableRandom(14);
        for (int c = 0; c < 200; c++) {
            int n = random.nextInt(15);
            String[] ids = new String[n];
            long[] amounts = new long[n];
            List<LineDiscount> eager = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids[i] = "P" + random.nextInt(30);
                amounts[i] = 1 + random.nextInt(100_000);
                eager.add(new LineDiscount(ids[i], Money.ofMinor(amounts[i], EUR)));
            }
            LineDiscountList lazy = new LineDiscountList(ids, amounts, EUR);
            assertThat(lazy).as("case " + c).isEqualTo(eager).containsExactlyElementsOf(eager);
            assertThat(List.copyOf(eager)).isEqualTo(lazy);
            assertThat(lazy.hashCode()).isEqualTo(List.copyOf(eager).hashCode());
        }
    }

    @Test
    void list_anyChange_unsupported() {
        LineDiscountList list = new LineDiscountList(new String[] {"P1"}, new long[] {5}, EUR);
        LineDiscount other = new LineDiscount("P2", Money.ofMinor(1, EUR));
        assertThatThrownBy(() -> list.add(other)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, other)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(list::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(list).containsExactly(new LineDiscount("P1", Money.ofMinor(5, EUR)));
    }

    @Test
    void get_outsideTheList_indexOutOfBounds() {
        LineDiscountList list = new LineDiscountList(new String[] {"P1"}, new long[] {5}, EUR);
        assertThatThrownBy(() -> list.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> list.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void constructor_mismatchedOrNullParts_invalidInput() {
        for (Runnable bad : List.<Runnable>of(
                () -> new LineDiscountList(new String[] {"P1"}, new long[0], EUR),
                () -> new LineDiscountList(new String[] {null}, new long[] {1}, EUR),
                () -> new LineDiscountList(null, new long[0], EUR),
                () -> new LineDiscountList(new String[0], new long[0], null))) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(CartException.class,
                    e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        }
    }

    @Test
    void pricedLine_withTheList_keepsItAndEqualsTheEagerLine() {
        LineDiscountList lazy = new LineDiscountList(new String[] {"P1", "P2"}, new long[] {5, 7}, EUR);
        List<LineDiscount> eager = List.of(new LineDiscount("P1", Money.ofMinor(5, EUR)),
                new LineDiscount("P2", Money.ofMinor(7, EUR)));
        Money m = Money.ofMinor(100, EUR);
        PricedLine a = new PricedLine(new LineId("l1"), Sku.of("S"), 1, m, m, m, m, m, m, List.of(), lazy);
        PricedLine b = new PricedLine(new LineId("l1"), Sku.of("S"), 1, m, m, m, m, m, m, List.of(), eager);
        assertThat(a.discounts()).isSameAs(lazy);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void rangeConstructor_eachRangeOfSharedArrays_equalsTheEagerListOfThatRange() {
        SplittableRandom random = new SplittableRandom(15);
        int n = 40;
        String[] ids = new String[n];
        long[] amounts = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "P" + random.nextInt(30);
            amounts[i] = 1 + random.nextInt(100_000);
        }
        for (int c = 0; c < 200; c++) {
            int from = random.nextInt(n + 1);
            int to = from + random.nextInt(n - from + 1);
            List<LineDiscount> eager = new ArrayList<>();
            for (int i = from; i < to; i++) {
                eager.add(new LineDiscount(ids[i], Money.ofMinor(amounts[i], EUR)));
            }
            LineDiscountList range = new LineDiscountList(ids, amounts, from, to, EUR);
            assertThat(range).as("range %d..%d", from, to).hasSize(to - from).isEqualTo(eager);
            assertThat(range.hashCode()).isEqualTo(List.copyOf(eager).hashCode());
            assertThatThrownBy(() -> range.get(to - from)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Test
    void rangeConstructor_rangeOutsideTheArraysOrNullIdInside_invalidInput() {
        String[] ids = {"P1", null, "P3"};
        long[] amounts = {1, 2, 3};
        assertThat(new LineDiscountList(ids, amounts, 2, 3, EUR)).hasSize(1);
        for (Runnable bad : List.<Runnable>of(
                () -> new LineDiscountList(ids, amounts, -1, 1, EUR),
                () -> new LineDiscountList(ids, amounts, 2, 1, EUR),
                () -> new LineDiscountList(ids, amounts, 2, 4, EUR),
                () -> new LineDiscountList(ids, amounts, 0, 2, EUR))) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(CartException.class,
                    e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        }
    }
}
