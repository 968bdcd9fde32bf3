package dev.cartflow.spring;

/**
 * The reservations job's work, in a type of the adapter's own so that {@link CartFlowJobs} needs no
 * cart-jdbi class: releases one batch of reservations whose checkout never stored.
 */
@FunctionalInterface
interface ReservationSweep {
    /**
     * One run.
     *
     * @param batch most reservations looked at
     * @return how many were released
     */
    int sweep(int batch);
}
