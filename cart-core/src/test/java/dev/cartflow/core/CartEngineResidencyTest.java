package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.residency.Region;
import dev.cartflow.core.residency.RegionRoutingRepository;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An engine configured for a region, over a routing repository with two regions. */
class CartEngineResidencyTest {
    private static final Region EU = Region.of("eu", 1);
    private static final Region US = Region.of("us", 2);
    private final TestWorld world = new TestWorld();
    private final InMemoryCartRepository euStore = new InMemoryCartRepository();
    private final InMemoryCartRepository usStore = new InMemoryCartRepository();
    private final RegionRoutingRepository routing = RegionRoutingRepository.builder()
            .region(EU, euStore).region(US, usStore).defaultRegion("eu").build();
    private final CartEngine euEngine = world.builder().repository(routing).region(EU).build();
    private final CartEngine usEngine = world.builder().repository(routing).region(US).build();
    private final Actor service = Actor.service("backoffice");

    private static void assertDenied(Runnable call, String... messageParts) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class, e -> {
            assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
            for (String part : messageParts) {
                assertThat(e.getMessage()).contains(part);
            }
        });
    }

    @Test
    void createGuestCart_engineOfARegion_cartInItsRegionAndStorageWithARegionalId() {
        CreatedCart created = euEngine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(created.cart().region()).isEqualTo("eu");
        assertThat(Region.codeOf(created.cart().id())).hasValue(1);
        assertThat(euStore.find(created.cart().id())).contains(created.cart());
        assertThat(usStore.find(created.cart().id())).isEmpty();
    }

    @Test
    void createCustomerCart_specAskingAnotherRegion_failsAccessDeniedAndStoresNothing() {
        CustomerId alice = new CustomerId("alice");

        assertDenied(() -> euEngine.createCustomerCart(Actor.customer(alice), alice,
                NewCart.of("EUR", "DE").withRegion("us")), "us", "eu");
        assertThat(routing.findActiveByCustomer(alice)).isEmpty();
    }

    @Test
    void createGuestCart_specNamingTheEnginesRegion_accepted() {
        CreatedCart created = usEngine.createGuestCart(NewCart.of("EUR", "DE").withRegion("us"));

        assertThat(usStore.find(created.cart().id())).isPresent();
    }

    @Test
    void everyOperation_cartOfAnotherRegion_failsAccessDeniedAndChangesNothing() {
        CreatedCart inUs = usEngine.createGuestCart(NewCart.of("EUR", "DE"));
        usEngine.addItem(inUs.actor(), inUs.cart().id(), new Sku("A"), 1);
        Cart before = usStore.find(inUs.cart().id()).orElseThrow();

        assertDenied(() -> euEngine.get(service, inUs.cart().id()), "region us", "region eu");
        assertDenied(() -> euEngine.get(inUs.actor(), inUs.cart().id()));
        assertDenied(() -> euEngine.addItem(inUs.actor(), inUs.cart().id(), new Sku("A"), 1));
        assertDenied(() -> euEngine.price(service, inUs.cart().id()));
        assertDenied(() -> euEngine.changesSince(service, inUs.cart().id(), 0));
        assertDenied(() -> euEngine.checkout(service, inUs.cart().id(), Mutation.none()));

        assertThat(usStore.find(inUs.cart().id())).contains(before);
        assertThat(euStore.find(inUs.cart().id())).isEmpty();
    }

    @Test
    void merge_guestCartOfAnotherRegion_failsAccessDeniedAndChangesNothing() {
        CustomerId alice = new CustomerId("alice");
        CreatedCart guest = usEngine.createGuestCart(NewCart.of("EUR", "DE"));
        usEngine.addItem(guest.actor(), guest.cart().id(), new Sku("A"), 1);
        euEngine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        Cart before = usStore.find(guest.cart().id()).orElseThrow();

        assertDenied(() -> euEngine.merge(Actor.customer(alice),
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM)));
        assertThat(usStore.find(guest.cart().id())).contains(before);
    }

    @Test
    void get_cartStoredBeforeRegions_stillServedByARegionalEngine() {
        CartEngine legacyEngine = world.builder().repository(routing).build();
        CreatedCart old = legacyEngine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(old.cart().region()).isNull();
        assertThat(euEngine.get(old.actor(), old.cart().id())).isEqualTo(old.cart());
        assertThat(euEngine.addItem(old.actor(), old.cart().id(), new Sku("A"), 1).region()).isNull();
    }

    @Test
    void purgeExpired_sharedStoreHoldingAnotherRegionsCart_leavesItAlone() {
        InMemoryCartRepository shared = new InMemoryCartRepository();
        CartEngine eu = world.builder().repository(shared).region(EU).guestTtl(Duration.ofHours(1)).build();
        CartEngine us = world.builder().repository(shared).region(US).guestTtl(Duration.ofHours(1)).build();
        CreatedCart mine = eu.createGuestCart(NewCart.of("EUR", "DE"));
        CreatedCart theirs = us.createGuestCart(NewCart.of("EUR", "DE"));
        world.clock.advance(Duration.ofHours(3));

        assertThat(eu.maintenance().purgeExpired(Duration.ofHours(1), 10)).isEqualTo(1);

        assertThat(shared.find(mine.cart().id())).isEmpty();
        assertThat(shared.find(theirs.cart().id())).isPresent();
    }

    @Test
    void save_engineWithoutRegion_cartsOfEachRegionLandInTheirOwnStorage() {
        CartEngine global = world.builder().repository(routing).build();

        CreatedCart inUs = global.createGuestCart(NewCart.of("EUR", "DE").withRegion("us"));
        CreatedCart inEu = global.createGuestCart(NewCart.of("EUR", "DE").withRegion("eu"));

        assertThat(usStore.find(inUs.cart().id())).isPresent();
        assertThat(euStore.find(inUs.cart().id())).isEmpty();
        assertThat(euStore.find(inEu.cart().id())).isPresent();
        assertThatThrownBy(() -> global.createGuestCart(NewCart.of("EUR", "DE").withRegion("ap")))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
    }
}
