package dev.cartflow.core.internal.observe;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;

/**
 * The cart store behind a timing decorator, reported as provider {@code repository}; the event
 * log and the maintenance scans are observed under the same name. The decorator keeps every
 * interface of the store ({@link ObservingProxy}): a {@code CartStorage} stays one, and so does a
 * store with another capability (personal data, health).
 */
public final class ObservedRepository {
    /** The store's name, as reported to {@link CartObserver#providerCalled}. */
    public static final String NAME = "repository";

    private ObservedRepository() {
    }

    /**
     * The repository behind a timing decorator.
     *
     * @param delegate the host's repository
     * @param observer the guarded observer
     * @return the observed repository, with every interface of {@code delegate}
     */
    public static CartRepository of(CartRepository delegate, CartObserver observer) {
        return ObservingProxy.wrap(CartRepository.class, delegate, NAME, observer);
    }

    /**
     * The event log behind a timing decorator.
     *
     * @param delegate the host's event log
     * @param observer the guarded observer
     * @return the observed event log
     */
    public static CartEventLog eventLog(CartEventLog delegate, CartObserver observer) {
        return ObservingProxy.wrap(CartEventLog.class, delegate, NAME, observer);
    }

    /**
     * The maintenance scans behind a timing decorator.
     *
     * @param delegate the host's maintenance store
     * @param observer the guarded observer
     * @return the observed maintenance store
     */
    public static CartMaintenanceStore maintenance(CartMaintenanceStore delegate, CartObserver observer) {
        return ObservingProxy.wrap(CartMaintenanceStore.class, delegate, NAME, observer);
    }
}
