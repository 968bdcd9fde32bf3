package dev.cartflow.benchmarks.service;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The line change a shopper makes: adding one unit of a product not yet in the cart
 * ({@code POST /carts/{id}/lines}) or setting a line's quantity ({@code PATCH}). The choice keeps
 * every cart small and every quantity within 0 to {@value #MAX_QUANTITY}, so that the load never
 * runs into a product's quantity limit or the cart's line limit: a realistic cart, and no 422 that
 * the mix itself provoked.
 */
sealed interface LineChange {
    /** The most distinct lines a load cart holds; at the limit a change removes a line. */
    int MAX_LINES = 5;
    /** The highest quantity a change sets. */
    int MAX_QUANTITY = 3;

    /** Add one unit of a product. */
    record Add(String sku) implements LineChange {
    }

    /** Set a line's quantity; 0 removes it. */
    record SetQuantity(String lineId, int quantity) implements LineChange {
    }

    /** A line of the cart as the last response showed it. */
    record Line(String lineId, String sku, int quantity) {
    }

    /**
     * The next change for a cart: an add when the cart is empty, a removal when it is full, else an
     * even choice between adding a product the cart lacks and setting a line to 1 to
     * {@value #MAX_QUANTITY} units.
     */
    static LineChange choose(List<Line> lines, List<String> skus, SplittableRandom random) {
        if (skus.isEmpty()) {
            throw new IllegalArgumentException("no products to add");
        }
        if (lines.isEmpty()) {
            return new Add(skus.get(random.nextInt(skus.size())));
        }
        Line line = lines.get(random.nextInt(lines.size()));
        if (lines.size() >= MAX_LINES) {
            return new SetQuantity(line.lineId(), 0);
        }
        if (random.nextBoolean()) {
            Add add = addMissing(lines, skus, random);
            if (add != null) {
                return add;
            }
        }
        return new SetQuantity(line.lineId(), 1 + random.nextInt(MAX_QUANTITY));
    }

    /** One unit of a random product the cart does not hold yet, or null when it holds them all. */
    static Add addMissing(List<Line> lines, List<String> skus, SplittableRandom random) {
        Set<String> inCart = lines.stream().map(Line::sku).collect(Collectors.toSet());
        List<String> missing = skus.stream().filter(sku -> !inCart.contains(sku)).toList();
        return missing.isEmpty() ? null : new Add(missing.get(random.nextInt(missing.size())));
    }
}
