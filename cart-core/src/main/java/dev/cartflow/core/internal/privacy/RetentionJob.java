package dev.cartflow.core.internal.privacy;

import dev.cartflow.core.CartMaintenance;
import dev.cartflow.core.internal.pipeline.EngineConfig;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.privacy.RetentionPolicy;
import dev.cartflow.core.privacy.RetentionReport;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.RetentionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retention job: one batch per kind of record the policy names. Expired carts go through the
 * purge of the maintenance jobs (an active cart is stored as expired, with its event, before it is
 * deleted); the other kinds are deleted by every store that is a {@link RetentionStore}, each asked
 * once per kind with the same cutoff.
 */
public final class RetentionJob {
    private final EngineConfig config;
    private final CartMaintenance maintenance;

    /**
     * The job of an engine.
     *
     * @param config      the wiring
     * @param maintenance the purge of expired carts
     */
    public RetentionJob(EngineConfig config, CartMaintenance maintenance) {
        this.config = config;
        this.maintenance = maintenance;
    }

    /**
     * One batch of every kind of the policy.
     *
     * @param policy    how long each kind is kept
     * @param batchSize at most this many records per kind and store
     * @return how many were deleted per kind
     */
    public RetentionReport apply(RetentionPolicy policy, int batchSize) {
        if (policy == null || batchSize < 1) {
            throw CartException.invalidInput("a retention policy and a positive batch size are required");
        }
        Instant now = config.now();
        List<Stores.Named<RetentionStore>> stores = Stores.retaining(config);
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (Map.Entry<String, Duration> kind : policy.durations().entrySet()) {
            if (kind.getKey().equals(RetentionPolicy.CARTS)) {
                deleted.put(kind.getKey(), maintenance.purgeExpired(kind.getValue(), batchSize));
                continue;
            }
            Instant cutoff = now.minus(kind.getValue());
            int count = 0;
            for (Stores.Named<RetentionStore> named : stores) {
                int n = Failures.provider(named.name(),
                        () -> named.store().deleteOlderThan(kind.getKey(), cutoff, batchSize));
                if (n < 0) {
                    throw CartException.providerUnavailable("store " + named.name() + " reported a negative count",
                            null);
                }
                count += n;
            }
            deleted.put(kind.getKey(), count);
        }
        return new RetentionReport(deleted);
    }
}
