package dev.cartflow.core.internal.sharing;

import dev.cartflow.core.Invitation;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.ShareSettings;
import dev.cartflow.core.internal.pipeline.Access;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.Lifecycle;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.rules.Change;
import dev.cartflow.core.internal.rules.ParticipantRules;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.internal.support.GuestTokens;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartState;
import dev.cartflow.model.Checks;
import dev.cartflow.model.Participant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Inviting to and removing from a shared cart, through the stages: the owner (or full support, or a
 * service granted it) invites with a fresh share token, of which only the hash is stored, and
 * removes a participant by id, which revokes the token at once.
 */
public final class Sharing {
    private final Stages stages;
    private final ShareSettings settings;
    private final GuestTokens tokens;

    /** Sharing over these stages, within these bounds. */
    public Sharing(Stages stages, ShareSettings settings) {
        this.stages = stages;
        this.settings = settings;
        // Share tokens are made, hashed and compared as guest tokens are: 256 random bits, SHA-256, constant time.
        this.tokens = new GuestTokens(stages.config().random());
    }

    /**
     * Invites a participant.
     *
     * @param actor       the owner, full support or a service granted {@code INVITE_PARTICIPANT}
     * @param id          the cart
     * @param role        view or edit
     * @param mayCheckout whether the participant may check out (edit only)
     * @param ttl         how long the token grants access, at most the configured longest
     * @param mutation    an expected version, or none; an idempotency key is refused, since the
     *                    token is returned once and a replay could not return it again
     * @return the invitation with its token
     */
    public Invitation invite(Actor actor, CartId id, Participant.Role role, boolean mayCheckout, Duration ttl,
                             Mutation mutation) {
        checkInvite(actor, id, role, mayCheckout, ttl, mutation);
        Access.Permit permit = stages.access().authorize(actor, CartOperation.INVITE_PARTICIPANT, id);
        return inviteChecked(actor, id, role, mayCheckout, ttl, mutation, permit);
    }

    /**
     * The input checks of an invitation, before anything else (so {@code INVALID_INPUT} comes before
     * {@code RATE_LIMITED}).
     *
     * @param actor       who
     * @param id          the cart
     * @param role        the role
     * @param mayCheckout the checkout flag
     * @param ttl         the time to live
     * @param mutation    the mutation
     */
    public void checkInvite(Actor actor, CartId id, Participant.Role role, boolean mayCheckout, Duration ttl,
                            Mutation mutation) {
        Failures.required(actor, "actor");
        Failures.required(id, "cart id");
        Failures.required(role, "participant role");
        Failures.required(ttl, "invitation time to live");
        Failures.required(mutation, "mutation");
        if (mayCheckout && role != Participant.Role.EDIT) {
            throw CartException.invalidInput("only an editing participant may check out");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(settings.maxTtl()) > 0) {
            throw CartException.invalidInput("an invitation lives more than zero and at most " + settings.maxTtl());
        }
        if (mutation.idempotencyKey() != null) {
            throw CartException.invalidInput("an invitation returns its token once and cannot be replayed");
        }
    }

    /**
     * The input checks of a removal, before anything else (so {@code INVALID_INPUT} comes before
     * {@code RATE_LIMITED}).
     *
     * @param actor         who
     * @param id            the cart
     * @param participantId the participant
     */
    public void checkRemove(Actor actor, CartId id, String participantId) {
        Failures.required(actor, "actor");
        Failures.required(id, "cart id");
        Checks.text(participantId, "participant id", 64);
    }

    private Invitation inviteChecked(Actor actor, CartId id, Participant.Role role, boolean mayCheckout, Duration ttl,
                                     Mutation mutation, Access.Permit permit) {
        String token = tokens.newToken();
        String participantId = "p-" + tokens.newToken().substring(0, 22);
        return stages.commit().run(CartOperation.INVITE_PARTICIPANT, mutation.expectedVersion() != null, now -> {
            Cart stored = stages.access().load(permit, id);
            Lifecycle.requireChangeable(stored, now, mutation);
            Instant expiresAt = now.plus(ttl);
            Participant invited = new Participant(participantId, GuestTokens.hash(token), role, mayCheckout, now,
                    expiresAt);
            Change change = ParticipantRules.invite(stored, invited, settings.maxParticipants(), now);
            Cart next = stages.lifecycle().changed(change.cart(), now);
            return Decision.write(new Invitation(next, participantId, token, expiresAt), List.of(stages.publish()
                    .write(ChangeAuthor.of(stages.config(), actor, stored), next, stored.version(), change.events(),
                            null)));
        });
    }

    /**
     * Removes a participant, revoking its token; also from a cart that is no longer active (a
     * participant may still read a checked-out cart until then). Removing an id the cart does not
     * have changes nothing.
     *
     * @param actor         the owner, full support or a service granted {@code REMOVE_PARTICIPANT}
     * @param id            the cart
     * @param participantId the participant
     * @return the cart without it
     */
    public Cart remove(Actor actor, CartId id, String participantId) {
        checkRemove(actor, id, participantId);
        Access.Permit permit = stages.access().authorize(actor, CartOperation.REMOVE_PARTICIPANT, id);
        return stages.commit().run(CartOperation.REMOVE_PARTICIPANT, false, now -> {
            Cart stored = stages.access().load(permit, id);
            Change change = ParticipantRules.remove(stored, participantId);
            if (change == null) {
                return Decision.answer(Lifecycle.present(stored, now));
            }
            // Revoking is no shopping activity: a closed or expired cart stays as it is otherwise.
            Cart next = Lifecycle.present(stored, now).state() == CartState.ACTIVE
                    ? stages.lifecycle().changed(change.cart(), now) : stages.lifecycle().rewritten(change.cart());
            return Decision.write(Lifecycle.present(next, now), List.of(stages.publish()
                    .write(ChangeAuthor.of(stages.config(), actor, stored), next, stored.version(), change.events(),
                            null)));
        });
    }
}
