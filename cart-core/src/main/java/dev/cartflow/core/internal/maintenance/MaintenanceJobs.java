package dev.cartflow.core.internal.maintenance;

import dev.cartflow.core.CartMaintenance;
import dev.cartflow.core.internal.pipeline.Commit;
import dev.cartflow.core.internal.pipeline.Decision;
import dev.cartflow.core.internal.pipeline.EngineConfig;
import dev.cartflow.core.internal.pipeline.Lifecycle;
import dev.cartflow.core.internal.pipeline.Publish;
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

/** The batch jobs: each cart's transition is a strict, versioned write through the commit stage. */
public final class MaintenanceJobs implements CartMaintenance {
    private final EngineConfig config;
    private final Lifecycle lifecycle;
    private final Publish publish;
    private final Commit commit;

    /** Jobs over these stages. */
    public MaintenanceJobs(EngineConfig config, Lifecycle lifecycle, Publish publish, Commit commit) {
        this.config = config;
        this.lifecycle = lifecycle;
        this.publish = publish;
        this.commit = commit;
    }

    @Override
    public int purgeExpired(Duration retention, int batchSize) {
        return Failures.guard(() -> {
            if (retention == null || retention.isNegative() || batchSize < 1) {
                throw CartException.invalidInput("a non-negative retention and a positive batch size are required");
            }
            CartMaintenanceStore store = store();
            Instant now = config.now();
            List<Cart> carts = Failures.provider("repository",
                    () -> store.findExpiringBefore(now.minus(retention), batchSize));
            int deleted = 0;
            for (Cart cart : carts) {
                if (cart.state() == CartState.ACTIVE && !transition(cart, lifecycle.expired(cart, now),
                        PendingEvent.of(CartEvent.Type.EXPIRED, "expiredAt", cart.expiresAt().toString()))) {
                    continue;
                }
                if (Failures.provider("repository", () -> store.delete(cart.id()))) {
                    deleted++;
                }
            }
            return deleted;
        });
    }

    @Override
    public int markAbandoned(Duration inactivity, int batchSize) {
        return Failures.guard(() -> {
            if (inactivity == null || inactivity.isNegative() || inactivity.isZero() || batchSize < 1) {
                throw CartException.invalidInput("a positive inactivity and batch size are required");
            }
            CartMaintenanceStore store = store();
            Instant now = config.now();
            List<Cart> carts = Failures.provider("repository",
                    () -> store.findInactiveSince(now.minus(inactivity), batchSize));
            int marked = 0;
            for (Cart cart : carts) {
                if (Lifecycle.present(cart, now).state() == CartState.ACTIVE && transition(cart,
                        lifecycle.abandoned(cart, now), PendingEvent.of(CartEvent.Type.ABANDONED,
                                "lines", "" + cart.lines().size(), "idleSince", cart.updatedAt().toString()))) {
                    marked++;
                }
            }
            return marked;
        });
    }

    /** Stores one transition; false when the cart changed meanwhile (it is left to the next run). */
    private boolean transition(Cart cart, Cart next, PendingEvent event) {
        try {
            commit.run(true, now -> Decision.write(next,
                    List.of(publish.write(next, cart.version(), List.of(event), null))));
            return true;
        } catch (CartException e) {
            if (e.code() != CartErrorCode.VERSION_CONFLICT) {
                throw e;
            }
            return false;
        }
    }

    private CartMaintenanceStore store() {
        if (config.maintenanceStore() == null) {
            throw CartException.internal("no CartMaintenanceStore is wired into this engine", null);
        }
        return config.maintenanceStore();
    }
}
