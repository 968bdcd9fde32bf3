package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.Hint;
import dev.cartflow.model.Money;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of hints over seeded random carts (no jqwik, see DESIGN.md); every failure message
 * starts with the seed of the failing case. Two kinds: hints only ever appear where the format
 * allows them, and a hint's gap is exact: adding exactly what it says qualifies, one minor unit or
 * one unit less does not.
 */
class QualificationHintsPropertiesTest {
    private static final int CASES_PER_SEED = 600;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 6);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void price_randomCarts_hintsOnlyWhereDue(long base) {
        for (int c = 0; c < CASES_PER_SEED; c++) {
            long seed = base * 1_000_003L + c;
            World w = PricingPropertiesTest.world(seed);
            PricedCart p = w.price();
            String at = "seed " + seed;
            Set<String> seen = new HashSet<>();
            int lastPromotion = -1;
            List<Hint> hints = p.hints();
            for (int h = 0; h < hints.size(); h++) {
                Hint hint = hints.get(h);
                assertThat(seen.add(hint.id() + " " + hint.kind())).as(at + " one hint per id and kind").isTrue();
                if (hint.subject() == Hint.Subject.SHIPPING) {
                    assertThat(h).as(at + " the shipping hint comes last").isEqualTo(hints.size() - 1);
                    continue;
                }
                int index = indexOf(p.promotions(), hint.id());
                assertThat(index).as(at + " promotion hints in evaluation order").isGreaterThanOrEqualTo(lastPromotion);
                lastPromotion = index;
                PromotionExplanation explanation = p.promotions().get(index);
                Promotion promotion = w.promotions.stream().filter(x -> x.id().equals(hint.id())).findFirst()
                        .orElseThrow();
                assertThat(explanation.result()).as(at + " only CONDITION_NOT_MET gets a hint")
                        .isEqualTo(PromotionResult.CONDITION_NOT_MET);
                assertThat(promotion.code() == null || w.codes.contains(promotion.code()))
                        .as(at + " never a hint for a code not applied").isTrue();
                Promotion.Conditions conditions = promotion.conditions();
                assertThat(conditions.customerGroups().isEmpty()
                        || conditions.customerGroups().contains(w.customerGroup)).as(at + " group holds").isTrue();
                if (hint.kind() == Hint.Kind.AMOUNT) {
                    assertThat(conditions.minSubtotal()).as(at + " an amount hint needs minSubtotal").isNotNull();
                    assertThat(hint.missingAmount().minor()).as(at + " at most the threshold")
                            .isLessThanOrEqualTo(conditions.minSubtotal().minor());
                } else {
                    long bound = promotion.action() instanceof Promotion.Action.BuyXGetY b
                            ? Math.max(conditions.minQuantity(), b.buy() + 1L) : conditions.minQuantity();
                    assertThat(hint.missingUnits()).as(at + " at most the units threshold").isLessThanOrEqualTo(bound);
                }
            }
            long items = p.subtotal().minor() - p.discount().minor();
            Money freeAbove = w.shipping == null ? null : w.shipping.freeAbove();
            boolean due = freeAbove != null && !p.lines().isEmpty() && items < freeAbove.minor();
            Optional<Hint> shipping = hints.stream().filter(x -> x.subject() == Hint.Subject.SHIPPING).findFirst();
            assertThat(shipping.isPresent()).as(at + " a shipping hint exactly when freeAbove is not reached")
                    .isEqualTo(due);
            if (due) {
                assertThat(shipping.get().missingAmount().minor()).as(at + " the shipping gap")
                        .isEqualTo(freeAbove.minor() - items);
            }
        }
    }

    private static int indexOf(List<PromotionExplanation> explanations, String id) {
        for (int i = 0; i < explanations.size(); i++) {
            if (explanations.get(i).promotionId().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no explanation for " + id);
    }

    /** What the promotion under test measures. */
    private enum Threshold { AMOUNT, UNITS, BUY_X_GET_Y, SHIPPING }

    /**
     * A cart of lines in categories a and b, an earlier percentage on b, and the promotion "T"
     * (targeting a, or everything) with one threshold; or, for {@code SHIPPING}, a method with a
     * {@code freeAbove}. A product "NEW" in category a (targeted by T, untouched by the earlier
     * promotion) is added with {@code newPrice} x {@code newQuantity} when the quantity is above 0.
     */
    private static World world(long seed, Threshold threshold, long newPrice, int newQuantity) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] currencies = {"EUR", "JPY", "KWD"};
        World w = World.eur().currency(currencies[r.nextInt(currencies.length)]);
        w.policy = new PricingPolicy(r.nextBoolean() ? PricingPolicy.TaxMode.EXCLUSIVE : PricingPolicy.TaxMode.INCLUSIVE,
                PricingPolicy.TaxCalculation.LINE, RoundingMode.HALF_EVEN);
        int lines = 1 + r.nextInt(6);
        long subtotal = 0;
        for (int i = 0; i < lines; i++) {
            long price = 1 + r.nextInt(20_000);
            int quantity = 1 + r.nextInt(4);
            w.item("S" + i, minor(w, price), r.nextBoolean() ? "a" : "b", null, "0.19");
            w.add("S" + i, quantity);
            subtotal += price * quantity;
        }
        w.promo(promo("EARLIER").priority(1).categories("b").percent(Integer.toString(1 + r.nextInt(60))));
        PromoBuilder t = promo("T").priority(2).scope(r.nextBoolean() ? Promotion.Scope.ITEMS : Promotion.Scope.ORDER);
        if (r.nextBoolean()) {
            t.categories("a");
        }
        switch (threshold) {
            case AMOUNT -> w.promo(t.percent("10").minSubtotal(minor(w, 1 + r.nextLong(2 * subtotal + 10))));
            case UNITS -> w.promo(t.percent("10").minQuantity(1 + r.nextInt(30)));
            case BUY_X_GET_Y -> w.promo(t.scope(Promotion.Scope.ITEMS).buyGet(1 + r.nextInt(25), 1 + r.nextInt(3),
                    "100"));
            case SHIPPING -> w.shipping(minor(w, 1 + r.nextInt(900)), minor(w, 1 + r.nextLong(2 * subtotal + 10)));
        }
        if (newQuantity > 0) {
            w.item("NEW", minor(w, newPrice), "a", null, "0.19");
            w.add("NEW", newQuantity);
        }
        return w;
    }

    private static String minor(World w, long minor) {
        return Money.ofMinor(minor, w.currency).toDecimalString();
    }

    private static Optional<Hint> hint(PricedCart priced, String id, Hint.Kind kind) {
        return priced.hints().stream().filter(h -> h.id().equals(id) && h.kind() == kind).findFirst();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void price_addingExactlyTheGap_qualifiesAndOneLessDoesNot(long base) {
        int checked = 0;
        for (int c = 0; c < CASES_PER_SEED; c++) {
            long seed = base * 1_000_003L + c;
            Threshold threshold = Threshold.values()[c % Threshold.values().length];
            String id = threshold == Threshold.SHIPPING ? Hint.SHIPPING_ID : "T";
            Hint.Kind kind = threshold == Threshold.AMOUNT || threshold == Threshold.SHIPPING ? Hint.Kind.AMOUNT
                    : Hint.Kind.UNITS;
            Optional<Hint> found = hint(world(seed, threshold, 0, 0).price(), id, kind);
            if (found.isEmpty()) {
                continue; // the cart already qualifies
            }
            checked++;
            String at = "seed " + seed + " " + threshold;
            Hint gap = found.get();
            boolean amount = kind == Hint.Kind.AMOUNT;
            long missing = amount ? gap.missingAmount().minor() : gap.missingUnits();
            PricedCart closed = amount ? world(seed, threshold, missing, 1).price()
                    : world(seed, threshold, 1 + seed % 500, (int) missing).price();
            assertThat(hint(closed, id, kind)).as(at + ": adding " + missing + " closes the gap").isEmpty();
            if (threshold == Threshold.BUY_X_GET_Y) {
                assertThat(World.explanation(closed, "T").amount().minor()).as(at + " a unit is discounted")
                        .isPositive();
            }
            if (threshold == Threshold.SHIPPING) {
                assertThat(closed.shipping().minor()).as(at + " shipping is free").isZero();
            }
            if (missing > 1) {
                PricedCart almost = amount ? world(seed, threshold, missing - 1, 1).price()
                        : world(seed, threshold, 1 + seed % 500, (int) missing - 1).price();
                Hint left = hint(almost, id, kind).orElseThrow(() -> new AssertionError(at + ": one less qualified"));
                assertThat(amount ? left.missingAmount().minor() : left.missingUnits()).as(at + " one left").isEqualTo(1);
            }
        }
        assertThat(checked).as("cases with a gap").isGreaterThan(CASES_PER_SEED / 4);
    }
}
