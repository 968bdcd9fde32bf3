package dev.cartflow.core.crypto;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CustomerCarts;
import java.util.List;

/**
 * The variants of {@link EncryptingCartRepository} over a store that lists a customer's carts: the
 * listing passes through and each cart is decrypted. One variant per capability set, so that
 * {@code instanceof} sees exactly the store's capabilities.
 */
final class EncryptingCustomerCarts {
    private EncryptingCustomerCarts() {
    }

    /** Over a plain repository. */
    static final class Repository extends EncryptingCartRepository implements CustomerCarts {
        Repository(CartRepository delegate, EncryptionSettings settings) {
            super(delegate, settings);
        }

        @Override
        public List<Cart> cartsOf(CustomerId customerId) {
            return listed(customerId);
        }
    }

    /** Over a store with the event log and maintenance scans. */
    static final class Storage extends EncryptingCartStorage implements CustomerCarts {
        Storage(CartStorage delegate, EncryptionSettings settings) {
            super(delegate, settings);
        }

        @Override
        public List<Cart> cartsOf(CustomerId customerId) {
            return listed(customerId);
        }
    }

    /** Over a store that also erases and exports customers. */
    static final class PersonalStorage extends EncryptingPersonalStorage implements CustomerCarts {
        PersonalStorage(CartStorage delegate, EncryptionSettings settings) {
            super(delegate, settings);
        }

        @Override
        public List<Cart> cartsOf(CustomerId customerId) {
            return listed(customerId);
        }
    }
}
