package dev.cartflow.core.internal.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Promotion;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Targeting by (category, brand) groups selects exactly the lines {@link Promotion.Target#matches} accepts. */
class TargetingGroupsTest {
    private static final String[] CATEGORIES = {"shoes", "shirts", "pants", null};
    private static final String[] BRANDS = {"acme", "globex", null};

    @Test
    void select_randomCartsAndFilters_sameLinesAsMatchesPerLine() {
        long seed = 2026L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < 300; c++) {
            World world = World.eur();
            // grouped from 16 lines on, line by line below; a third up to 150 lines, several words of bits per group
            int n = 1 + random.nextInt(c % 3 == 0 ? 150 : 40);
            for (int i = 0; i < n; i++) {
                // new String: equal values that are not the same instance must group together
                String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                world.item("S" + i, "1.00", category == null ? null : new String(category),
                        BRANDS[random.nextInt(BRANDS.length)]).add("S" + i, 1 + random.nextInt(3));
            }
            PricingLines lines = PricingLines.resolve(world.cart(), world.products, world.prices);
            Targeting targeting = new Targeting(lines);
            long[] running = lines.originalAmounts();
            for (int t = 0; t < 6; t++) {
                Promotion.Target target = new Promotion.Target(Promotion.Scope.ITEMS,
                        random.nextInt(4) == 0 ? Set.of(Sku.of("S" + random.nextInt(n))) : Set.of(),
                        random.nextBoolean() ? Set.of(CATEGORIES[random.nextInt(3)]) : Set.of(),
                        random.nextBoolean() ? Set.of(BRANDS[random.nextInt(2)]) : Set.of());
                Promotion promotion = new Promotion("P", null, 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                        target, new Promotion.Action.Percent(dev.cartflow.model.Rate.percent("10")),
                        Promotion.Conditions.NONE, null, 0, 0);
                List<Integer> expected = new ArrayList<>();
                for (int line = 0; line < lines.size(); line++) {
                    if (target.matches(lines.sku(line), lines.category(line), lines.brand(line))) {
                        expected.add(line);
                    }
                }
                targeting.select(promotion, running);
                List<Integer> selected = new ArrayList<>();
                for (int j = 0; j < targeting.count(); j++) {
                    selected.add(targeting.line(j));
                }
                assertThat(selected).as("seed %d case %d target %s", seed, c, target).isEqualTo(expected);
            }
        }
    }
}
