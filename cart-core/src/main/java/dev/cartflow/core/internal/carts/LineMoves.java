package dev.cartflow.core.internal.carts;

import dev.cartflow.core.LineMove;
import dev.cartflow.core.LineMoveResult;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
import dev.cartflow.core.internal.pipeline.Access;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.Fingerprint;
import dev.cartflow.core.internal.pipeline.Idempotency;
import dev.cartflow.core.internal.pipeline.Lifecycle;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.rules.MoveRule;
import dev.cartflow.core.internal.snapshot.Snapshot;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.StockKey;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Moving a line between two carts of one owner: both carts read and checked in one attempt
 * (access, state, the source's expected version), one snapshot of the target's providers, the
 * {@link MoveRule}, and one {@code saveAll} guarded by both versions, so both carts change or
 * neither. A conflict on either cart makes a fresh attempt within the retry budget (a strict
 * mutation, with the source's expected version, never retries). With an idempotency key the
 * response is stored with the source's write, under the source cart's command key, and a repeat
 * returns it.
 */
public final class LineMoves {
    private final Stages stages;
    private final RulesByKind rules;

    /** Moves over these stages. */
    public LineMoves(Stages stages) {
        this.stages = stages;
        this.rules = new RulesByKind(stages.config());
    }

    /**
     * Moves units of a line.
     *
     * @param actor    who asks: the owner of both carts, support or a service
     * @param move     the move
     * @param mutation the source's expected version and the idempotency key
     * @return both carts after the move
     */
    public LineMoveResult move(Actor actor, LineMove move, Mutation mutation) {
        String key = mutation.idempotencyKey() == null ? null
                : Idempotency.commandKey(actor, move.from(), mutation.idempotencyKey());
        Fingerprint fingerprint = key == null ? null : Fingerprint.move(move.from(), move.lineId(), move.to(),
                move.quantity(), mutation.expectedVersion(), mutation.idempotencyKey());
        Access.Permit permit = stages.access().authorize(actor, CartOperation.MOVE_LINE, move.from());
        return stages.commit().run(CartOperation.MOVE_LINE, mutation.expectedVersion() != null, now -> {
            Cart source = stages.access().load(permit, move.from());
            Optional<LineMoveResult> replay = replay(key, fingerprint, now);
            if (replay.isPresent()) {
                return Decision.answer(replay.get());
            }
            Cart target = stages.access().load(permit, move.to());
            if (!source.owner().equals(target.owner())) {
                // Support and services may open any cart, but a move never crosses owners.
                throw stages.access().refuse(permit, target);
            }
            Lifecycle.requireChangeable(source, now, mutation);
            Lifecycle.requireChangeable(target, now, Mutation.none());
            Snapshot snapshot = stages.config().providers().open(target, stages.access().usageOwner(actor, target),
                    now, skus(source, target, move), stockKeys(source, target, move));
            MoveRule.Moved moved = MoveRule.move(source, target, move.lineId(), move.quantity(), snapshot,
                    rules.of(source.kind()), rules.of(target.kind()), now);
            Cart from = stages.lifecycle().changed(moved.source().cart(), now);
            Cart to = stages.lifecycle().changed(moved.target().cart(), now);
            LineMoveResult result = new LineMoveResult(from, to);
            IdempotencyRecord record = key == null ? null
                    : stages.idempotency().record(key, fingerprint, MoveResponses.write(result), now);
            return Decision.write(result, List.of(
                            stages.publish().write(ChangeAuthor.of(stages.config(), actor, source), from, source.version(),
                                    moved.source().events(), record),
                            stages.publish().write(ChangeAuthor.of(stages.config(), actor, target), to, target.version(),
                                    moved.target().events(), null)))
                    .onFailure(e -> e.code() == CartErrorCode.VERSION_CONFLICT ? replay(key, fingerprint, now)
                            : Optional.empty());
        });
    }

    /** The target's skus and the moved line's, so that one catalog, price and stock call serves both sides. */
    private static Set<Sku> skus(Cart source, Cart target, LineMove move) {
        Set<Sku> skus = new LinkedHashSet<>(Snapshot.skusOf(target));
        source.line(move.lineId()).ifPresent(line -> skus.add(line.sku()));
        return skus;
    }

    private static Set<StockKey> stockKeys(Cart source, Cart target, LineMove move) {
        Set<StockKey> keys = new LinkedHashSet<>(Snapshot.stockKeysOf(target));
        source.line(move.lineId()).ifPresent(line -> keys.add(new StockKey(line.sku(), line.warehouse())));
        return keys;
    }

    private Optional<LineMoveResult> replay(String key, Fingerprint fingerprint, Instant now) {
        if (key == null) {
            return Optional.empty();
        }
        return stages.idempotency().find(key, now).map(record -> switch (fingerprint.against(record.fingerprint())) {
            case SAME -> MoveResponses.read(record.response());
            case OTHER_REQUEST, OTHER_KEY -> throw CartException.idempotencyKeyReused();
        });
    }
}
