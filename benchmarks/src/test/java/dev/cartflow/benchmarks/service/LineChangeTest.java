package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineChangeTest {
    private static final List<String> SKUS = List.of("A", "B", "C", "D", "E", "F", "G");

    @Test
    void choose_emptyCart_addsAProductOfTheCatalog() {
        LineChange change = LineChange.choose(List.of(), SKUS, new SplittableRandom(1));

        assertThat(change).isInstanceOf(LineChange.Add.class);
        assertThat(SKUS).contains(((LineChange.Add) change).sku());
    }

    @Test
    void choose_fullCart_removesOneOfItsLines() {
        List<LineChange.Line> full = new ArrayList<>();
        for (int i = 0; i < LineChange.MAX_LINES; i++) {
            full.add(new LineChange.Line("line-" + i, SKUS.get(i), 1));
        }

        LineChange change = LineChange.choose(full, SKUS, new SplittableRandom(2));

        assertThat(change).isInstanceOf(LineChange.SetQuantity.class);
        LineChange.SetQuantity set = (LineChange.SetQuantity) change;
        assertThat(set.quantity()).isZero();
        assertThat(full).extracting(LineChange.Line::lineId).contains(set.lineId());
    }

    @Test
    void addMissing_cartHoldingEveryProduct_findsNothingAndOtherwiseAProductNotInTheCart() {
        List<LineChange.Line> all = new ArrayList<>();
        for (String sku : SKUS) {
            all.add(new LineChange.Line("line-" + sku, sku, 1));
        }
        List<LineChange.Line> allButLast = all.subList(0, all.size() - 1);

        assertThat(LineChange.addMissing(all, SKUS, new SplittableRandom(4))).isNull();
        assertThat(LineChange.addMissing(allButLast, SKUS, new SplittableRandom(4)))
                .isEqualTo(new LineChange.Add(SKUS.get(SKUS.size() - 1)));
    }

    @Test
    void choose_longSeededRun_keepsCartsSmallQuantitiesBoundedAndNeverAddsAProductTwice() {
        SplittableRandom random = new SplittableRandom(11);
        List<LineChange.Line> cart = new ArrayList<>();
        int adds = 0;
        int sets = 0;
        int nextLine = 0;
        for (int i = 0; i < 10_000; i++) {
            LineChange change = LineChange.choose(List.copyOf(cart), SKUS, random);
            if (change instanceof LineChange.Add add) {
                assertThat(cart).extracting(LineChange.Line::sku).doesNotContain(add.sku());
                cart.add(new LineChange.Line("line-" + nextLine++, add.sku(), 1));
                adds++;
            } else if (change instanceof LineChange.SetQuantity set) {
                assertThat(set.quantity()).isBetween(0, LineChange.MAX_QUANTITY);
                int at = indexOf(cart, set.lineId());
                assertThat(at).as("a line of the cart").isNotNegative();
                if (set.quantity() == 0) {
                    cart.remove(at);
                } else {
                    cart.set(at, new LineChange.Line(set.lineId(), cart.get(at).sku(), set.quantity()));
                }
                sets++;
            }
            assertThat(cart.size()).isLessThanOrEqualTo(LineChange.MAX_LINES);
        }
        assertThat(adds).as("adds").isGreaterThan(1_000);
        assertThat(sets).as("quantity changes").isGreaterThan(1_000);
    }

    private static int indexOf(List<LineChange.Line> cart, String lineId) {
        for (int i = 0; i < cart.size(); i++) {
            if (cart.get(i).lineId().equals(lineId)) {
                return i;
            }
        }
        return -1;
    }
}
