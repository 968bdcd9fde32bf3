package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Money;
import dev.cartflow.model.Rate;
import dev.cartflow.model.TaxAmount;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

/** Tax per rate over the whole cart, in order of first appearance; rates equal in value are merged. */
final class TaxTotals {
    private final Currency currency;
    private Rate[] rates = new Rate[4];
    private long[] sums = new long[4];
    private int size;

    TaxTotals(Currency currency) {
        this.currency = currency;
    }

    /**
     * Adds one amount's tax per rate, as left by {@code calculator}, and returns that amount's own
     * list; {@code taxMoney}, when not null, is {@code tax}, the sum over the rates, as money.
     */
    List<TaxAmount> add(List<Rate> amountRates, TaxCalculator calculator, long tax, Money taxMoney) {
        int k = amountRates.size();
        if (k == 0) {
            return List.of();
        }
        if (k == 1) {
            // one rate: its tax is the whole tax, so the line's Money serves both
            Rate rate = amountRates.get(0);
            long t = calculator.perRate(0);
            sum(rate, t);
            return List.of(new TaxAmount(rate, taxMoney != null && t == tax ? taxMoney : Money.ofMinor(t, currency)));
        }
        TaxAmount[] own = new TaxAmount[k];
        for (int r = 0; r < k; r++) {
            Rate rate = amountRates.get(r);
            long t = calculator.perRate(r);
            own[r] = new TaxAmount(rate, Money.ofMinor(t, currency));
            sum(rate, t);
        }
        return List.of(own);
    }

    private void sum(Rate rate, long amount) {
        int at = indexOf(rate);
        if (at < 0) {
            if (size == rates.length) {
                rates = Arrays.copyOf(rates, size * 2);
                sums = Arrays.copyOf(sums, size * 2);
            }
            rates[size] = rate;
            at = size++;
        }
        sums[at] = Arith.addAmounts(sums[at], amount);
    }

    private int indexOf(Rate rate) {
        for (int j = 0; j < size; j++) {
            if (rates[j] == rate || TaxCalculator.sameRate(rates[j], rate)) {
                return j;
            }
        }
        return -1;
    }

    /** The totals, in order of first appearance. */
    List<TaxAmount> toList() {
        TaxAmount[] out = new TaxAmount[size];
        for (int j = 0; j < size; j++) {
            out[j] = new TaxAmount(rates[j], Money.ofMinor(sums[j], currency));
        }
        return Lists.of(out);
    }
}
