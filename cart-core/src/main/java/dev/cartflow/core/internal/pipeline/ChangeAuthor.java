package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.rules.ParticipantRules;
import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Participant;

/**
 * Who made a change, as the {@code by} attribute of every event of it records: {@code owner} (the
 * guest with the cart's token, or the customer owning it), {@code participant:<id>} (the random id
 * of the invitation), {@code support:<pseudonym>}, {@code service:<pseudonym>}, or {@code system}
 * for the engine's own jobs. Never personal data: staff ids and service names appear only as keyed
 * pseudonyms, customers and tokens not at all.
 */
public final class ChangeAuthor {
    /** The data key of the attribute on every event. */
    public static final String KEY = "by";
    /** The engine's own changes: expiry, abandonment, the maintenance jobs. */
    public static final String SYSTEM = "system";
    /** The cart's owner. */
    public static final String OWNER = "owner";

    private ChangeAuthor() {
    }

    /**
     * Who this actor is to this cart.
     *
     * @param config the engine (its pseudonym key)
     * @param actor  who acts
     * @param cart   the cart as stored before the change (it holds the participant's invitation)
     * @return the attribute's value
     */
    public static String of(EngineConfig config, Actor actor, Cart cart) {
        if (actor instanceof Actor.Support support) {
            return "support:" + config.pseudonyms().of("staff", support.staffId());
        } else if (actor instanceof Actor.Service service) {
            return "service:" + config.pseudonyms().of("service", service.name());
        } else if (actor instanceof Actor.Participant participant) {
            return ParticipantRules.holder(cart, GuestTokens.hash(participant.shareToken()))
                    .map(Participant::id).map(id -> "participant:" + id)
                    // Access let the participant in on this cart, so its invitation is there.
                    .orElseThrow(() -> CartException.internal("participant without invitation", null));
        }
        return OWNER;
    }
}
