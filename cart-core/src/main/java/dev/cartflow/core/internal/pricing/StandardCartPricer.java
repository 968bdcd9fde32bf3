package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceChange;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.TaxAmount;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The standard pricing function (docs/pricing-rules.md and the scenario format). Stateless: every
 * call builds its own {@link LineTable} and passes, so one instance serves all threads.
 */
final class StandardCartPricer implements CartPricer {
    static final StandardCartPricer INSTANCE = new StandardCartPricer();

    private static final String EXCLUDED_BY_EXCLUSIVE = "an exclusive promotion gives the customer more";
    private static final String EXCLUDED_BY_OTHERS = "another option gives the customer more";

    private StandardCartPricer() {
    }

    @Override
    public PricedCart price(PricingInput input) {
        try {
            return doPrice(input);
        } catch (CartException e) {
            throw e;
        } catch (ArithmeticException e) {
            throw new CartException(CartErrorCode.INVALID_INPUT, "amount overflow while pricing", e);
        } catch (RuntimeException e) {
            // a pure function over validated records should not fail otherwise; if it does, the
            // caller still gets the one exception type it was promised
            throw new CartException(CartErrorCode.INVALID_INPUT, "cannot price this input: " + e, e);
        }
    }

    private PricedCart doPrice(PricingInput input) {
        if (input == null) {
            throw CartException.invalidInput("pricing input must not be null");
        }
        Cart cart = input.cart();
        Currency currency = cart.currency();
        LineTable table = new LineTable(cart, input.products(), input.prices(), input.policy());
        ShippingMethod method = input.shippingMethod();
        if (method != null && !method.price().currency().equals(currency)) {
            throw new CartException(CartErrorCode.CURRENCY_MISMATCH,
                    "shipping method " + method.id() + " is priced in " + method.price().currency());
        }

        List<Promotion> all = ordered(input.promotions());
        int p = all.size();
        PromotionResult[] result = new PromotionResult[p];
        long[] amount = new long[p];
        String[] reason = new String[p];

        List<Promotion> stackable = new ArrayList<>(p);
        int[] stackableAt = new int[p];
        int stackableItems = 0;
        List<Integer> exclusiveAt = new ArrayList<>();
        for (int i = 0; i < p; i++) {
            Promotion promotion = all.get(i);
            String why = ineligible(promotion, cart, input, result, i);
            if (why != null) {
                reason[i] = why;
            } else if (promotion.stacking() == Promotion.Stacking.EXCLUSIVE) {
                exclusiveAt.add(i);
            } else {
                stackableAt[stackable.size()] = i;
                stackable.add(promotion);
                if (promotion.target().scope() != Promotion.Scope.SHIPPING) {
                    stackableItems++;
                }
            }
        }

        PromotionPass together = new PromotionPass(table, stackable, stackableItems);
        together.run(method);
        PromotionPass winner = together;
        PromotionPass[] alone = new PromotionPass[exclusiveAt.size()];
        for (int e = 0; e < alone.length; e++) {
            Promotion promotion = all.get(exclusiveAt.get(e));
            alone[e] = new PromotionPass(table, List.of(promotion),
                    promotion.target().scope() == Promotion.Scope.SHIPPING ? 0 : 1);
            alone[e].run(method);
            if (alone[e].totalDiscount() > 0 && better(alone[e], winner)) {
                winner = alone[e];
            }
        }

        for (int k = 0; k < together.size(); k++) {
            int i = stackableAt[k];
            if (winner != together && together.amounts[k] > 0) {
                result[i] = PromotionResult.EXCLUDED;
                reason[i] = EXCLUDED_BY_EXCLUSIVE;
            } else {
                result[i] = together.results[k];
                amount[i] = together.amounts[k];
                reason[i] = together.reasons[k];
            }
        }
        for (int e = 0; e < alone.length; e++) {
            int i = exclusiveAt.get(e);
            if (winner != alone[e] && alone[e].amounts[0] > 0) {
                result[i] = PromotionResult.EXCLUDED;
                reason[i] = EXCLUDED_BY_OTHERS;
            } else {
                result[i] = alone[e].results[0];
                amount[i] = alone[e].amounts[0];
                reason[i] = alone[e].reasons[0];
            }
        }
        return assemble(input, table, all, result, amount, reason, winner, method);
    }

