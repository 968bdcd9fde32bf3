package dev.cartflow.service;

import org.jspecify.annotations.Nullable;

/**
 * The shop's words for its promotions ("10 % off shoes"), which the engine does not keep: the
 * cart responses carry them beside each promotion result and hint so that a page can show them.
 * A bean of this type replaces the default, which has none.
 */
@FunctionalInterface
public interface PromotionDescriptions {

    /**
     * Describes a promotion.
     *
     * @param promotionId the promotion's id
     * @return the description, or null when the shop has none
     */
    @Nullable String describe(String promotionId);
}
