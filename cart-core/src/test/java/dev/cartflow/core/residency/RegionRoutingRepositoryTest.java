package dev.cartflow.core.residency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.tck.CartFixtures;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionRoutingRepositoryTest {
    private static final Region EU = Region.of("eu", 1);
    private static final Region US = Region.of("us", 2);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final SecureRandom random = new SecureRandom();
    private final CountingStorage eu = new CountingStorage();
    private final CountingStorage us = new CountingStorage();
    private final RegionRoutingRepository routing = RegionRoutingRepository.builder()
            .region(EU, eu).region(US, us).defaultRegion("eu").build();

    private Cart cartIn(Region region) {
        Cart base = CartFixtures.guestCart();
        return new Cart(region.newCartId(random), base.owner(), base.customerGroup(), base.currency(), base.country(),
                base.state(), 1, base.lines(), base.codes(), base.shippingMethod(), base.metadata(), base.createdAt(),
                base.updatedAt(), base.expiresAt(), base.abandonedAt(), region.name());
    }

    private static void assertDenied(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
    }

    @Test
    void save_cartOfARegion_storedInThatRegionOnly() {
        Cart cart = cartIn(US);

        routing.save(CartWrite.of(cart, 0, List.of()));

        assertThat(us.store.find(cart.id())).contains(cart);
        assertThat(eu.store.find(cart.id())).isEmpty();
    }

    @Test
    void find_regionalId_asksOnlyItsRegion() {
        Cart cart = cartIn(US);
        routing.save(CartWrite.of(cart, 0, List.of()));

        assertThat(routing.find(cart.id())).contains(cart);
        assertThat(us.reads).hasValue(1);
        assertThat(eu.reads).hasValue(0);
    }

    @Test
    void find_idWithAnUnknownCode_isEmptyWithoutAskingAnyRegion() {
        assertThat(routing.find(Region.of("ap", 77).newCartId(random))).isEmpty();
        assertThat(eu.reads.get() + us.reads.get()).isZero();
    }

    @Test
    void find_idOfEarlierReleases_asksTheDefaultRegionFirstThenTheOthers() {
        Cart old = CartFixtures.guestCart();
        us.store.save(CartWrite.of(old, 0, List.of()));

        assertThat(routing.find(old.id())).contains(old);
        assertThat(eu.reads).hasValue(1);
        assertThat(us.reads).hasValue(1);
    }

    @Test
    void save_cartWithoutRegion_goesToTheDefaultRegion() {
        Cart old = CartFixtures.guestCart();

        routing.save(CartWrite.of(old, 0, List.of()));

        assertThat(eu.store.find(old.id())).contains(old);
    }

    @Test
    void save_regionWithoutStorage_failsAccessDeniedAndWritesNothing() {
        Cart cart = cartIn(EU).toBuilder().region("ap").build();

        assertDenied(() -> routing.save(CartWrite.of(cart, 0, List.of())));
        assertThat(eu.store.find(cart.id())).isEmpty();
        assertThat(us.store.find(cart.id())).isEmpty();
    }

    @Test
    void save_withoutRegionAndWithoutDefault_failsAccessDenied() {
        RegionRoutingRepository strict = RegionRoutingRepository.builder().region(EU, eu).build();

        assertDenied(() -> strict.save(CartWrite.of(CartFixtures.guestCart(), 0, List.of())));
    }

    @Test
    void save_regionNotMatchingTheIdsCode_failsAccessDenied() {
        Cart mislabelled = cartIn(US).toBuilder().region("eu").build();

        assertDenied(() -> routing.save(CartWrite.of(mislabelled, 0, List.of())));
        assertThat(eu.store.find(mislabelled.id())).isEmpty();
    }

    @Test
    void saveAll_writesSpanningTwoRegions_failsAccessDeniedAndWritesNothing() {
        Cart inEu = cartIn(EU);
        Cart inUs = cartIn(US);

        assertDenied(() -> routing.saveAll(List.of(CartWrite.of(inEu, 0, List.of()), CartWrite.of(inUs, 0, List.of()))));
        assertThat(eu.store.find(inEu.id())).isEmpty();
        assertThat(us.store.find(inUs.id())).isEmpty();
    }

    @Test
    void findIdempotency_keyNamingARegionalCart_asksOnlyItsRegion() {
        Cart cart = cartIn(US);
        IdempotencyRecord record = new IdempotencyRecord("checkout|" + cart.id(), "fp", "{}", NOW.plusSeconds(60));
        routing.save(new CartWrite(cart, 0, List.of(), record));

        assertThat(routing.findIdempotency(record.key(), NOW)).contains(record);
        assertThat(us.reads).hasValue(1);
        assertThat(eu.reads).hasValue(0);
    }

    @Test
    void findActiveByCustomer_cartsInTwoRegions_theMostRecentlyUpdated() {
        CustomerId alice = new CustomerId("alice");
        Cart older = cartIn(EU).toBuilder().owner(new CartOwner.Customer(alice)).build();
        Cart newer = cartIn(US).toBuilder().owner(new CartOwner.Customer(alice))
                .updatedAt(older.updatedAt().plusSeconds(5)).build();
        routing.save(CartWrite.of(older, 0, List.of()));
        routing.save(CartWrite.of(newer, 0, List.of()));

        assertThat(routing.findActiveByCustomer(alice)).contains(newer);
    }

    @Test
    void findAfter_twoRegions_pagesThroughEveryCartOnceInIdOrder() {
        for (int i = 0; i < 7; i++) {
            routing.save(CartWrite.of(cartIn(i % 2 == 0 ? EU : US), 0, List.of()));
        }
        List<CartId> seen = new java.util.ArrayList<>();
        CartId after = null;
        List<Cart> page;
        do {
            page = routing.findAfter(after, 3);
            page.forEach(c -> seen.add(c.id()));
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == 3);

        assertThat(seen).hasSize(7).doesNotHaveDuplicates()
                .isSortedAccordingTo(java.util.Comparator.comparing(CartId::toString));
    }

    @Test
    void builder_repeatedRegionCodeOrStoreOrUnknownDefault_failsInvalidInput() {
        assertThatThrownBy(() -> RegionRoutingRepository.builder().region(EU, eu).region(Region.of("x", 1), us))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> RegionRoutingRepository.builder().region(EU, eu).region(US, eu))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> RegionRoutingRepository.builder().region(EU, eu).defaultRegion("us").build())
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> RegionRoutingRepository.builder().build())
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
