package dev.cartflow.core.crypto;

import dev.cartflow.core.internal.crypto.KeyRotationScan;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PersonalDataStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Encryption at rest as a decorator around a cart store (decision 6): the configured metadata
 * values and the stored idempotent responses are encrypted with AES-GCM on {@code save} and
 * {@code saveAll}, and decrypted on every read, so the engine and everything above it see plaintext
 * and the store holds only ciphertext for them. New writes use the key provider's current key;
 * reads use the key named in each value's envelope, so keys rotate without rewriting every cart
 * (see {@code CartMaintenance#rotateKeys}).
 *
 * <p>Wrap the store that talks to the database or cache, and give the engine the result, so that a
 * cache in between holds ciphertext too; resilience decorators go inside it, around the store:
 *
 * <pre>{@code
 * CartRepository repository = EncryptingCartRepository.wrap(jdbiRepository, EncryptionSettings.builder()
 *         .keys(keyProvider).metadataFields("email", "phone").build());
 * CartEngine engine = CartEngine.builder().repository(repository)...build();
 * }</pre>
 *
 * <p>The result keeps the store's optional capabilities: it is a {@link CartStorage} when the store
 * is one (event log and maintenance scans, with carts decrypted), and a {@link PersonalDataStore}
 * when the store is one too (erasure passes through; exported cart documents are decrypted), and a
 * {@link CustomerCarts} when the store is one (the listed carts decrypted).
 * Thread-safe when the store and the key provider are. A missing, wrong or failing key or a tampered value:
 * see {@link dev.cartflow.spi.KeyProvider} and docs/data-protection.md ({@code INTERNAL} or
 * {@code PROVIDER_UNAVAILABLE}, never a JCA exception).
 */
public class EncryptingCartRepository implements CartRepository, KeyRotationScan {
    private final CartRepository delegate;
    private final CartSealing sealing;

    EncryptingCartRepository(CartRepository delegate, EncryptionSettings settings) {
        this.delegate = delegate;
        this.sealing = new CartSealing(settings);
    }

    /**
     * The store with encryption at rest, keeping its optional capabilities.
     *
     * @param delegate the store
     * @param settings what to encrypt, with which keys
     * @return the encrypting store: a {@link CartStorage} when {@code delegate} is one, and then a
     *         {@link PersonalDataStore} when {@code delegate} is one; a {@link CustomerCarts} (carts
     *         listed decrypted) when {@code delegate} is one
     * @throws CartException {@code INVALID_INPUT} on a null argument
     */
    public static CartRepository wrap(CartRepository delegate, EncryptionSettings settings) {
        CartException.requireNonNull(delegate, "repository");
        CartException.requireNonNull(settings, "encryption settings");
        boolean lists = delegate instanceof CustomerCarts;
        if (delegate instanceof CartStorage storage && delegate instanceof PersonalDataStore) {
            return lists ? new EncryptingCustomerCarts.PersonalStorage(storage, settings)
                    : new EncryptingPersonalStorage(storage, settings);
        }
        if (delegate instanceof CartStorage storage) {
            return lists ? new EncryptingCustomerCarts.Storage(storage, settings)
                    : new EncryptingCartStorage(storage, settings);
        }
        return lists ? new EncryptingCustomerCarts.Repository(delegate, settings)
                : new EncryptingCartRepository(delegate, settings);
    }

    @Override
    public Optional<Cart> find(CartId id) {
        return delegate.find(id).map(sealing::open);
    }

    @Override
    public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
        return delegate.findActiveByCustomer(customerId).map(sealing::open);
    }

    @Override
    public void save(CartWrite write) {
        delegate.save(seal(write));
    }

    @Override
    public void saveAll(List<CartWrite> writes) {
        if (writes == null) {
            throw CartException.invalidInput("writes must not be null");
        }
        List<CartWrite> sealed = new ArrayList<>(writes.size());
        for (CartWrite write : writes) {
            sealed.add(seal(write));
        }
        delegate.saveAll(sealed);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
        return delegate.findIdempotency(key, now).map(sealing::open);
    }

    /**
     * The key rotation job's scan: needs a store that is a {@link CartScan}.
     *
     * @param after the cursor, or null to start
     * @param limit stored carts per page, at least 1
     * @return the stale carts of the page, decrypted, and the next cursor
     */
    @Override
    public RotationPage staleAfter(CartId after, int limit) {
        if (!(delegate instanceof CartScan scan)) {
            throw CartException.internal("key rotation needs a store that is a CartScan; "
                    + delegate.getClass().getSimpleName() + " is not", null);
        }
        if (limit < 1) {
            throw CartException.invalidInput("a positive batch size is required");
        }
        List<Cart> page = scan.findAfter(after, limit);
        List<Cart> stale = new ArrayList<>();
        for (Cart stored : page) {
            if (!sealing.current(stored)) {
                stale.add(sealing.open(stored));
            }
        }
        CartId next = page.size() < limit ? null : page.get(page.size() - 1).id();
        return new RotationPage(stale, next);
    }

    /** The decrypted form of carts read through a capability of the store. */
    final List<Cart> open(List<Cart> stored) {
        return stored.stream().map(sealing::open).toList();
    }

    /** The customer's carts listed by the store, decrypted; for the variants that are a {@link CustomerCarts}. */
    final List<Cart> listed(CustomerId customerId) {
        return open(((CustomerCarts) delegate).cartsOf(customerId));
    }

    final CartSealing sealing() {
        return sealing;
    }

    private CartWrite seal(CartWrite write) {
        if (write == null) {
            throw CartException.invalidInput("write must not be null");
        }
        IdempotencyRecord record = write.idempotency() == null ? null : sealing.seal(write.idempotency());
        return new CartWrite(sealing.seal(write.cart()), write.expectedVersion(), write.events(), record);
    }
}
