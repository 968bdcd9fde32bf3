package dev.cartflow.core.crypto;

import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import java.util.List;
import java.util.Map;

/**
 * {@link EncryptingCartStorage} over a store that also erases and exports customers: erasure passes
 * through (deleting ciphertext needs no key); an exported record that is a cart document is
 * decrypted, so the customer receives their data, not envelopes.
 */
class EncryptingPersonalStorage extends EncryptingCartStorage implements PersonalDataStore {
    private final PersonalDataStore personal;

    EncryptingPersonalStorage(CartStorage storage, EncryptionSettings settings) {
        super(storage, settings);
        this.personal = (PersonalDataStore) storage;
    }

    @Override
    public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        return personal.eraseCustomer(customerId, subject);
    }

    @Override
    public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        return personal.exportCustomer(customerId, subject).stream().map(this::opened).toList();
    }

    private PersonalRecord opened(PersonalRecord record) {
        Cart stored;
        try {
            stored = CartCodec.read(record.json());
        } catch (CartException notACart) {
            return record;
        }
        Cart open = sealing().open(stored);
        return open == stored ? record
                : new PersonalRecord(record.kind(), record.id(), CartCodec.write(open, CartCodec.Keys.VERBOSE));
    }
}
