package dev.cartflow.core.crypto;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartStorage;
import java.time.Instant;
import java.util.List;

/** {@link EncryptingCartRepository} over a store with the event log and the maintenance scans. */
class EncryptingCartStorage extends EncryptingCartRepository implements CartStorage {
    private final CartStorage storage;

    EncryptingCartStorage(CartStorage storage, EncryptionSettings settings) {
        super(storage, settings);
        this.storage = storage;
    }

    /** Events carry no personal data, so they are stored and read as they are. */
    @Override
    public List<CartEvent> eventsSince(CartId id, long afterSequence) {
        return storage.eventsSince(id, afterSequence);
    }

    @Override
    public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
        return open(storage.findExpiringBefore(cutoff, limit));
    }

    @Override
    public List<Cart> findInactiveSince(Instant cutoff, int limit) {
        return open(storage.findInactiveSince(cutoff, limit));
    }

    @Override
    public boolean delete(CartId id) {
        return storage.delete(id);
    }
}
