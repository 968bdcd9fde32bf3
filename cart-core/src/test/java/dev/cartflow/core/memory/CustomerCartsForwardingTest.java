package dev.cartflow.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.core.internal.observe.ObservedRepository;
import dev.cartflow.core.internal.residency.RegionGuard;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.residency.Region;
import dev.cartflow.core.residency.RegionRoutingRepository;
import dev.cartflow.core.resilience.ProviderPolicy;
import dev.cartflow.core.resilience.Resilience;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartScan;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.tck.CartFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every repository decorator forwards {@link CustomerCarts} when its store has it (and only then),
 * listing the store's carts as the decorator reads them.
 */
class CustomerCartsForwardingTest {
    private static final CustomerId CUSTOMER = new CustomerId("c-forward");
    private static final EncryptionSettings ENCRYPTION = EncryptionSettings.builder()
            .keys(InMemoryKeyProvider.builder().key("k1", new byte[32]).build()).build();
    private static final ProviderPolicy POLICY = ProviderPolicy.builder().timeout(Duration.ofSeconds(5)).build();

    static Stream<Arguments> decorators() {
        return Stream.of(
                Arguments.of("encrypting", (UnaryOperator<CartRepository>) r -> EncryptingCartRepository.wrap(r, ENCRYPTION)),
                Arguments.of("resilient", (UnaryOperator<CartRepository>) r -> Resilience.repository(r, POLICY)),
                Arguments.of("resilient storage",
                        (UnaryOperator<CartRepository>) r -> r instanceof CartStorage s ? Resilience.storage(s, POLICY)
                                : Resilience.repository(r, POLICY)),
                Arguments.of("region guard", (UnaryOperator<CartRepository>) r -> RegionGuard.of(r, Region.of("eu", 1))),
                Arguments.of("observed", (UnaryOperator<CartRepository>) r -> ObservedRepository.of(r, new CartObserver() {
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decorators")
    void cartsOf_storeListsCarts_decoratorListsThemAsItReadsThem(String name, UnaryOperator<CartRepository> wrap) {
        NamedCartsRepository store = new NamedCartsRepository();
        CartRepository decorated = wrap.apply(store);
        Cart wish = CartFixtures.customerCart(CUSTOMER.value(), CartFixtures.T0.plusSeconds(9)).toBuilder()
                .kind(CartKind.WISH_LIST).name("Birthday")
                .shippingAddress(new ShippingAddress("BY", "80331", "München", List.of("Marienplatz 1"))).build();
        Cart shopping = CartFixtures.customerCart(CUSTOMER.value(), CartFixtures.T0.plusSeconds(5));
        decorated.save(CartWrite.of(wish, 0, List.of()));
        decorated.save(CartWrite.of(shopping, 0, List.of()));

        assertThat(decorated).isInstanceOf(CustomerCarts.class);
        assertThat(((CustomerCarts) decorated).cartsOf(CUSTOMER)).containsExactly(wish, shopping);
        assertThat(decorated.findActiveByCustomer(CUSTOMER)).contains(shopping);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decorators")
    void wrap_storeWithoutTheListing_decoratorHasNone(String name, UnaryOperator<CartRepository> wrap) {
        CartRepository plain = new PlainRepository(new NamedCartsRepository());

        assertThat(wrap.apply(plain)).isNotInstanceOf(CustomerCarts.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decorators")
    void wrap_fullStore_keepsEveryOtherCapability(String name, UnaryOperator<CartRepository> wrap) {
        CartRepository decorated = wrap.apply(new NamedCartsRepository());

        if (!name.equals("region guard")) { // the guard hands the engine its scans separately, as before
            assertThat(decorated).isInstanceOf(CartEventLog.class).isInstanceOf(CartMaintenanceStore.class);
        }
        assertThat(decorated).isNotInstanceOf(PersonalDataStore.class);
    }

    @org.junit.jupiter.api.Test
    void regionGuard_cartsOfOtherRegions_notListed() {
        NamedCartsRepository store = new NamedCartsRepository();
        Cart mine = CartFixtures.customerCart(CUSTOMER.value(), CartFixtures.T0).toBuilder().region("eu").build();
        Cart theirs = CartFixtures.customerCart(CUSTOMER.value(), CartFixtures.T0.plusSeconds(1)).toBuilder()
                .kind(CartKind.WISH_LIST).region("us").build();
        Cart old = CartFixtures.customerCart(CUSTOMER.value(), CartFixtures.T0.plusSeconds(2)).toBuilder()
                .kind(CartKind.SAVED_FOR_LATER).build();
        for (Cart cart : List.of(mine, theirs, old)) {
            store.save(CartWrite.of(cart, 0, List.of()));
        }

        CustomerCarts guarded = (CustomerCarts) RegionGuard.of(store, Region.of("eu", 1));

        assertThat(guarded.cartsOf(CUSTOMER)).containsExactly(old, mine);
    }

    @org.junit.jupiter.api.Test
    void regionRouting_cartsOfEveryRegion_mergedMostRecentFirst() {
        NamedCartsRepository eu = new NamedCartsRepository();
        NamedCartsRepository us = new NamedCartsRepository();
        RegionRoutingRepository routing = RegionRoutingRepository.builder().region(Region.of("eu", 1), eu)
                .region(Region.of("us", 2), us).defaultRegion("eu").build();
        Cart inEu = CartFixtures.customerCart(CUSTOMER.value(), CartFixtures.T0).toBuilder().region("eu").build();
        Cart inUs = CartFixtures.customerCart(CUSTOMER.value(), CartFixtures.T0.plusSeconds(1)).toBuilder()
                .kind(CartKind.WISH_LIST).region("us").build();
        routing.save(CartWrite.of(inEu, 0, List.of()));
        routing.save(CartWrite.of(inUs, 0, List.of()));

        assertThat(routing.cartsOf(CUSTOMER)).containsExactly(inUs, inEu);
        assertThat(us.cartsOf(CUSTOMER)).containsExactly(inUs);
    }

    @org.junit.jupiter.api.Test
    void regionRouting_aRegionWithoutTheListing_failsInternal() {
        RegionRoutingRepository routing = RegionRoutingRepository.builder()
                .region(Region.of("eu", 1), new NamedCartsRepository())
                .region(Region.of("us", 2), new ScanOnlyStorage()).defaultRegion("eu").build();

        assertThatThrownBy(() -> routing.cartsOf(CUSTOMER)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL));
    }

    /** A store with the five calls only. */
    private record PlainRepository(CartRepository delegate) implements CartRepository {
        @Override
        public Optional<Cart> find(dev.cartflow.model.CartId id) {
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
    }

    /** A full store that does not list a customer's carts. */
    private static final class ScanOnlyStorage implements CartStorage, CartScan {
        private final InMemoryCartRepository carts = new InMemoryCartRepository();

        @Override
        public Optional<Cart> find(dev.cartflow.model.CartId id) {
            return carts.find(id);
        }

        @Override
        public Optional<Cart> findActiveByCustomer(CustomerId customerId) {
            return carts.findActiveByCustomer(customerId);
        }

        @Override
        public void save(CartWrite write) {
            carts.save(write);
        }

        @Override
        public void saveAll(List<CartWrite> writes) {
            carts.saveAll(writes);
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
            return carts.findIdempotency(key, now);
        }

        @Override
        public List<dev.cartflow.model.CartEvent> eventsSince(dev.cartflow.model.CartId id, long afterSequence) {
            return carts.eventsSince(id, afterSequence);
        }

        @Override
        public List<Cart> findExpiringBefore(Instant cutoff, int limit) {
            return carts.findExpiringBefore(cutoff, limit);
        }

        @Override
        public List<Cart> findInactiveSince(Instant cutoff, int limit) {
            return carts.findInactiveSince(cutoff, limit);
        }

        @Override
        public boolean delete(dev.cartflow.model.CartId id) {
            return carts.delete(id);
        }

        @Override
        public List<Cart> findAfter(dev.cartflow.model.CartId after, int limit) {
            return carts.findAfter(after, limit);
        }
    }
}