    /** Item and order promotions in priority order, then shipping promotions in theirs. */
    private static List<Promotion> ordered(List<Promotion> promotions) {
        List<Promotion> all = new ArrayList<>(promotions);
        int p = all.size();
        // a few promotions are checked pairwise; a set only pays for itself with more
        Set<String> ids = p > 8 ? new HashSet<>() : null;
        for (int i = 0; i < p; i++) {
            Promotion promotion = all.get(i);
            if (promotion == null) {
                throw CartException.invalidInput("null promotion");
            }
            boolean duplicate = false;
            if (ids != null) {
                duplicate = !ids.add(promotion.id());
            } else {
                for (int j = 0; j < i && !duplicate; j++) {
                    duplicate = all.get(j).id().equals(promotion.id());
                }
            }
            if (duplicate) {
                throw CartException.invalidInput("duplicate promotion id " + promotion.id());
            }
        }
        if (p < 2) {
            return all;
        }
        all.sort((a, b) -> {
            boolean sa = a.target().scope() == Promotion.Scope.SHIPPING;
            boolean sb = b.target().scope() == Promotion.Scope.SHIPPING;
            return sa != sb ? (sa ? 1 : -1) : PromotionOrder.compare(a, b);
        });
        return all;
    }

    /**
     * Records why a promotion cannot apply at all, whatever the lines are, and returns the reason,
     * or null when it is eligible.
     */
    private static String ineligible(Promotion p, Cart cart, PricingInput input, PromotionResult[] result, int i) {
        Instant now = input.now();
        if (p.coded() && !cart.codes().contains(p.code())) {
            result[i] = PromotionResult.CODE_NOT_APPLIED;
            return "code " + p.code() + " is not on the cart";
        }
        if (p.conditions().validFrom() != null && now.isBefore(p.conditions().validFrom())) {
            result[i] = PromotionResult.NOT_STARTED;
            return "valid from " + p.conditions().validFrom();
        }
        if (p.conditions().validTo() != null && now.isAfter(p.conditions().validTo())) {
            result[i] = PromotionResult.EXPIRED;
            return "valid until " + p.conditions().validTo();
        }
        if (input.exhausted().contains(p.id())) {
            result[i] = PromotionResult.EXHAUSTED;
            return "no uses left";
        }
        Currency currency = cart.currency();
        if (!sameCurrency(p.conditions().minSubtotal(), currency) || !sameCurrency(p.maxDiscount(), currency)
                || p.action() instanceof Action.Amount a && !sameCurrency(a.amount(), currency)
                || p.action() instanceof Action.FixedPrice f && !sameCurrency(f.unitPrice(), currency)) {
            // a promotion set up for another market simply does not apply here; failing the whole
            // cart over it would punish the shopper for the merchant's catalog
            result[i] = PromotionResult.CONDITION_NOT_MET;
            return "its amounts are not in " + currency.getCurrencyCode();
        }
        return null;
    }

    private static boolean sameCurrency(Money money, Currency currency) {
        return money == null || money.currency().equals(currency);
    }

    /** Larger total discount wins; a tie goes to the option holding the first promotion in priority order. */
    private static boolean better(PromotionPass candidate, PromotionPass current) {
        long a = candidate.totalDiscount();
        long b = current.totalDiscount();
        if (a != b) {
            return a > b;
        }
        int ca = candidate.firstGiving();
        int cb = current.firstGiving();
        if (cb < 0) {
            return ca >= 0;
        }
        return ca >= 0 && PromotionOrder.compare(candidate.promotion(ca), current.promotion(cb)) < 0;
    }

