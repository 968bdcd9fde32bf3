package dev.cartflow.core.internal.pricing;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Promotion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Evaluation order of promotions: lower priority first, ties to the lower id in string order. */
final class PromotionOrder {
    /** Item and order promotions before shipping ones, each group by {@link #compare}. */
    private static final Comparator<Promotion> EVALUATION = (a, b) -> {
        boolean sa = isShipping(a);
        boolean sb = isShipping(b);
        return sa != sb ? (sa ? 1 : -1) : compare(a, b);
    };
    /** Up to this many promotions, they are sorted by insertion; above, by a merge sort. */
    private static final int FEW = 8;
    /**
     * Up to this many promotions, ids are checked pairwise (by their cached hash codes first, at most
     * 496 comparisons of ints), which costs less than filling a hash set; above, a set.
     */
    private static final int PAIRWISE = 32;

    private PromotionOrder() {
    }

    static int compare(Promotion a, Promotion b) {
        int c = Integer.compare(a.priority(), b.priority());
        return c != 0 ? c : a.id().compareTo(b.id());
    }

    /**
     * Item and order promotions in priority order, then shipping promotions in theirs.
     *
     * @throws CartException {@code INVALID_INPUT} on two promotions with one id
     */
    static List<Promotion> evaluationOrder(List<Promotion> promotions) {
        if (promotions.isEmpty()) {
            return promotions;
        }
        Promotion[] all = promotions.toArray(new Promotion[0]);
        int p = all.length;
        if (p <= PAIRWISE) {
            int[] hashes = new int[p];
            for (int i = 0; i < p; i++) {
                String id = all[i].id();
                int hash = id.hashCode(); // String caches it: most pairs differ there without comparing characters
                for (int j = 0; j < i; j++) {
                    if (hashes[j] == hash && all[j].id().equals(id)) {
                        throw duplicate(id);
                    }
                }
                hashes[i] = hash;
            }
        } else {
            Set<String> ids = new HashSet<>();
            for (Promotion promotion : all) {
                if (!ids.add(promotion.id())) {
                    throw duplicate(promotion.id());
                }
            }
        }
        if (p <= FEW) {
            // stable like the merge sort below; the order is total (ids are unique), so both give one result
            for (int i = 1; i < p; i++) {
                Promotion promotion = all[i];
                int j = i - 1;
                while (j >= 0 && EVALUATION.compare(all[j], promotion) > 0) {
                    all[j + 1] = all[j];
                    j--;
                }
                all[j + 1] = promotion;
            }
        } else {
            Arrays.sort(all, EVALUATION);
        }
        return Arrays.asList(all);
    }

    private static CartException duplicate(String id) {
        return CartException.invalidInput("duplicate promotion id " + id);
    }

    static boolean isShipping(Promotion promotion) {
        return promotion.target().scope() == Promotion.Scope.SHIPPING;
    }
}
