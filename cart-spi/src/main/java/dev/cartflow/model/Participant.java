package dev.cartflow.model;

import java.time.Instant;

/**
 * Someone the owner invited to a shared cart. The invitation's secret token is given to the owner
 * once; the cart keeps only its hash.
 *
 * @param id           a random id naming the participant in events and audit entries (never personal data)
 * @param tokenHash    the hash of the share token
 * @param role         what the participant may do
 * @param mayCheckout  whether the participant may check the cart out (only with role {@link Role#EDIT})
 * @param invitedAt    when the token was issued
 * @param expiresAt    after this instant the token no longer grants anything
 */
public record Participant(String id, String tokenHash, Role role, boolean mayCheckout, Instant invitedAt,
                          Instant expiresAt) {
    /**
     * Validates.
     *
     * @param id          a {@linkplain Checks#text text} of at most 64 characters
     * @param tokenHash   a {@linkplain Checks#text text} of at most 128 characters
     * @param role        not null
     * @param mayCheckout true only with role {@link Role#EDIT}
     * @param invitedAt   not null
     * @param expiresAt   not null; not compared with {@code invitedAt}
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when a component breaks its rule
     */
    public Participant {
        Checks.text(id, "participant id", 64);
        Checks.text(tokenHash, "participant token hash", 128);
        Checks.notNull(role, "participant role");
        Checks.notNull(invitedAt, "invited at");
        Checks.notNull(expiresAt, "participant expires at");
        if (mayCheckout && role != Role.EDIT) {
            throw dev.cartflow.error.CartException.invalidInput("only an editing participant may check out");
        }
    }

    /** What a participant may do. */
    public enum Role {
        /** Read the cart and its prices and follow its events. */
        VIEW,
        /** Also change lines, codes and shipping. */
        EDIT
    }

    /** Never prints the token hash. */
    @Override
    public String toString() {
        return "Participant[id=" + id + ", role=" + role + ", mayCheckout=" + mayCheckout + ", expiresAt=" + expiresAt + "]";
    }
}
