package dev.cartflow.core.internal.maintenance;

import dev.cartflow.core.CartMaintenance;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
import dev.cartflow.core.RecoveryLink;
import dev.cartflow.core.internal.recovery.RecoveryTokens;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.Lifecycle;
import dev.cartflow.core.internal.pipeline.Stages;
import dev.cartflow.core.internal.rules.PendingEvent;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartState;
import dev.cartflow.spi.CartMaintenanceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/** The batch jobs: each cart's transition is a strict, versioned write through the commit stage. */
public final class MaintenanceJobs implements CartMaintenance {
    private final Stages stages;
    private final RecoveryTokens recoveryTokens;

    /** Jobs over these stages. */
    public MaintenanceJobs(Stages stages) {
        this.stages = stages;
        this.recoveryTokens = new RecoveryTokens(stages.config().random());
    }

    @Override
    public int purgeExpired(Duration retention, int batchSize) {
        return batch(retention == null || retention.isNegative() || batchSize < 1,
                "a non-negative retention and a positive batch size are required",
                (store, now) -> store.findExpiringBefore(now.minus(retention), batchSize),
                (store, cart, now) -> {
                    if (cart.state() == CartState.ACTIVE && !transition(cart, stages.lifecycle().expired(cart, now),
                            PendingEvent.of(CartEvent.Type.EXPIRED, "expiredAt", cart.expiresAt().toString()))) {
                        return false;
                    }
                    return Failures.provider("repository", () -> store.delete(cart.id()));
                });
    }

    @Override
    public int markAbandoned(Duration inactivity, int batchSize) {
        return markAbandoned(inactivity, batchSize, null);
    }

    /** Marks a batch; with {@code links}, each cart marked also gets a recovery token, added to it. */
    private int markAbandoned(Duration inactivity, int batchSize, List<RecoveryLink> links) {
        return batch(inactivity == null || inactivity.isNegative() || inactivity.isZero() || batchSize < 1,
                "a positive inactivity and batch size are required",
                (store, now) -> store.findInactiveSince(now.minus(inactivity), batchSize),
                (store, cart, now) -> {
                    if (Lifecycle.present(cart, now).state() != CartState.ACTIVE) {
                        return false;
                    }
                    RecoveryTokens.Issued issued = links == null ? null
                            : recoveryTokens.issue(cart.id(), now, stages.config().freezeAndRecovery().recoveryTtl());
                    Cart marked = stages.lifecycle().abandoned(issued == null ? cart
                            : cart.toBuilder().recovery(issued.stored()).build(), now);
                    PendingEvent abandoned = PendingEvent.of(CartEvent.Type.ABANDONED, "lines", "" + cart.lines().size(),
                            "idleSince", cart.updatedAt().toString(),
                            "recoveryToken", "" + RecoveryTokens.live(marked, now));
                    if (issued == null) {
                        return transition(cart, marked, List.of(abandoned));
                    }
                    boolean stored = transition(cart, marked, List.of(abandoned, PendingEvent.of(
                            CartEvent.Type.RECOVERY_ISSUED, "expiresAt", issued.stored().expiresAt().toString())));
                    if (stored) {
                        links.add(issued.link());
                    }
                    return stored;
                });
    }

    /** One batch: the scan, then each cart handled; the number of carts the handler counted. */
    private int batch(boolean badArguments, String requirement, BiFunction<CartMaintenanceStore, Instant, List<Cart>> scan,
                      CartJob job) {
        return Failures.guard(() -> {
            if (badArguments) {
                throw CartException.invalidInput(requirement);
            }
            CartMaintenanceStore store = store();
            Instant now = stages.config().now();
            List<Cart> carts = Failures.provider("repository", () -> scan.apply(store, now));
            int counted = 0;
            for (Cart cart : carts) {
                if (job.handle(store, cart, now)) {
                    counted++;
                }
            }
            return counted;
        });
    }

    @FunctionalInterface
    private interface CartJob {
        boolean handle(CartMaintenanceStore store, Cart cart, Instant now);
    }

    /** Stores one transition; false when the cart changed meanwhile (it is left to the next run). */
    private boolean transition(Cart cart, Cart next, PendingEvent event) {
        return transition(cart, next, List.of(event));
    }

    private boolean transition(Cart cart, Cart next, List<PendingEvent> events) {
        try {
            stages.commit().run(true, now -> Decision.write(next,
                    List.of(stages.publish().write(ChangeAuthor.SYSTEM, next, cart.version(), events, null))));
            return true;
        } catch (CartException e) {
            if (e.code() != CartErrorCode.VERSION_CONFLICT) {
                throw e;
            }
            return false;
        }
    }

    private CartMaintenanceStore store() {
        if (stages.config().maintenanceStore() == null) {
            throw CartException.internal("no CartMaintenanceStore is wired into this engine", null);
        }
        return stages.config().maintenanceStore();
    }

    // data protection: the retention job lives in its own class
    @Override
    public dev.cartflow.core.privacy.RetentionReport applyRetention(dev.cartflow.core.privacy.RetentionPolicy policy,
                                                                    int batchSize) {
        return stages.entry().run(dev.cartflow.model.CartOperation.MAINTENANCE,
                () -> new dev.cartflow.core.internal.privacy.RetentionJob(stages.config(), this)
                        .apply(policy, batchSize));
    }

    @Override
    public int rotateKeys(int batchSize) {
        return new KeyRotationJob(stages).rotateKeys(batchSize);
    }

    // recovery links: the abandonment job that issues a token per cart it marks
    @Override
    public List<RecoveryLink> markAbandonedWithRecovery(Duration inactivity, int batchSize) {
        List<RecoveryLink> links = new java.util.ArrayList<>();
        markAbandoned(inactivity, batchSize, links);
        return List.copyOf(links);
    }
}
