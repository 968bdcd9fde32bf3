package dev.cartflow.spi;

/**
 * A cart store with every capability the engine can use: find and save, the event log and the
 * maintenance scans. The stores of CartFlow (in memory, PostgreSQL, Redis) are all of this type.
 */
public interface CartStorage extends CartRepository, CartEventLog, CartMaintenanceStore {
}
