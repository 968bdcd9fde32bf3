package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.Mutation;
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
    private final EngineConfig config;
    private final Access access;
    private final Lifecycle lifecycle;
    private final CommandRules rules;
    private final Idempotency idempotency;
    private final Publish publish;
    private final Commit commit;

    /** The execute operation over these stages. */
    public Execution(EngineConfig config, Access access, Lifecycle lifecycle, Idempotency idempotency,
                     Publish publish, Commit commit) {
        this.config = config;
        this.access = access;
        this.lifecycle = lifecycle;
        this.rules = new CommandRules(config.limits());
        this.idempotency = idempotency;
        this.publish = publish;
        this.commit = commit;
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
        return commit.run(mutation.expectedVersion() != null, now -> {
            // The cart is read before the record: the record is written with the change, so a cart
            // that already holds the first call's change always finds its record.
            Cart stored = access.load(actor, id);
            Optional<Cart> replay = replay(key, fingerprint, now);
            if (replay.isPresent()) {
                return Decision.answer(replay.get());
            }
            Cart current = Lifecycle.requireChangeable(stored, now, mutation);
            Set<Sku> skus = new LinkedHashSet<>(Snapshot.skusOf(stored));
            skus.addAll(CommandRules.skus(command));
            Set<StockKey> keys = new LinkedHashSet<>(Snapshot.stockKeysOf(stored));
            keys.addAll(CommandRules.stockKeys(command));
            Snapshot snapshot = config.providers().open(stored, now, skus, keys);
            Change change = rules.apply(stored, command, snapshot, now);
            if (change == null) {
                return Decision.answer(current);
            }
            Cart next = lifecycle.changed(change.cart(), now);
            IdempotencyRecord record = key == null ? null
                    : idempotency.record(key, fingerprint, StoredResponses.write(next), now);
            return Decision.write(next, List.of(publish.write(next, stored.version(), change.events(), record)))
                    .onFailure(e -> e.code() == CartErrorCode.VERSION_CONFLICT ? replay(key, fingerprint, now)
                            : Optional.empty());
        });
    }

    private Optional<Cart> replay(String key, Fingerprint fingerprint, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        return idempotency.find(key, now).map(record -> switch (fingerprint.against(record.fingerprint())) {
            case SAME -> StoredResponses.readCart(record.response());
            case OTHER_REQUEST, OTHER_KEY -> throw CartException.invalidInput(
                    "idempotency key reused for a different request");
        });
    }
}
