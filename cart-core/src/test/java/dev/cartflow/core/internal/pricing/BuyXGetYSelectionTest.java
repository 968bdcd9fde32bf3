package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.PricedCart;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Buy X get Y's choice of the cheapest units against a plain reference (every unit listed, sorted
 * by unit price, ties to the earlier line), on both of its selections: the integer unit-price keys
 * (16 or more targeted lines, every quantity up to 16) and the cross products (fewer lines, or a
 * quantity above 16 on a targeted line).
 */
class BuyXGetYSelectionTest {

    @Test
    void buyTwoGetOneHalfOff_randomCartsWithSmallOrLargeQuantities_discountsTheCheapestUnits() {
        long seed = 314L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < 400; c++) {
            boolean large = c % 2 == 1; // odd cases have a quantity above 16, so the keys are not used
            World world = World.eur();
            int n = 1 + random.nextInt(30); // from BuyXGetYOff.KEYS_FROM lines on, the keys are used
            long[] price = new long[n];
            int[] quantity = new int[n];
            for (int i = 0; i < n; i++) {
                // few distinct prices, so that lines tie at the threshold
                price[i] = 100 * (1 + random.nextInt(4)) + (random.nextBoolean() ? 0 : random.nextInt(50));
                quantity[i] = 1 + random.nextInt(16);
                world.product("S" + i, BigDecimal.valueOf(price[i], 2).toPlainString()).add("S" + i, quantity[i]);
            }
            if (large) {
                int at = random.nextInt(n);
                quantity[at] = 17 + random.nextInt(30);
                world.setQuantity("S" + at, quantity[at]);
            }
            world.promo(promo("B").buyGet(2, 1, "50"));
            PricedCart priced = world.price();
            long[] expected = reference(price, quantity, world);
            for (int i = 0; i < n; i++) {
                assertThat(World.line(priced, "S" + i).discount().minor())
                        .as("seed %d case %d line %d", seed, c, i).isEqualTo(expected[i]);
            }
        }
    }

    /** Each line's discount: half of the price of its units among the cheapest third of all units. */
    private static long[] reference(long[] price, int[] quantity, World world) {
        List<Integer> units = new ArrayList<>();
        for (int i = 0; i < price.length; i++) {
            for (int u = 0; u < quantity[i]; u++) {
                units.add(i);
            }
        }
        // List.sort is stable: equal prices keep line order
        units.sort(Comparator.comparingLong(i -> price[i]));
        long free = units.size() / 3;
        long[] discounted = new long[price.length];
        for (int u = 0; u < free; u++) {
            discounted[units.get(u)]++;
        }
        long[] out = new long[price.length];
        for (int i = 0; i < price.length; i++) {
            out[i] = BigDecimal.valueOf(price[i] * discounted[i]).multiply(new BigDecimal("0.5"))
                    .setScale(0, world.policy.rounding()).longValueExact();
        }
        return out;
    }
}
