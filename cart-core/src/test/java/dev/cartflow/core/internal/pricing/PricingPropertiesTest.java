package dev.cartflow.core.internal.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.TaxAmount;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of pricing over seeded random carts and promotions (no jqwik, see DESIGN.md). Every
 * failure message starts with the seed of the failing case, so {@code world(seed)} reproduces it.
 */
class PricingPropertiesTest {
    private static final int CASES_PER_SEED = 1500;
    private static final String[] CATEGORIES = {"a", "b", "c"};
    private static final String[] BRANDS = {"x", "y"};

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 8);
    }

    /** A random world: 0..12 lines, 0..7 promotions of every kind, random policy, currency and shipping. */
    static World world(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] currencies = {"EUR", "EUR", "JPY", "KWD"};
        World w = World.eur().currency(currencies[r.nextInt(currencies.length)]);
        RoundingMode[] modes = {RoundingMode.HALF_EVEN, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN};
        w.policy = new PricingPolicy(r.nextBoolean() ? PricingPolicy.TaxMode.EXCLUSIVE : PricingPolicy.TaxMode.INCLUSIVE,
                r.nextBoolean() ? PricingPolicy.TaxCalculation.LINE : PricingPolicy.TaxCalculation.UNIT,
                modes[r.nextInt(3)]);
        w.customerGroup = r.nextBoolean() ? "vip" : null;
        int lines = r.nextInt(13);
        String[] rates = {"0.19", "0.07", "0.2", "0.055", "0.125"};
        for (int i = 0; i < lines; i++) {
            int k = r.nextInt(3);
            String[] taxes = new String[k];
            for (int j = 0; j < k; j++) {
                taxes[j] = rates[r.nextInt(rates.length)];
            }
            String sku = "S" + i;
            w.item(sku, amount(r, w, 50_000), r.nextInt(4) == 0 ? null : CATEGORIES[r.nextInt(3)],
                    r.nextInt(3) == 0 ? null : BRANDS[r.nextInt(2)], taxes);
            w.add(sku, 1 + r.nextInt(r.nextBoolean() ? 3 : 20));
        }
        if (r.nextInt(3) > 0) {
            w.shipping(amount(r, w, 2_000), r.nextBoolean() ? amount(r, w, 100_000) : null,
                    r.nextBoolean() ? new String[] {"0.19"} : new String[0]);
        }
        int promotions = r.nextInt(8);
        for (int i = 0; i < promotions; i++) {
            w.promo(randomPromotion(r, w, "P" + i, lines));
        }
        if (r.nextBoolean()) {
            w.code("C1");
        }
        return w;
    }

    private static String amount(SplittableRandom r, World w, int maxMinor) {
        return Money.ofMinor(r.nextInt(maxMinor + 1), w.currency).toDecimalString();
    }

    private static PromoBuilder randomPromotion(SplittableRandom r, World w, String id, int lines) {
        PromoBuilder p = PromoBuilder.promo(id).priority(r.nextInt(4));
        Promotion.Scope[] scopes = Promotion.Scope.values();
        p.scope(scopes[r.nextInt(scopes.length)]);
        Promotion.Stacking[] stackings = Promotion.Stacking.values();
        p.stacking(r.nextInt(3) == 0 ? stackings[r.nextInt(stackings.length)] : Promotion.Stacking.STACKABLE);
        if (r.nextBoolean()) {
            p.original();
        }
        switch (r.nextInt(5)) {
            case 0 -> p.percent(r.nextInt(100) + (r.nextBoolean() ? ".5" : ""));
            case 1 -> p.amount(amount(r, w, 5_000), Promotion.Per.values()[r.nextInt(3)]);
            case 2 -> p.fixedPrice(amount(r, w, 20_000));
            case 3 -> p.buyGet(1 + r.nextInt(3), 1 + r.nextInt(2), r.nextBoolean() ? "100" : "50");
            default -> p.percent("100");
        }
        switch (r.nextInt(6)) {
            case 0 -> p.categories(CATEGORIES[r.nextInt(3)]);
            case 1 -> p.brands(BRANDS[r.nextInt(2)]);
            case 2 -> p.skus("S" + r.nextInt(Math.max(1, lines)));
            default -> {
            }
        }
        if (r.nextInt(4) == 0) {
            p.maxDiscount(amount(r, w, 3_000));
        }
        if (r.nextInt(5) == 0) {
            p.minSubtotal(amount(r, w, 50_000));
        }
        if (r.nextInt(6) == 0) {
            p.minQuantity(r.nextInt(6));
        }
        if (r.nextInt(8) == 0) {
            p.groups("vip");
        }
        if (r.nextInt(8) == 0) {
            p.code("C1");
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void price_randomCarts_totalsAreConsistent(long base) {
        for (int c = 0; c < CASES_PER_SEED; c++) {
            long seed = base * 1_000_003L + c;
            World w = world(seed);
            PricedCart p = w.price();
            String at = "seed " + seed;
            long discount = 0;
            long lineTotals = 0;
            long lineTax = 0;
            for (PricedLine line : p.lines()) {
                nonNegative(at, line.subtotal(), line.discount(), line.tax(), line.total(), line.net());
                long shares = 0;
                for (LineDiscount d : line.discounts()) {
                    assertThat(d.amount().minor()).as(at + " positive line share").isPositive();
                    shares += d.amount().minor();
                }
                long taxes = 0;
                for (TaxAmount t : line.taxes()) {
                    taxes += t.amount().minor();
                }
                assertThat(shares).as(at + " line shares add up to the line discount").isEqualTo(line.discount().minor());
                assertThat(taxes).as(at + " line taxes per rate add up").isEqualTo(line.tax().minor());
                long amount = line.subtotal().minor() - line.discount().minor();
                boolean inclusive = w.policy.taxMode() == PricingPolicy.TaxMode.INCLUSIVE;
                assertThat(line.total().minor()).as(at + " line total").isEqualTo(inclusive ? amount
                        : amount + line.tax().minor());
                discount += line.discount().minor();
                lineTotals += line.total().minor();
                lineTax += line.tax().minor();
            }
            nonNegative(at, p.subtotal(), p.discount(), p.shipping(), p.shippingDiscount(), p.shippingTax(), p.tax(),
                    p.total(), p.net());
            assertThat(discount).as(at + " sum of line discounts equals the cart discount")
                    .isEqualTo(p.discount().minor());
            boolean exclusiveMode = w.policy.taxMode() == PricingPolicy.TaxMode.EXCLUSIVE;
            assertThat(p.total().minor()).as(at + " total = lines + shipping (+ its tax when exclusive)")
                    .isEqualTo(lineTotals + p.shipping().minor() + (exclusiveMode ? p.shippingTax().minor() : 0));
            assertThat(p.tax().minor()).as(at + " tax = lines + shipping").isEqualTo(lineTax + p.shippingTax().minor());
            assertThat(p.net().minor()).as(at + " net").isEqualTo(p.total().minor() - p.tax().minor());
            long perRate = p.taxes().stream().mapToLong(t -> t.amount().minor()).sum();
            assertThat(perRate).as(at + " taxes per rate add up").isEqualTo(p.tax().minor());
            long itemPromotions = 0;
            long shippingPromotions = 0;
            for (PromotionExplanation e : p.promotions()) {
                nonNegative(at, e.amount());
                Promotion promotion = w.promotions.stream().filter(x -> x.id().equals(e.promotionId())).findFirst()
                        .orElseThrow();
                if (promotion.target().scope() == Promotion.Scope.SHIPPING) {
                    shippingPromotions += e.amount().minor();
                } else {
                    itemPromotions += e.amount().minor();
                }
                if (promotion.maxDiscount() != null) {
                    assertThat(e.amount()).as(at + " maxDiscount holds").isLessThanOrEqualTo(promotion.maxDiscount());
                }
            }
            assertThat(itemPromotions).as(at + " explanations add up to the discount").isEqualTo(p.discount().minor());
            assertThat(shippingPromotions).as(at + " shipping explanations add up")
                    .isEqualTo(p.shippingDiscount().minor());
            assertThat(p.promotions()).as(at + " every promotion explained").hasSize(w.promotions.size());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void price_twiceOrWithPromotionsReordered_sameResult(long base) {
        for (int c = 0; c < CASES_PER_SEED; c++) {
            long seed = base * 1_000_003L + c;
            World w = world(seed);
            PricedCart first = w.price();
            assertThat(w.price()).as("seed " + seed + " pricing twice").isEqualTo(first);
            List<Promotion> shuffled = new ArrayList<>(w.promotions);
            Collections.shuffle(shuffled, new Random(seed));
            w.promotions.clear();
            w.promotions.addAll(shuffled);
            assertThat(w.price()).as("seed " + seed + " promotions listed in another order").isEqualTo(first);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void price_orderAmount_allocatedExactlyByLargestRemainder(long base) {
        for (int c = 0; c < CASES_PER_SEED; c++) {
            long seed = base * 1_000_003L + c;
            SplittableRandom r = new SplittableRandom(seed);
            World w = World.eur();
            int n = 1 + r.nextInt(15);
            long[] amounts = new long[n];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                long price = r.nextInt(4) == 0 ? 0 : r.nextLong(1, r.nextBoolean() ? 100 : 1_000_000);
                int qty = 1 + r.nextInt(5);
                w.product("S" + i, Money.ofMinor(price, World.EUR).toDecimalString()).add("S" + i, qty);
                amounts[i] = price * qty;
                sum += amounts[i];
            }
            long value = sum == 0 ? 1 : r.nextLong(1, sum + 1);
            w.promo(PromoBuilder.promo("O").scope(Promotion.Scope.ORDER)
                    .amount(Money.ofMinor(value, World.EUR).toDecimalString(), Promotion.Per.ORDER));
            PricedCart p = w.price();
            String at = "seed " + seed;
            long[] expected = largestRemainder(sum == 0 ? 0 : value, amounts);
            long given = 0;
            for (int i = 0; i < n; i++) {
                assertThat(p.lines().get(i).discount().minor()).as(at + " share of line " + i).isEqualTo(expected[i]);
                given += p.lines().get(i).discount().minor();
            }
            assertThat(given).as(at + " shares add up exactly").isEqualTo(sum == 0 ? 0 : value);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void price_buyXGetY_matchesNaiveCheapestUnitsReference(long base) {
        for (int c = 0; c < CASES_PER_SEED / 3; c++) {
            long seed = base * 1_000_003L + c;
            SplittableRandom r = new SplittableRandom(seed);
            World w = World.eur();
            int n = 1 + r.nextInt(r.nextBoolean() ? 4 : 40);
            for (int i = 0; i < n; i++) {
                long price = r.nextInt(5) == 0 ? 500 : r.nextLong(1, r.nextBoolean() ? 20 : 100_000);
                w.product("S" + i, Money.ofMinor(price, World.EUR).toDecimalString()).add("S" + i, 1 + r.nextInt(7));
            }
            // a first order discount makes running unit prices non-integer and uneven
            w.promo(PromoBuilder.promo("A").priority(1).scope(Promotion.Scope.ORDER)
                    .amount(Money.ofMinor(r.nextInt(2_000), World.EUR).toDecimalString(), Promotion.Per.ORDER));
            long[] running = new long[n];
            long[] qty = new long[n];
            PricedCart before = w.price();
            for (int i = 0; i < n; i++) {
                running[i] = before.lines().get(i).subtotal().minor() - before.lines().get(i).discount().minor();
                qty[i] = before.lines().get(i).quantity();
            }
            int buy = 1 + r.nextInt(4);
            int get = 1 + r.nextInt(3);
            String percent = r.nextBoolean() ? "100" : "33.3";
            w.promo(PromoBuilder.promo("B").priority(2).buyGet(buy, get, percent));
            PricedCart p = w.price();
            long[] expected = naiveBuyXGetY(running, qty, buy, get, new java.math.BigDecimal(percent));
            for (int i = 0; i < n; i++) {
                long actual = p.lines().get(i).discounts().stream().filter(d -> d.promotionId().equals("B"))
                        .mapToLong(d -> d.amount().minor()).sum();
                assertThat(actual).as("seed " + seed + " line " + i).isEqualTo(expected[i]);
            }
        }
    }

    /** Every unit on its own, sorted by exact unit price then line, the cheapest ones discounted. */
    private static long[] naiveBuyXGetY(long[] running, long[] qty, int buy, int get, java.math.BigDecimal percent) {
        int n = running.length;
        List<int[]> units = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            for (int u = 0; u < qty[i]; u++) {
                units.add(new int[] {i});
            }
            total += qty[i];
        }
        units.sort((x, y) -> {
            int c = BigInteger.valueOf(running[x[0]]).multiply(BigInteger.valueOf(qty[y[0]]))
                    .compareTo(BigInteger.valueOf(running[y[0]]).multiply(BigInteger.valueOf(qty[x[0]])));
            return c != 0 ? c : Integer.compare(x[0], y[0]);
        });
        long free = (total / (buy + get)) * get + Math.max(0, total % (buy + get) - buy);
        long[] k = new long[n];
        for (int u = 0; u < free; u++) {
            k[units.get(u)[0]]++;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = new java.math.BigDecimal(running[i]).multiply(java.math.BigDecimal.valueOf(k[i])).multiply(percent)
                    .divide(java.math.BigDecimal.valueOf(qty[i] * 100), 0, RoundingMode.HALF_EVEN).longValueExact();
        }
        return out;
    }

    /** Reference allocation with BigInteger: floors, then one unit each to the largest remainders, earlier first. */
    private static long[] largestRemainder(long amount, long[] weights) {
        int n = weights.length;
        long[] out = new long[n];
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() == 0 || amount == 0) {
            return out;
        }
        BigInteger[] rem = new BigInteger[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            out[i] = qr[0].longValueExact();
            rem[i] = qr[1];
            given += out[i];
        }
        for (long left = amount - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (rem[i] != null && (best < 0 || rem[i].compareTo(rem[best]) > 0)) {
                    best = i;
                }
            }
            out[best]++;
            rem[best] = null;
        }
        return out;
    }

    private static void nonNegative(String at, Money... amounts) {
        for (Money m : amounts) {
            assertThat(m.minor()).as(at + " never negative").isNotNegative();
        }
    }

}
