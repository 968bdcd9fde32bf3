package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.KeyProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine over {@link EncryptingCartRepository}: what is stored, what callers see, and key rotation. */
class CartEngineEncryptionTest {
    private static final String EMAIL = "ada.lovelace@example.com";
    private final TestWorld world = new TestWorld();

    private static KeyProvider keys(String... ids) {
        InMemoryKeyProvider.Builder b = InMemoryKeyProvider.builder();
        for (String id : ids) {
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) id.hashCode());
            b.key(id, key);
        }
        return b.build();
    }

    private CartEngine engine(CartRepository store, KeyProvider keys) {
        return world.builder().repository(EncryptingCartRepository.wrap(store,
                EncryptionSettings.builder().keys(keys).metadataFields("email").build())).build();
    }

    private static Cart setEmail(CartEngine engine, CreatedCart created, String email) {
        return engine.execute(created.actor(), created.cart().id(),
                new CartCommand.SetMetadata("{\"email\":\"" + email + "\",\"n\":2.50}"), Mutation.none());
    }

    @Test
    void execute_setMetadata_storedEncryptedAndReadBackPlain() {
        CartEngine engine = engine(world.repository, keys("k1"));
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));

        Cart changed = setEmail(engine, created, EMAIL);

        assertThat(engine.get(created.actor(), created.cart().id()).metadata()).isEqualTo("{\"email\":\"" + EMAIL + "\",\"n\":2.50}");
        assertThat(changed.metadata()).contains(EMAIL);
        assertThat(world.repository.find(changed.id()).orElseThrow().metadata()).doesNotContain(EMAIL).contains("cfenc:1:k1:");
    }

    @Test
    void execute_idempotentMetadataChange_storedResponseHoldsNoPlaintextAndReplays() {
        CartEngine engine = engine(world.repository, keys("k1"));
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        CartCommand set = new CartCommand.SetMetadata("{\"email\":\"" + EMAIL + "\"}");

        Cart first = engine.execute(created.actor(), created.cart().id(), set, Mutation.idempotent("once"));
        Cart replay = engine.execute(created.actor(), created.cart().id(), set, Mutation.idempotent("once"));

        assertThat(replay).isEqualTo(first);
        IdempotencyRecord stored = world.repository.findIdempotency(
                created.cart().id() + "|Guest|once", world.clock.instant()).orElseThrow();
        assertThat(stored.response()).startsWith("cfenc:1:k1:").doesNotContain(EMAIL);
    }

    @Test
    void execute_metadataAtTheLimit_acceptedThoughTheStoredFormIsLarger() {
        String metadata = "{\"email\":\"" + "a".repeat(48) + "\"}";
        int bytes = metadata.getBytes(StandardCharsets.UTF_8).length;
        CartEngine engine = world.builder().maxMetadataBytes(bytes).repository(EncryptingCartRepository.wrap(
                world.repository, EncryptionSettings.builder().keys(keys("k1")).metadataFields("email").build())).build();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));

        engine.execute(created.actor(), created.cart().id(), new CartCommand.SetMetadata(metadata), Mutation.none());

        assertThat(world.repository.find(created.cart().id()).orElseThrow().metadata().length()).isGreaterThan(bytes);
        assertThatThrownBy(() -> engine.execute(created.actor(), created.cart().id(),
                new CartCommand.SetMetadata(metadata.replace("\"a", "\"aa")), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void rotateKeys_cartsUnderOldKeyAndInClear_allRewrittenUnderTheCurrentKeyOnce() {
        CartEngine plain = world.engine();
        CreatedCart legacy = plain.createGuestCart(NewCart.of("EUR", "DE"));
        setEmail(plain, legacy, "legacy@example.com");
        CartEngine old = engine(world.repository, keys("k1"));
        List<CreatedCart> carts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            CreatedCart created = old.createGuestCart(NewCart.of("EUR", "DE"));
            setEmail(old, created, "shopper" + i + "@example.com");
            carts.add(created);
        }
        carts.add(legacy);
        long eventsBefore = world.repository.eventsSince(legacy.cart().id(), 0).size();
        CartEngine rotating = engine(world.repository, keys("k1", "k2"));

        int rotated = rotating.maintenance().rotateKeys(2);

        assertThat(rotated).isEqualTo(5);
        assertThat(rotating.maintenance().rotateKeys(2)).isZero();
        CartEngine onlyNewKey = engine(world.repository, keys("k2"));
        for (CreatedCart created : carts) {
            Cart stored = world.repository.find(created.cart().id()).orElseThrow();
            assertThat(stored.metadata()).contains("cfenc:1:k2:").doesNotContain("cfenc:1:k1:").doesNotContain("@example.com");
            assertThat(stored.version()).isEqualTo(3);
            assertThat(onlyNewKey.get(created.actor(), created.cart().id()).metadata()).contains("@example.com");
        }
        assertThat(world.repository.eventsSince(legacy.cart().id(), 0)).hasSize((int) eventsBefore);
    }

    @Test
    void rotateKeys_cartChangedDuringTheScan_skippedAndLeftUnderTheCurrentKey() {
        ScanHook store = new ScanHook(world.repository);
        CartEngine old = engine(store, keys("k1"));
        CreatedCart busy = old.createGuestCart(NewCart.of("EUR", "DE"));
        setEmail(old, busy, EMAIL);
        CreatedCart quiet = old.createGuestCart(NewCart.of("EUR", "DE"));
        setEmail(old, quiet, EMAIL);
        CartEngine rotating = engine(store, keys("k1", "k2"));
        store.afterScan = () -> setEmail(rotating, busy, "new@example.com");

        int rotated = rotating.maintenance().rotateKeys(10);

        assertThat(rotated).isEqualTo(1);
        assertThat(world.repository.find(busy.cart().id()).orElseThrow().metadata()).contains("cfenc:1:k2:");
        assertThat(rotating.get(busy.actor(), busy.cart().id()).metadata()).contains("new@example.com");
        assertThat(world.repository.find(quiet.cart().id()).orElseThrow().metadata()).contains("cfenc:1:k2:");
    }

    @Test
    void rotateKeys_withoutEncryptingRepository_failsInternal() {
        assertThatThrownBy(() -> world.engine().maintenance().rotateKeys(10))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL));
    }

    @Test
    void rotateKeys_storeWithoutScan_failsInternal() {
        CartEngine engine = engine(new DelegatingRepository(world.repository), keys("k1"));

        assertThatThrownBy(() -> engine.maintenance().rotateKeys(10))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL));
    }

    @Test
    void rotateKeys_nonPositiveBatch_failsInvalidInput() {
        CartEngine engine = engine(world.repository, keys("k1"));

        assertThatThrownBy(() -> engine.maintenance().rotateKeys(0))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void get_keyRetiredBeforeRotation_failsInternalAndNotAsInput() {
        CartEngine old = engine(world.repository, keys("k1"));
        CreatedCart created = old.createGuestCart(NewCart.of("EUR", "DE"));
        setEmail(old, created, EMAIL);

        assertThatThrownBy(() -> engine(world.repository, keys("k2")).get(created.actor(), created.cart().id()))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL);
                    assertThat(e.getMessage()).doesNotContain(EMAIL);
                });
    }

    /** The in-memory store with a hook run after each scan page, to change a cart mid-rotation. */
    private static final class ScanHook implements CartStorage, CartScan {
        private final InMemoryCartRepository delegate;
        Runnable afterScan = () -> { };

        ScanHook(InMemoryCartRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Cart> findAfter(CartId after, int limit) {
            List<Cart> page = delegate.findAfter(after, limit);
            Runnable hook = afterScan;
            afterScan = () -> { };
            hook.run();
            return page;
        }

        @Override
        public Optional<Cart> find(CartId id) {
            return delegate.find(id);
        }

        @Override
        public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
            return delegate.findActiveByCustomer(customerId);
        }

        @Override
        public void save(CartWrite write) {
            delegate.save(write);
        }

        @Override
        public void saveAll(List<CartWrite> writes) {
            delegate.saveAll(writes);
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
            return delegate.findIdempotency(key, now);
        }

        @Override
        public List<CartEvent> eventsSince(CartId id, long afterSequence) {
            return delegate.eventsSince(id, afterSequence);
        }

        @Override
        public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
            return delegate.findExpiringBefore(cutoff, limit);
        }

        @Override
        public List<Cart> findInactiveSince(Instant cutoff, int limit) {
            return delegate.findInactiveSince(cutoff, limit);
        }

        @Override
        public boolean delete(CartId id) {
            return delegate.delete(id);
        }
    }
}
