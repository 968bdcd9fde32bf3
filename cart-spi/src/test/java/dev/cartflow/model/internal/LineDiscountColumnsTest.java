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

class LineDiscountColumnsTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void line_randomColumnsAndMasks_equalsTheEagerListOfTheMarkedColumnsInOrder() {
        long seed = 2027L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < 300; c++) {
            // up to 150 columns: masks of one, two and three words
            int columns = random.nextInt(151);
            int lines = random.nextInt(12);
            int words = (columns + 63) >>> 6;
            String[] ids = new String[columns];
            long[][] shares = new long[columns][lines + random.nextInt(3)];
            long[] masks = new long[lines * words];
            for (int k = 0; k < columns; k++) {
                ids[k] = "P" + k;
                for (int line = 0; line < lines; line++) {
                    shares[k][line] = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(100_000);
                    if (random.nextInt(4) != 0) {
                        masks[line * words + (k >>> 6)] |= 1L << k;
                    }
                }
            }
            LineDiscountColumns table = new LineDiscountColumns(ids, shares, masks, lines, EUR);
            for (int line = 0; line < lines; line++) {
                List<LineDiscount> eager = new ArrayList<>();
                for (int k = 0; k < columns; k++) {
                    if ((masks[line * words + (k >>> 6)] & 1L << k) != 0) {
                        eager.add(new LineDiscount(ids[k], Money.ofMinor(shares[k][line], EUR)));
                    }
                }
                List<LineDiscount> view = table.line(line);
                assertThat(view).as("seed %d case %d line %d", seed, c, line).isEqualTo(eager)
                        .containsExactlyElementsOf(eager);
                assertThat(view.hashCode()).isEqualTo(List.copyOf(eager).hashCode());
                assertThat(List.copyOf(eager)).isEqualTo(view);
            }
        }
    }

    @Test
    void line_anyChangeOrIndexOutside_refused() {
        LineDiscountColumns table = new LineDiscountColumns(new String[] {"P1", "P2"},
                new long[][] {{5, 0}, {7, 3}}, new long[] {0b11, 0b10}, 2, EUR);
        List<LineDiscount> first = table.line(0);
        LineDiscount other = new LineDiscount("P9", Money.ofMinor(1, EUR));
        assertThat(first).containsExactly(new LineDiscount("P1", Money.ofMinor(5, EUR)),
                new LineDiscount("P2", Money.ofMinor(7, EUR)));
        assertThat(table.line(1)).containsExactly(new LineDiscount("P2", Money.ofMinor(3, EUR)));
        assertThatThrownBy(() -> first.add(other)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> first.set(0, other)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> first.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> first.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> first.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> table.line(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void line_noMarkedColumn_emptyList() {
        LineDiscountColumns table = new LineDiscountColumns(new String[] {"P1"}, new long[][] {{5}}, new long[] {0},
                1, EUR);
        assertThat(table.line(0)).isEmpty();
    }

    @Test
    void constructor_mismatchedOrNullPartsOrBitOfNoColumn_invalidInput() {
        long[][] shares = {{5, 6}};
        for (Runnable bad : List.<Runnable>of(
                () -> new LineDiscountColumns(new String[] {"P1", "P2"}, shares, new long[2], 2, EUR),
                () -> new LineDiscountColumns(new String[] {null}, shares, new long[2], 2, EUR),
                () -> new LineDiscountColumns(new String[] {"P1"}, new long[][] {null}, new long[2], 2, EUR),
                () -> new LineDiscountColumns(new String[] {"P1"}, new long[][] {{5}}, new long[2], 2, EUR),
                () -> new LineDiscountColumns(new String[] {"P1"}, shares, new long[1], 2, EUR),
                () -> new LineDiscountColumns(new String[] {"P1"}, shares, new long[] {0b1, 0b10}, 2, EUR),
                () -> new LineDiscountColumns(null, shares, new long[2], 2, EUR),
                () -> new LineDiscountColumns(new String[] {"P1"}, shares, null, 2, EUR),
                () -> new LineDiscountColumns(new String[] {"P1"}, shares, new long[2], 2, null))) {
            assertThatThrownBy(bad::run).isInstanceOfSatisfying(CartException.class,
                    e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        }
    }

    @Test
    void pricedLine_withAColumnsView_keepsItAndEqualsTheEagerLine() {
        LineDiscountColumns table = new LineDiscountColumns(new String[] {"P1", "P2"}, new long[][] {{5}, {7}},
                new long[] {0b11}, 1, EUR);
        List<LineDiscount> view = table.line(0);
        List<LineDiscount> eager = List.of(new LineDiscount("P1", Money.ofMinor(5, EUR)),
                new LineDiscount("P2", Money.ofMinor(7, EUR)));
        Money m = Money.ofMinor(100, EUR);
        PricedLine a = new PricedLine(new LineId("l1"), Sku.of("S"), 1, m, m, m, m, m, m, List.of(), view);
        PricedLine b = new PricedLine(new LineId("l1"), Sku.of("S"), 1, m, m, m, m, m, m, List.of(), eager);
        assertThat(a.discounts()).isSameAs(view);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }
}
