package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.internal.freeze.FreezeRule;
import dev.cartflow.core.internal.rules.Change;
import dev.cartflow.core.internal.rules.CommandRules;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.StockKey;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code execute}: access, snapshot, the command's rule, commit, publish. */
public final class Execution {
    private final Stages stages;
    private final dev.cartflow.core.internal.carts.RulesByKind rules;

    /** The execute operation over these stages. */
    public Execution(Stages stages) {
        this.stages = stages;
        this.rules = new dev.cartflow.core.internal.carts.RulesByKind(stages.config());
    }

    /**
     * Runs a command whose input was already checked and normalized.
     *
     * @param actor    who asks
     * @param id       the cart
     * @param command  the normalized command
     * @param asSent   the command as the caller sent it (for fingerprints of earlier versions)
     * @param mutation expected version and idempotency key
     * @return the cart after the change
     */
    public Cart execute(Actor actor, CartId id, CartCommand command, CartCommand asSent, Mutation mutation) {
        String key = mutation.idempotencyKey() == null ? null
                : Idempotency.commandKey(actor, id, mutation.idempotencyKey());
        Fingerprint fingerprint = key == null ? null
                : Fingerprint.execute(id, command, mutation.expectedVersion(), mutation.idempotencyKey(), asSent);
        Access.Permit permit = stages.access().authorize(actor, Operations.of(command), id);
        return stages.commit().run(Operations.of(command), mutation.expectedVersion() != null, now -> {
            // The cart is read before the record: the record is written with the change, so a cart
            // that already holds the first call's change always finds its record.
            Cart stored = stages.access().load(permit, id);
            Optional<Cart> replay = replay(key, fingerprint, now);
            if (replay.isPresent()) {
                return Decision.answer(replay.get());
            }
            Cart current = Lifecycle.requireChangeable(stored, now, mutation);
            Set<Sku> skus = new LinkedHashSet<>(Snapshot.skusOf(stored));
            skus.addAll(CommandRules.skus(command));
            Set<StockKey> keys = new LinkedHashSet<>(Snapshot.stockKeysOf(stored));
            keys.addAll(CommandRules.stockKeys(command));
            Snapshot snapshot = stages.config().providers().open(stored, stages.access().usageOwner(actor, stored), now,
                    skus, keys);
            Change change = rules.of(stored.kind()).apply(stored, command, snapshot, now);
            if (change == null) {
                return Decision.answer(current);
            }
            Cart next = stages.lifecycle().changed(change.cart(), now);
            IdempotencyRecord record = key == null ? null
                    : stages.idempotency().record(key, fingerprint, StoredResponses.write(next), now);
            return Decision.write(next, List.of(stages.publish().write(
                    ChangeAuthor.of(stages.config(), actor, stored), next, stored.version(),
                    FreezeRule.withEnded(stored, change.events(), now), record)))
                    .onFailure(e -> e.code() == CartErrorCode.VERSION_CONFLICT ? replay(key, fingerprint, now)
                            : Optional.empty());
        });
    }

    private Optional<Cart> replay(String key, Fingerprint fingerprint, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        return stages.idempotency().find(key, now).map(record -> switch (fingerprint.against(record.fingerprint())) {
            case SAME -> StoredResponses.readCart(record.response());
            case OTHER_REQUEST, OTHER_KEY -> throw CartException.idempotencyKeyReused();
        });
    }
}