    private static PricedCart assemble(PricingInput input, LineTable t, List<Promotion> all, PromotionResult[] result,
                                       long[] amount, String[] reason, PromotionPass winner, ShippingMethod method) {
        Cart cart = input.cart();
        Currency currency = t.currency;
        int n = t.n;
        TaxTotals taxTotals = new TaxTotals();
        List<PricedLine> lines = new ArrayList<>(n);
        List<PriceChange> changes = null; // rarely needed
        long subtotal = 0;
        long discount = 0;
        long lineTax = 0;
        long lineTotal = 0;
        // Money is an immutable record: equal amounts on one line share one instance, and zero is
        // shared by the whole cart, which saves most of the per-line allocations
        Money zero = Money.ofMinor(0, currency);
        for (int i = 0; i < n; i++) {
            PriceQuote quote = t.quotes[i];
            long running = winner.running[i];
            long lineDiscount = t.original[i] - running;
            List<Rate> rates = quote.taxRates();
            long tax = t.tax(running, t.quantity[i], rates);
            Money taxMoney = tax == 0 ? zero : Money.ofMinor(tax, currency);
            List<TaxAmount> taxes = taxTotals.add(rates, t.taxScratch, tax, taxMoney, currency);
            long total = t.inclusive ? running : Math.addExact(running, tax);
            Money unit = quote.unitPrice();
            Money subtotalMoney = t.original[i] == unit.minor() ? unit : Money.ofMinor(t.original[i], currency);
            Money runningMoney = lineDiscount == 0 ? subtotalMoney : Money.ofMinor(running, currency);
            Money totalMoney = t.inclusive ? runningMoney : Money.ofMinor(total, currency);
            Money netMoney = t.inclusive ? Money.ofMinor(total - tax, currency) : runningMoney;
            lines.add(new PricedLine(t.items[i].id(), t.skus[i], t.items[i].quantity(), unit, subtotalMoney,
                    lineDiscount == 0 ? zero : Money.ofMinor(lineDiscount, currency), taxMoney, totalMoney, netMoney,
                    taxes, lineDiscounts(winner, i, currency)));
            subtotal = Math.addExact(subtotal, t.original[i]);
            discount += lineDiscount;
            lineTax = Math.addExact(lineTax, tax);
            lineTotal = Math.addExact(lineTotal, total);
            LineItem item = t.items[i];
            Money added = item.addedUnitPrice();
            // Money.equals without the generated record equals: same amount, same currency
            if (added != null && (added.minor() != unit.minor() || !added.currency().equals(unit.currency()))) {
                if (changes == null) {
                    changes = new ArrayList<>(1);
                }
                changes.add(new PriceChange(item.id(), item.sku(), item.addedUnitPrice(), quote.unitPrice()));
            }
        }
        long shipping = winner.shippingRunning;
        long shippingTax = 0;
        if (method != null) {
            shippingTax = t.tax(shipping, 1, method.taxRates());
            taxTotals.add(method.taxRates(), t.taxScratch, shippingTax, null, currency);
        }
        long tax = Math.addExact(lineTax, shippingTax);
        long total = Math.addExact(lineTotal, shipping);
        if (!t.inclusive) {
            total = Math.addExact(total, shippingTax);
        }

        // arrays through listOf: PricedCart's List.copyOf keeps such a list instead of copying it
        PromotionExplanation[] explanations = new PromotionExplanation[all.size()];
        for (int i = 0; i < all.size(); i++) {
            Promotion promotion = all.get(i);
            explanations[i] = new PromotionExplanation(promotion.id(), promotion.code(), result[i],
                    amount[i] == 0 ? zero : Money.ofMinor(amount[i], currency), reason[i]);
        }
        List<String> cartCodes = cart.codes();
        CodeStatus[] codes = new CodeStatus[cartCodes.size()];
        for (int c = 0; c < codes.length; c++) {
            String code = cartCodes.get(c);
            boolean applies = false;
            for (int i = 0; i < all.size() && !applies; i++) {
                applies = code.equals(all.get(i).code()) && amount[i] > 0;
            }
            codes[c] = new CodeStatus(code, applies ? CodeStatus.State.APPLIED : CodeStatus.State.NOT_APPLICABLE);
        }
        return new PricedCart(cart, currency, lines, Money.ofMinor(subtotal, currency),
                Money.ofMinor(discount, currency), Money.ofMinor(shipping, currency),
                Money.ofMinor(winner.shippingBase - shipping, currency), Money.ofMinor(shippingTax, currency),
                Money.ofMinor(tax, currency), taxTotals.toList(currency), Money.ofMinor(total, currency),
                Money.ofMinor(total - tax, currency), listOf(explanations), listOf(codes),
                changes == null ? List.of() : changes, input.exchangeRate(),
                input.now());
    }

