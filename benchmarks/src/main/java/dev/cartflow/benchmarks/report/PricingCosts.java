package dev.cartflow.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * The marginal costs of pricing, taken from the sweep's cells as differences, so that fixed costs
 * cancel: the cost of one more line is the slope between the two largest carts at a promotion count;
 * the cost of one promotion on one line is the difference between the most and the fewest promotions
 * at a cart size, divided by the promotions added and the lines.
 */
final class PricingCosts {
    /**
     * One derived figure.
     *
     * @param what  what it is, with the cells it comes from
     * @param mode  the tax mode (the pricing row's variant)
     * @param ns    nanoseconds
     */
    record Cost(String what, String mode, double ns) {
    }

    private PricingCosts() {
    }

    /** Per tax mode: per line at each promotion count, per promotion per line at each of the two largest carts. */
    static List<Cost> of(List<ResultRow> rows) {
        // differences are taken within the sweep: a cell measured in its own JVMs is a different experiment
        List<ResultRow> pricing = rows.stream().filter(r -> r.number("forks").isEmpty()).toList();
        List<Cost> costs = new ArrayList<>();
        TreeSet<Integer> lines = Rows.distinct(pricing, "lines");
        TreeSet<Integer> promotions = Rows.distinct(pricing, "promotions");
        for (String mode : Rows.variants(pricing)) {
            if (lines.size() >= 2) {
                int large = lines.last();
                int smaller = lines.lower(large);
                for (int p : promotions) {
                    OptionalDouble a = Rows.pricingNs(pricing, mode, smaller, p);
                    OptionalDouble b = Rows.pricingNs(pricing, mode, large, p);
                    if (a.isPresent() && b.isPresent()) {
                        costs.add(new Cost("per line, " + p + " promotions (" + smaller + " -> " + large + " lines)",
                                mode, (b.getAsDouble() - a.getAsDouble()) / (large - smaller)));
                    }
                }
            }
            if (promotions.size() >= 2) {
                int fewest = promotions.first();
                int most = promotions.last();
                for (int l : lines.descendingSet().stream().limit(2).sorted().toList()) {
                    OptionalDouble a = Rows.pricingNs(pricing, mode, l, fewest);
                    OptionalDouble b = Rows.pricingNs(pricing, mode, l, most);
                    if (a.isPresent() && b.isPresent()) {
                        costs.add(new Cost("per promotion per line, " + l + " lines (" + fewest + " -> " + most
                                + " promotions)", mode, (b.getAsDouble() - a.getAsDouble()) / ((most - fewest) * (double) l)));
                    }
                }
            }
        }
        return costs;
    }
}
