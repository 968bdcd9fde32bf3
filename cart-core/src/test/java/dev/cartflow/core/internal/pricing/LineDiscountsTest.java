package dev.cartflow.core.internal.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PromotionExplanation;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both forms of the line discounts show each line the shares above zero, in the promotions' order. */
class LineDiscountsTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void columnsAndRanges_randomShares_bothEqualTheSharesAboveZeroInOrder() {
        long seed = 1414L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int c = 0; c < 400; c++) {
            // up to 140 promotions that gave: one, two and three words of bits per line
            int givers = 1 + random.nextInt(140);
            int lines = 1 + random.nextInt(30);
            int words = (givers + 63) >>> 6;
            // a pass sized for more item promotions than gave has spare words: only ranges take those
            int passWords = words + (random.nextInt(4) == 0 ? 1 : 0);
            String[] ids = new String[givers];
            long[][] shares = new long[givers][lines];
            long[] givenTo = new long[lines * passWords];
            long[] givenToExact = new long[lines * words];
            int total = 0;
            int density = 1 + random.nextInt(4);
            for (int g = 0; g < givers; g++) {
                ids[g] = "P" + g;
                for (int line = 0; line < lines; line++) {
                    if (random.nextInt(density) == 0) {
                        shares[g][line] = 1 + random.nextInt(50_000);
                        givenTo[line * passWords + (g >>> 6)] |= 1L << g;
                        givenToExact[line * words + (g >>> 6)] |= 1L << g;
                        total++;
                    }
                }
            }
            LineDiscounts ranges = LineDiscounts.ranges(ids, shares, givenTo, passWords, total, lines, EUR);
            LineDiscounts columns = LineDiscounts.columns(ids, shares, givenToExact, lines, EUR);
            for (int line = 0; line < lines; line++) {
                List<LineDiscount> expected = new ArrayList<>();
                for (int g = 0; g < givers; g++) {
                    if (shares[g][line] > 0) {
                        expected.add(new LineDiscount(ids[g], Money.ofMinor(shares[g][line], EUR)));
                    }
                }
                assertThat(ranges.of(line)).as("seed %d case %d line %d ranges", seed, c, line).isEqualTo(expected);
                assertThat(columns.of(line)).as("seed %d case %d line %d columns", seed, c, line)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void price_manyPromotionsOnManyLines_eachLineShowsItsSharesInEvaluationOrderAddingUpToTheExplanations() {
        long seed = 1415L;
        SplittableRandom random = new SplittableRandom(seed);
        String[] categories = {"a", "b", "c"};
        for (int c = 0; c < 40; c++) {
            World world = World.eur();
            int lines = 16 + random.nextInt(30);
            for (int i = 0; i < lines; i++) {
                world.item("S" + i, (100 + random.nextInt(900)) + ".00", categories[random.nextInt(3)], "x", "0.19")
                        .add("S" + i, 1 + random.nextInt(4));
            }
            // over 64 item promotions (two words of bits per line), dense (all lines) or sparse (one sku)
            int promotions = 1 + random.nextInt(90);
            boolean sparse = random.nextInt(3) == 0;
            for (int k = 0; k < promotions; k++) {
                PromoBuilder promo = PromoBuilder.promo("P" + k).priority(random.nextInt(5)).percent("1");
                if (sparse) {
                    promo.skus("S" + random.nextInt(lines));
                } else if (random.nextBoolean()) {
                    promo.categories(categories[random.nextInt(3)]);
                }
                world.promo(promo);
            }
            PricedCart priced = world.price();
            String at = "seed " + seed + " case " + c;
            Map<String, Integer> order = new HashMap<>();
            for (int e = 0; e < priced.promotions().size(); e++) {
                order.put(priced.promotions().get(e).promotionId(), e);
            }
            Map<String, Long> sharesByPromotion = new HashMap<>();
            for (PricedLine line : priced.lines()) {
                long sum = 0;
                int last = -1;
                for (LineDiscount d : line.discounts()) {
                    assertThat(d.amount().minor()).as(at).isPositive();
                    assertThat(order.get(d.promotionId())).as(at + " evaluation order on " + line.sku())
                            .isGreaterThan(last);
                    last = order.get(d.promotionId());
                    sum += d.amount().minor();
                    sharesByPromotion.merge(d.promotionId(), d.amount().minor(), Long::sum);
                }
                assertThat(sum).as(at + " shares of " + line.sku()).isEqualTo(line.discount().minor());
            }
            for (PromotionExplanation e : priced.promotions()) {
                assertThat(sharesByPromotion.getOrDefault(e.promotionId(), 0L)).as(at + " " + e.promotionId())
                        .isEqualTo(e.amount().minor());
            }
        }
    }
}
