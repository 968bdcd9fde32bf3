package dev.cartflow.jdbi;

import dev.cartflow.model.Cart;
import dev.cartflow.model.Participant;
import java.util.ArrayList;
import java.util.List;

/**
 * The participants of the carts of one write as the parallel arrays of {@link CartSql#NEW_PARTICIPANTS}
 * (one element per participant, in invitation order).
 */
final class ParticipantRows {
    private final List<String> carts = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();
    private final List<Boolean> checkouts = new ArrayList<>();
    private final List<String> invited = new ArrayList<>();
    private final List<Integer> invitedNs = new ArrayList<>();
    private final List<String> expires = new ArrayList<>();
    private final List<Integer> expiresNs = new ArrayList<>();

    ParticipantRows(List<Cart> of) {
        for (Cart cart : of) {
            int position = 0;
            for (Participant p : cart.participants()) {
                carts.add(cart.id().toString());
                positions.add(position++);
                ids.add(p.id());
                tokens.add(p.tokenHash());
                roles.add(p.role().name());
                checkouts.add(p.mayCheckout());
                invited.add(CartRows.text(p.invitedAt()));
                invitedNs.add(CartRows.nanos(p.invitedAt()));
                expires.add(CartRows.text(p.expiresAt()));
                expiresNs.add(CartRows.nanos(p.expiresAt()));
            }
        }
    }

    boolean isEmpty() {
        return carts.isEmpty();
    }

    NamedSql.Params bind(NamedSql.Params params) {
        return params.text("participantCarts", carts)
                .int4("participantPositions", positions)
                .text("participantIds", ids)
                .text("participantTokens", tokens)
                .text("participantRoles", roles)
                .bool("participantCheckouts", checkouts)
                .text("participantInvited", invited)
                .int4("participantInvitedNs", invitedNs)
                .text("participantExpires", expires)
                .int4("participantExpiresNs", expiresNs);
    }
}
