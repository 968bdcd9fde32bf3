package dev.cartflow.core.internal.carts;

import dev.cartflow.core.CartLimits;
import dev.cartflow.core.internal.pipeline.EngineConfig;
import dev.cartflow.core.internal.rules.CommandRules;
import dev.cartflow.model.CartKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * The command rules of each {@link CartKind}, under that kind's limits: the engine's limits for a
 * shopping cart and for every kind without limits of its own.
 */
public final class RulesByKind {
    private final Map<CartKind, CommandRules> rules = new EnumMap<>(CartKind.class);

    /** The rules of an engine with this wiring. */
    public RulesByKind(EngineConfig config) {
        for (CartKind kind : CartKind.values()) {
            rules.put(kind, new CommandRules(limits(config, kind)));
        }
    }

    /**
     * The limits of a kind of cart in an engine.
     *
     * @param config the wiring
     * @param kind   the kind
     * @return its own limits, or the engine's
     */
    public static CartLimits limits(EngineConfig config, CartKind kind) {
        return config.kindLimits().getOrDefault(kind, config.limits());
    }

    /**
     * The rules for a kind of cart.
     *
     * @param kind the cart's kind
     * @return the rules under its limits
     */
    public CommandRules of(CartKind kind) {
        return rules.get(kind);
    }
}
