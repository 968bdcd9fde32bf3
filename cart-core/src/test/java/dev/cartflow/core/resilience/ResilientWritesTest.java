package dev.cartflow.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.observe.BreakerState;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.tck.CartFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reads are retried and writes never are (a retried write could be applied twice by a host that is
 * not idempotent); the repository keeps its capabilities; a version conflict is an answer.
 */
class ResilientWritesTest {
    private static final ProviderPolicy THREE_RETRIES = ProviderPolicy.builder().retries(3)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(5)).breaker(100, 100).build();
    private static final StockKey KEY = new StockKey(new Sku("A"), "default");

    private final AtomicInteger calls = new AtomicInteger();

    private <T> T fail() {
        calls.incrementAndGet();
        throw new IllegalStateException("store down");
    }

    private static CartException failure(Runnable call) {
        try {
            call.run();
        } catch (CartException e) {
            return e;
        }
        throw new AssertionError("expected a CartException");
    }

    private void assertUnavailableAfter(int expectedCalls, Runnable call) {
        calls.set(0);
        CartException e = failure(call);
        assertThat(e).isExactlyInstanceOf(CartException.class);
        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.getCause()).isInstanceOf(IllegalStateException.class);
        assertThat(calls).as("calls that reached the store").hasValue(expectedCalls);
    }

    /** A store where every call fails, counted. */
    private final class DownStorage implements CartStorage {
        @Override
        public Optional<Cart> find(CartId id) {
            return fail();
        }

        @Override
        public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
            return fail();
        }

        @Override
        public void save(CartWrite write) {
            fail();
        }

        @Override
        public void saveAll(List<CartWrite> writes) {
            fail();
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
            return fail();
        }

        @Override
        public List<CartEvent> eventsSince(CartId id, long afterSequence) {
            return fail();
        }

        @Override
        public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
            return fail();
        }

        @Override
        public List<Cart> findInactiveSince(Instant cutoff, int limit) {
            return fail();
        }

        @Override
        public boolean delete(CartId id) {
            return fail();
        }
    }

    @Test
    void repository_readsRetriedWritesTriedOnce() {
        CartStorage store = Resilience.storage(new DownStorage(), THREE_RETRIES);
        Cart cart = CartFixtures.guestCart();
        CartWrite write = CartWrite.of(cart, 0, List.of());
        assertUnavailableAfter(4, () -> store.find(cart.id()));
        assertUnavailableAfter(4, () -> store.findActiveByCustomer(new CustomerId("alice")));
        assertUnavailableAfter(4, () -> store.findIdempotency("key", Instant.EPOCH));
        assertUnavailableAfter(4, () -> store.eventsSince(cart.id(), 0));
        assertUnavailableAfter(4, () -> store.findExpiringBefore(Instant.EPOCH, 10));
        assertUnavailableAfter(4, () -> store.findInactiveSince(Instant.EPOCH, 10));
        assertUnavailableAfter(1, () -> store.save(write));
        assertUnavailableAfter(1, () -> store.saveAll(List.of(write)));
        assertUnavailableAfter(1, () -> store.delete(cart.id()));
    }

    @Test
    void repository_versionConflict_passesThroughAndIsNoFailure() {
        InMemoryCartRepository memory = new InMemoryCartRepository();
        CartRepository store = Resilience.repository(memory, ProviderPolicy.builder().breaker(1, 1).build());
        Cart cart = CartFixtures.guestCart();
        store.save(CartWrite.of(cart, 0, List.of()));
        CartException e = failure(() -> store.save(CartWrite.of(cart, 0, List.of())));
        assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
        assertThat(((ResilientRepository) store).breakerState()).isEqualTo(BreakerState.CLOSED);
        assertThat(store.find(cart.id())).contains(cart);
    }

    @Test
    void repository_storageDelegate_keepsEveryCapability() {
        CartRepository store = Resilience.repository(new InMemoryCartRepository(), ProviderPolicy.defaults());
        assertThat(store).isInstanceOf(CartStorage.class);
    }

    @Test
    void repository_plainDelegate_gainsNoCapability() {
        InMemoryCartRepository memory = new InMemoryCartRepository();
        CartRepository plain = new CartRepository() {
            @Override
            public Optional<Cart> find(CartId id) {
                return memory.find(id);
            }

            @Override
            public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
                return memory.findActiveByCustomer(customerId);
            }

            @Override
            public void save(CartWrite write) {
                memory.save(write);
            }

            @Override
            public void saveAll(List<CartWrite> writes) {
                memory.saveAll(writes);
            }

            @Override
            public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
                return memory.findIdempotency(key, now);
            }
        };
        CartRepository store = Resilience.repository(plain, ProviderPolicy.defaults());
        assertThat(store).isNotInstanceOf(CartEventLog.class).isNotInstanceOf(CartMaintenanceStore.class);
    }

    @Test
    void reservations_failing_triedOnceEachWay() {
        StockReservations down = new StockReservations() {
            @Override
            public void reserve(String reservationId, Map<StockKey, Integer> units) {
                fail();
            }

            @Override
            public void release(String reservationId) {
                fail();
            }
        };
        StockReservations guarded = Resilience.reservations(down, THREE_RETRIES);
        assertUnavailableAfter(1, () -> guarded.reserve("r1", Map.of(KEY, 1)));
        assertUnavailableAfter(1, () -> guarded.release("r1"));
    }

    /** An inventory that also reserves, down. */
    private final class DownInventory implements InventoryProvider, StockReservations {
        @Override
        public Map<StockKey, Long> available(Set<StockKey> keys) {
            return fail();
        }

        @Override
        public void reserve(String reservationId, Map<StockKey, Integer> units) {
            fail();
        }

        @Override
        public void release(String reservationId) {
            fail();
        }
    }

    @Test
    void inventoryThatReserves_levelsRetriedReservationsTriedOnce() {
        InventoryProvider guarded = Resilience.inventory(new DownInventory(), THREE_RETRIES);
        assertThat(guarded).isInstanceOf(StockReservations.class);
        assertUnavailableAfter(4, () -> guarded.available(Set.of(KEY)));
        assertUnavailableAfter(1, () -> ((StockReservations) guarded).reserve("r1", Map.of(KEY, 1)));
    }

    @Test
    void inventoryWithoutReservations_gainsNone() {
        InventoryProvider guarded = Resilience.inventory(keys -> Map.of(), ProviderPolicy.defaults());
        assertThat(guarded).isNotInstanceOf(StockReservations.class);
    }

    @Test
    void promotionUsage_redeemAndReleaseTriedOnce_exhaustedRetried() {
        PromotionUsageStore down = new PromotionUsageStore() {
            @Override
            public Set<String> redeem(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
                return fail();
            }

            @Override
            public void release(CartId cartId) {
                fail();
            }

            @Override
            public Set<String> exhausted(Collection<Promotion> promotions, CartId cartId, CartOwner owner) {
                return fail();
            }
        };
        PromotionUsageStore guarded = Resilience.promotionUsage(down, THREE_RETRIES);
        Cart cart = CartFixtures.guestCart();
        assertUnavailableAfter(1, () -> guarded.redeem(List.of(), cart.id(), cart.owner()));
        assertUnavailableAfter(1, () -> guarded.release(cart.id()));
        assertUnavailableAfter(4, () -> guarded.exhausted(List.of(), cart.id(), cart.owner()));
    }
}
