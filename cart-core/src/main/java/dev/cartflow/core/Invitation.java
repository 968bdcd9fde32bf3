package dev.cartflow.core;

import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import java.time.Instant;

/**
 * An invitation to a shared cart and its secret share token. The token is returned only here;
 * the cart keeps only its hash, so a lost token cannot be shown again: remove the participant and
 * invite again.
 *
 * @param cart          the cart with the new participant
 * @param participantId the participant's id, as events ({@code by = participant:<id>}) and the
 *                      audit trail name it and {@link CartEngine#removeParticipant} takes it
 * @param token         the secret share token (give it to the invited person only)
 * @param expiresAt     after this instant the token grants nothing
 */
public record Invitation(Cart cart, String participantId, String token, Instant expiresAt) {
    /**
     * The actor the invited person acts as.
     *
     * @return {@link Actor#participant(String)} with this token
     */
    public Actor actor() {
        return Actor.participant(token);
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "Invitation[cart=" + cart.id() + ", participant=" + participantId + ", token=***, expiresAt="
                + expiresAt + "]";
    }
}
