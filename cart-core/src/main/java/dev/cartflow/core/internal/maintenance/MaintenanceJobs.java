package dev.cartflow.core.internal.maintenance;

import dev.cartflow.core.CartMaintenance;
import dev.cartflow.core.internal.pipeline.ChangeAuthor;
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

    /** Jobs over these stages. */
    public MaintenanceJobs(Stages stages) {
        this.stages = stages;
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
        return batch(inactivity == null || inactivity.isNegative() || inactivity.isZero() || batchSize < 1,
                "a positive inactivity and batch size are required",
                (store, now) -> store.findInactiveSince(now.minus(inactivity), batchSize),
                (store, cart, now) -> Lifecycle.present(cart, now).state() == CartState.ACTIVE
                        && transition(cart, stages.lifecycle().abandoned(cart, now), PendingEvent.of(CartEvent.Type.ABANDONED,
                                "lines", "" + cart.lines().size(), "idleSince", cart.updatedAt().toString())));
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
        try {
            stages.commit().run(true, now -> Decision.write(next,
                    List.of(stages.publish().write(ChangeAuthor.SYSTEM, next, cart.version(), List.of(event), null))));
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
}
