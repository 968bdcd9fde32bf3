package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceChange;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.TaxAmount;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;

/**
 * The last pricing step: taxes the kept option's lines and shipping and builds the priced cart with
 * its figures, explanations and codes.
 */
final class PricedCartAssembly {
    private PricedCartAssembly() {
    }

    static PricedCart assemble(PricingInput input, PricingLines lines, List<Promotion> all, Outcomes outcomes,
                               PromotionPass kept, ShippingMethod method) {
        Currency currency = lines.currency();
        TaxCalculator calculator = new TaxCalculator(input.policy());
        boolean inclusive = calculator.inclusive();
        TaxTotals taxTotals = new TaxTotals(currency);
        int n = lines.size();
        // an array the result's list keeps (Lists.of), not a list PricedCart would copy
        PricedLine[] priced = new PricedLine[n];
        List<PriceChange> changes = null; // rarely needed
        long discount = 0;
        long lineTax = 0;
        long lineTotal = 0;
        // Money is an immutable record: equal amounts on one line share one instance, and zero is
        // shared by the whole cart, which saves most of the per-line allocations
        Money zero = Money.ofMinor(0, currency);
        LineDiscounts discounts = LineDiscounts.of(kept, n, currency);
        for (int i = 0; i < n; i++) {
            PriceQuote quote = lines.quote(i);
            LineItem item = lines.item(i);
            long original = lines.original(i);
            long running = kept.running(i);
            long lineDiscount = original - running;
            List<Rate> rates = quote.taxRates();
            long tax = calculator.tax(running, lines.quantity(i), rates);
            Money taxMoney = tax == 0 ? zero : Money.ofMinor(tax, currency);
            List<TaxAmount> taxes = taxTotals.add(rates, calculator, tax, taxMoney);
            long total = inclusive ? running : Arith.addAmounts(running, tax);
            Money unit = quote.unitPrice();
            Money subtotalMoney = original == unit.minor() ? unit : Money.ofMinor(original, currency);
            Money runningMoney = lineDiscount == 0 ? subtotalMoney : Money.ofMinor(running, currency);
            Money totalMoney = inclusive ? runningMoney : Money.ofMinor(total, currency);
            Money netMoney = inclusive ? Money.ofMinor(total - tax, currency) : runningMoney;
            priced[i] = new PricedLine(item.id(), item.sku(), item.quantity(), unit, subtotalMoney,
                    lineDiscount == 0 ? zero : Money.ofMinor(lineDiscount, currency), taxMoney, totalMoney, netMoney,
                    taxes, discounts.of(i));
            discount += lineDiscount;
            lineTax = Arith.addAmounts(lineTax, tax);
            lineTotal = Arith.addAmounts(lineTotal, total);
            Money added = item.addedUnitPrice();
            // Money.equals without the generated record equals: same amount, same currency
            if (added != null && (added.minor() != unit.minor() || !added.currency().equals(unit.currency()))) {
                if (changes == null) {
                    changes = new ArrayList<>(1);
                }
                changes.add(new PriceChange(item.id(), item.sku(), added, unit));
            }
        }
        long shipping = kept.shipping();
        long shippingTax = 0;
        if (method != null) {
            shippingTax = calculator.tax(shipping, 1, method.taxRates());
            taxTotals.add(method.taxRates(), calculator, shippingTax, null);
        }
        long tax = Arith.addAmounts(lineTax, shippingTax);
        long total = Arith.addAmounts(lineTotal, shipping);
        if (!inclusive) {
            total = Arith.addAmounts(total, shippingTax);
        }
        return new PricedCart(input.cart(), currency, Lists.of(priced), Money.ofMinor(lines.subtotal(), currency),
                Money.ofMinor(discount, currency), Money.ofMinor(shipping, currency),
                Money.ofMinor(kept.shippingBase() - shipping, currency), Money.ofMinor(shippingTax, currency),
                Money.ofMinor(tax, currency), taxTotals.toList(), Money.ofMinor(total, currency),
                Money.ofMinor(total - tax, currency), Explanations.of(all, outcomes, currency, zero),
                Explanations.codes(input.cart().codes(), all, outcomes), changes == null ? List.of() : changes,
                input.exchangeRate(), input.now(), lines.unavailable(), Set.of(),
                // the items' amount freeAbove was compared with: the subtotal less the line discounts
                QualificationHints.of(all, outcomes, n, lines.subtotal() - discount, method, currency));
    }
}
