package dev.cartflow.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The maintenance jobs ({@code cartflow.jobs.*}): purge of expired carts, abandonment marks,
 * retention, key rotation and the release of abandoned stock reservations, run by the application itself on a schedule. With
 * {@code single-instance} (the default) and a DataSource, one instance at a time runs them, elected
 * by a PostgreSQL advisory lock; without a DataSource every instance runs them.
 */
@ConfigurationProperties("cartflow.jobs")
public class CartFlowJobProperties {
    /** Whether this instance schedules the jobs at all. */
    private boolean enabled = true;
    /** Whether only one instance (the holder of a PostgreSQL advisory lock) runs them. */
    private boolean singleInstance = true;
    /** The advisory lock key the instances compete for. */
    private long lockKey = 0x43415254464c4f57L;
    /** Most carts one run of a job handles. */
    private int batchSize = 500;
    /** Purge of expired carts. */
    private final Job purge = new Job(true, Duration.ofHours(1));
    /** How long an expired cart is kept before the purge deletes it. */
    private Duration purgeAfter = Duration.ofDays(7);
    /** Abandonment marks (the ABANDONED event). */
    private final Job abandonment = new Job(true, Duration.ofMinutes(15));
    /** Inactivity after which an active cart is reported abandoned. */
    private Duration abandonedAfter = Duration.ofHours(1);
    /** Retention: deletion of delivered events, idempotency records and audit entries past their age. */
    private final Job retention = new Job(false, Duration.ofDays(1));
    /** Age past which delivered events, idempotency records and audit entries are deleted. */
    private Duration retainFor = Duration.ofDays(365);
    /** Key rotation: re-encryption of carts under the current key. */
    private final Job keyRotation = new Job(false, Duration.ofDays(1));
    /** Release of stock reservations whose checkout never stored (with cart-jdbi's stock reservations). */
    private final Job reservations = new Job(true, Duration.ofMinutes(1));

    /** @return whether jobs are scheduled here */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param enabled whether jobs are scheduled here */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** @return whether one instance runs them */
    public boolean isSingleInstance() {
        return singleInstance;
    }

    /** @param singleInstance whether one instance runs them */
    public void setSingleInstance(boolean singleInstance) {
        this.singleInstance = singleInstance;
    }

    /** @return the lock key */
    public long getLockKey() {
        return lockKey;
    }

    /** @param lockKey the lock key */
    public void setLockKey(long lockKey) {
        this.lockKey = lockKey;
    }

    /** @return the batch size */
    public int getBatchSize() {
        return batchSize;
    }

    /** @param batchSize the batch size, at least 1 */
    public void setBatchSize(int batchSize) {
        this.batchSize = Checked.atLeast("cartflow.jobs.batch-size", batchSize, 1);
    }

    /** @return the purge job */
    public Job getPurge() {
        return purge;
    }

    /** @return the purge delay */
    public Duration getPurgeAfter() {
        return purgeAfter;
    }

    /** @param purgeAfter the purge delay, zero or more */
    public void setPurgeAfter(Duration purgeAfter) {
        this.purgeAfter = Checked.notNegative("cartflow.jobs.purge-after", purgeAfter);
    }

    /** @return the abandonment job */
    public Job getAbandonment() {
        return abandonment;
    }

    /** @return the inactivity that marks a cart abandoned */
    public Duration getAbandonedAfter() {
        return abandonedAfter;
    }

    /** @param abandonedAfter the inactivity that marks a cart abandoned, positive */
    public void setAbandonedAfter(Duration abandonedAfter) {
        this.abandonedAfter = Checked.positive("cartflow.jobs.abandoned-after", abandonedAfter);
    }

    /** @return the retention job */
    public Job getRetention() {
        return retention;
    }

    /** @return the retention age */
    public Duration getRetainFor() {
        return retainFor;
    }

    /** @param retainFor the retention age, positive */
    public void setRetainFor(Duration retainFor) {
        this.retainFor = Checked.positive("cartflow.jobs.retain-for", retainFor);
    }

    /** @return the key rotation job */
    public Job getKeyRotation() {
        return keyRotation;
    }

    /** @return the job releasing reservations of checkouts that never completed */
    public Job getReservations() {
        return reservations;
    }

    /** One job's switch and schedule. */
    public static class Job {
        /** Whether the job runs. */
        private boolean enabled;
        /** Pause between two runs. */
        private Duration interval;

        Job(boolean enabled, Duration interval) {
            this.enabled = enabled;
            this.interval = interval;
        }

        /** @return whether the job runs */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the job runs */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the interval */
        public Duration getInterval() {
            return interval;
        }

        /** @param interval the interval, positive */
        public void setInterval(Duration interval) {
            this.interval = Checked.positive("cartflow.jobs.*.interval", interval);
        }
    }
}
