package dev.cartflow.core.memory;

import dev.cartflow.model.Promotion;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionQuery;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe promotions in memory. Returns every promotion for every cart (the engine judges
 * conditions); codes match case-insensitively.
 */
public final class InMemoryPromotions implements PromotionProvider {
    private final Map<String, Promotion> promotions = new ConcurrentHashMap<>();

    /** None. */
    public InMemoryPromotions() {
    }

    /**
     * Adds or replaces a promotion by id.
     *
     * @param promotion the promotion; not null ({@code INVALID_INPUT})
     * @return these promotions
     */
    public InMemoryPromotions put(Promotion promotion) {
        if (promotion == null) {
            throw CartException.invalidInput("promotion must not be null");
        }
        promotions.put(promotion.id(), promotion);
        return this;
    }

    /**
     * Removes a promotion.
     *
     * @param id the promotion's id; an unknown one changes nothing
     */
    public void remove(String id) {
        promotions.remove(CartException.requireNonNull(id, "promotion id"));
    }

    @Override
    public List<Promotion> promotions(PromotionQuery query) {
        return List.copyOf(promotions.values());
    }

    @Override
    public List<Promotion> byCode(String code, Currency currency) {
        return promotions.values().stream()
                .filter(p -> p.code() != null && p.code().equalsIgnoreCase(code))
                .toList();
    }
}
