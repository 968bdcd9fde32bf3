package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.cache.CachingCatalogProvider;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.observe.BusinessEvent;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The observer hook, called from the stages of a real in-memory engine. */
class ObserverHookTest {
    private final TestWorld world = new TestWorld();
    private final RecordingObserver observer = new RecordingObserver();
    private final CartEngine engine = world.builder().observer(observer).build();

    @Test
    void operations_eachFinishedWithOutcomeAndCode() {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 1);
        assertThatThrownBy(() -> engine.addItem(cart.actor(), cart.cart().id(), new Sku("NOPE"), 1))
                .isInstanceOf(CartException.class);

        assertThat(observer.lines).containsSubsequence(
                "started CREATE_GUEST_CART", "finished CREATE_GUEST_CART SUCCESS null",
                "started ADD_ITEM", "finished ADD_ITEM SUCCESS null",
                "started ADD_ITEM", "finished ADD_ITEM REJECTED PRODUCT_NOT_FOUND");
    }

    @Test
    void providerCalls_timedWithOutcome_failingProviderIsError() {
        AtomicBoolean down = new AtomicBoolean();
        CartEngine failing = world.builder().observer(observer).catalog(skus -> {
            if (down.get()) {
                throw new IllegalStateException("catalog down");
            }
            return world.catalog.products(skus);
        }).build();
        CreatedCart cart = failing.createGuestCart(NewCart.of("EUR", "DE"));
        failing.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 1);
        assertThat(observer.lines).contains("provider catalog SUCCESS", "provider pricing SUCCESS",
                "provider inventory SUCCESS", "provider repository SUCCESS");

        down.set(true);
        assertThatThrownBy(() -> failing.addItem(cart.actor(), cart.cart().id(), new Sku("B"), 2))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(observer.lines).contains("provider catalog ERROR",
                "finished ADD_ITEM ERROR PROVIDER_UNAVAILABLE");
    }

    @Test
    void execute_lostRaceToConcurrentChange_retryReported() {
        AtomicBoolean raced = new AtomicBoolean();
        CartEngine[] engines = new CartEngine[1];
        CreatedCart[] created = new CreatedCart[1];
        DelegatingRepository racing = new DelegatingRepository(world.repository) {
            @Override
            public void save(CartWrite write) {
                if (write.expectedVersion() > 0 && raced.compareAndSet(false, true)) {
                    // another writer gets in first, so this save meets a stale version
                    world.engine().addItem(created[0].actor(), write.cart().id(), new Sku("C"), 1);
                }
                super.save(write);
            }
        };
        engines[0] = world.builder().repository(racing).observer(observer).build();
        created[0] = engines[0].createGuestCart(NewCart.of("EUR", "DE"));

        Cart cart = engines[0].addItem(created[0].actor(), created[0].cart().id(), new Sku("A"), 1);

        assertThat(cart.lines()).hasSize(2);
        assertThat(observer.lines).contains("retry ADD_ITEM 2", "provider repository REJECTED");
    }

    @Test
    void business_createdMergedCodesCheckedOutAbandoned_derivedFromStoredChanges() {
        CustomerId alice = new CustomerId("alice");
        Actor aliceActor = Actor.customer(alice);
        engine.createCustomerCart(aliceActor, alice, NewCart.of("EUR", "DE"));
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("A"), 2);
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");
        assertThatThrownBy(() -> engine.applyCode(guest.actor(), guest.cart().id(), "GUESS1"))
                .isInstanceOf(CartException.class);
        Cart merged = engine.merge(aliceActor, new MergeRequest(guest.cart().id(), guest.token(), alice,
                MergePolicy.SUM)).cart();
        CheckoutResult result = engine.checkout(aliceActor, merged.id(), Mutation.none());
        CreatedCart idle = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(idle.actor(), idle.cart().id(), new Sku("C"), 1);
        world.clock.advance(Duration.ofHours(5));
        engine.maintenance().markAbandoned(Duration.ofHours(4), 10);

        assertThat(observer.kinds()).containsExactly(
                BusinessEvent.Kind.CART_CREATED, BusinessEvent.Kind.CART_CREATED, BusinessEvent.Kind.CODE_APPLIED,
                BusinessEvent.Kind.CODE_REJECTED, BusinessEvent.Kind.CART_MERGED, BusinessEvent.Kind.CHECKED_OUT,
                BusinessEvent.Kind.CART_CREATED, BusinessEvent.Kind.CART_ABANDONED);
        BusinessEvent checkedOut = observer.business.get(5);
        assertThat(checkedOut.amount()).isEqualTo(result.priced().total());
        assertThat(result.priced().total().toDecimalString()).isEqualTo("21.42");
    }

    @Test
    void previewMerge_storesNothing_countsNothing() {
        CustomerId bob = new CustomerId("bob");
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("A"), 1);
        engine.previewMerge(Actor.customer(bob), new MergeRequest(guest.cart().id(), guest.token(), bob,
                MergePolicy.SUM));
        assertThat(observer.kinds()).containsExactly(BusinessEvent.Kind.CART_CREATED);
    }

    @Test
    void publish_publisherThrows_operationSucceedsFailureObserved() {
        CartEngine throwing = world.builder().observer(observer).events(events -> {
            throw new IllegalStateException("broker down");
        }).build();
        CreatedCart cart = throwing.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(world.repository.find(cart.cart().id())).isPresent();
        assertThat(observer.lines).contains("swallowed publish", "finished CREATE_GUEST_CART SUCCESS null");
        assertThat(observer.swallowed).singleElement().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void checkout_storeFailsAndReleaseThrows_releaseFailureObservedCheckoutErrorKept() {
        StockReservations stuck = new StockReservations() {
            @Override
            public void reserve(String reservationId, Map<StockKey, Integer> units) {
            }

            @Override
            public void release(String reservationId) {
                throw new IllegalStateException("stock service down");
            }
        };
        DelegatingRepository refusing = new DelegatingRepository(world.repository) {
            @Override
            public void save(CartWrite write) {
                if (write.cart().state() == CartState.CHECKED_OUT) {
                    throw new IllegalStateException("disk full");
                }
                super.save(write);
            }
        };
        CartEngine failing = world.builder().repository(refusing).reservations(stuck).observer(observer).build();
        CreatedCart cart = failing.createGuestCart(NewCart.of("EUR", "DE"));
        failing.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 1);

        assertThatThrownBy(() -> failing.checkout(cart.actor(), cart.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(observer.lines).contains("swallowed checkout.release-reservation", "provider reservations ERROR");
    }

    @Test
    void observer_throwsEverywhere_operationsUnchanged() {
        CartObserver hostile = new CartObserver() {
            @Override
            public void operationStarted(CartOperation operation) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void operationFinished(CartOperation operation, Outcome outcome, CartErrorCode code,
                                          Duration duration) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void providerCalled(String provider, Outcome outcome, Duration duration) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void business(BusinessEvent event) {
                throw new IllegalStateException("observer bug");
            }
        };
        CartEngine observed = world.builder().observer(hostile).build();
        CreatedCart cart = observed.createGuestCart(NewCart.of("EUR", "DE"));
        Cart after = observed.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 1);

        assertThat(after.lines()).hasSize(1);
        assertThatThrownBy(() -> observed.addItem(cart.actor(), cart.cart().id(), new Sku("NOPE"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PRODUCT_NOT_FOUND));
    }

    @Test
    void operation_errorEscapes_reportedAsInternalNotSuccess() {
        CartEngine broken = world.builder().observer(observer).catalog(skus -> {
            throw new AssertionError("host invariant broken");
        }).build();
        CreatedCart cart = broken.createGuestCart(NewCart.of("EUR", "DE"));

        assertThatThrownBy(() -> broken.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 1))
                .isInstanceOf(AssertionError.class);
        assertThat(observer.lines).contains("finished ADD_ITEM ERROR INTERNAL")
                .doesNotContain("finished ADD_ITEM SUCCESS null");
    }

    @Test
    void execute_sameKeyOtherCorrelationId_replayedNotAppliedTwice() {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Mutation first = Mutation.idempotent("add-1").withCorrelationId("req-1");
        Cart once = engine.execute(cart.actor(), cart.cart().id(), new CartCommand.AddItem(new Sku("A"), 1, null), first);

        Cart again = engine.execute(cart.actor(), cart.cart().id(), new CartCommand.AddItem(new Sku("A"), 1, null),
                first.withCorrelationId("req-2"));

        assertThat(again).isEqualTo(once);
        assertThat(engine.get(cart.actor(), cart.cart().id()).lines().get(0).quantity()).isEqualTo(1);
    }

    @Test
    void providerCache_withObserver_hitsAndMissesPerSku() {
        CachingCatalogProvider cached = CachingCatalogProvider.builder(world.catalog).observer(observer).build();
        cached.products(Set.of(new Sku("A")));
        cached.products(Set.of(new Sku("A"), new Sku("B")));

        assertThat(observer.count("cache catalog miss")).isEqualTo(2);
        assertThat(observer.count("cache catalog hit")).isEqualTo(1);
    }
}
