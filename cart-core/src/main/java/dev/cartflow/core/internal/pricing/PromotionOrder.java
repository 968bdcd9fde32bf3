package dev.cartflow.core.internal.pricing;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Promotion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Evaluation order of promotions: lower priority first, ties to the lower id in string order. */
final class PromotionOrder {
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
        List<Promotion> all = new ArrayList<>(promotions);
        int p = all.size();
        // a few promotions are checked pairwise; a set only pays for itself with more
        Set<String> ids = p > 8 ? new HashSet<>() : null;
        for (int i = 0; i < p; i++) {
            Promotion promotion = all.get(i);
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
        all.sort((a, b) -> {
            boolean sa = isShipping(a);
            boolean sb = isShipping(b);
            return sa != sb ? (sa ? 1 : -1) : compare(a, b);
        });
        return all;
    }

    static boolean isShipping(Promotion promotion) {
        return promotion.target().scope() == Promotion.Scope.SHIPPING;
    }
}
