package dev.cartflow.spring;

/** Which instance runs the maintenance jobs now. */
interface JobLeadership {
    /** Every instance leads: jobs run everywhere. */
    JobLeadership EVERY_INSTANCE = new JobLeadership() {
        @Override
        public boolean lead() {
            return true;
        }

        @Override
        public void release() {
        }
    };

    /** True when this instance may run the jobs now (asked before every run). */
    boolean lead();

    /** Gives leadership up, for the next instance to take. */
    void release();
}
