package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Promotion;

/** Evaluation order of promotions: lower priority first, ties to the lower id in string order. */
final class PromotionOrder {
    private PromotionOrder() {
    }

    static int compare(Promotion a, Promotion b) {
        int c = Integer.compare(a.priority(), b.priority());
        return c != 0 ? c : a.id().compareTo(b.id());
    }
}