    /** The share of every promotion that gave this line something, in evaluation order. */
    private static List<LineDiscount> lineDiscounts(PromotionPass pass, int line, Currency currency) {
        int count = pass.sharesPerLine == null ? 0 : pass.sharesPerLine[line];
        if (count == 0) {
            return List.of();
        }
        LineDiscount[] out = new LineDiscount[count];
        int j = 0;
        for (int k = 0; k < pass.size() && j < count; k++) {
            if (pass.lineShares[k] != null && pass.lineShares[k][line] > 0) {
                out[j++] = new LineDiscount(pass.promotion(k).id(), Money.ofMinor(pass.lineShares[k][line], currency));
            }
        }
        return listOf(out);
    }

    /**
     * An unmodifiable list of the elements of {@code a}: up to ten through the fixed-arity
     * {@code List.of} overloads, which keep their argument array instead of copying it as
     * {@code List.of(array)} does.
     */
    private static <E> List<E> listOf(E[] a) {
        switch (a.length) {
            case 0: return List.of();
            case 1: return List.of(a[0]);
            case 2: return List.of(a[0], a[1]);
            case 3: return List.of(a[0], a[1], a[2]);
            case 4: return List.of(a[0], a[1], a[2], a[3]);
            case 5: return List.of(a[0], a[1], a[2], a[3], a[4]);
            case 6: return List.of(a[0], a[1], a[2], a[3], a[4], a[5]);
            case 7: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
            case 8: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]);
            case 9: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]);
            case 10: return List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]);
            default: return List.of(a);
        }
    }

    /** Tax per rate over the whole cart, in order of first appearance. */
    private static final class TaxTotals {
        private Rate[] rates = new Rate[4];
        private long[] sums = new long[4];
        private int size;

        /**
         * Adds one amount's tax per rate (from {@code perRate}) and returns that amount's own list;
         * {@code taxMoney}, when not null, is {@code tax}, the sum of {@code perRate}, as money.
         */
        List<TaxAmount> add(List<Rate> lineRates, long[] perRate, long tax, Money taxMoney, Currency currency) {
            int k = lineRates.size();
            if (k == 0) {
                return List.of();
            }
            if (k == 1) {
                // one rate: its tax is the whole tax, so the line's Money serves both
                Rate rate = lineRates.get(0);
                sum(rate, perRate[0]);
                return List.of(new TaxAmount(rate, taxMoney != null && perRate[0] == tax ? taxMoney
                        : Money.ofMinor(perRate[0], currency)));
            }
            TaxAmount[] own = new TaxAmount[k];
            for (int r = 0; r < k; r++) {
                Rate rate = lineRates.get(r);
                own[r] = new TaxAmount(rate, Money.ofMinor(perRate[r], currency));
                sum(rate, perRate[r]);
            }
            return List.of(own);
        }

        private void sum(Rate rate, long amount) {
            int at = indexOf(rate);
            if (at < 0) {
                if (size == rates.length) {
                    rates = java.util.Arrays.copyOf(rates, size * 2);
                    sums = java.util.Arrays.copyOf(sums, size * 2);
                }
                rates[size] = rate;
                at = size++;
            }
            sums[at] = Math.addExact(sums[at], amount);
        }

        private int indexOf(Rate rate) {
            for (int j = 0; j < size; j++) {
                if (rates[j] == rate || LineTable.sameRate(rates[j], rate)) {
                    return j;
                }
            }
            return -1;
        }

        List<TaxAmount> toList(Currency currency) {
            TaxAmount[] out = new TaxAmount[size];
            for (int j = 0; j < size; j++) {
                out[j] = new TaxAmount(rates[j], Money.ofMinor(sums[j], currency));
            }
            return listOf(out);
        }
    }
}
