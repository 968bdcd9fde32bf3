package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Recovery links on the in-memory engine: issued once, redeemed once, never shown. */
class CartRecoveryTest {
    private static final CustomerId ALICE = new CustomerId("alice");
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.builder().freezeAndRecovery(new FreezeAndRecoverySettings(
            Duration.ofDays(3), Duration.ofMinutes(15), Duration.ofHours(2))).build();

    private CreatedCart idleGuest() {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("C"), 2);
        return guest;
    }

    private RecoveryLink abandon(CreatedCart cart) {
        world.clock.advance(Duration.ofHours(5));
        List<RecoveryLink> links = engine.maintenance().markAbandonedWithRecovery(Duration.ofHours(4), 10);
        return links.stream().filter(l -> l.cartId().equals(cart.cart().id())).findFirst().orElseThrow();
    }

    private Optional<Cart> stored(CreatedCart cart) {
        return world.repository.find(cart.cart().id());
    }

    private static void denied(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
    }

    @Test
    void markAbandonedWithRecovery_idleCart_oneLinkAndTheEventSaysATokenExists() {
        CreatedCart guest = idleGuest();
        engine.createGuestCart(NewCart.of("EUR", "DE")); // empty: never abandoned

        RecoveryLink link = abandon(guest);

        assertThat(link.token()).startsWith(guest.cart().id() + ".");
        assertThat(link.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofDays(3)));
        Cart cart = stored(guest).orElseThrow();
        assertThat(cart.abandonedAt()).isNotNull();
        assertThat(cart.recovery().tokenHash()).doesNotContain(link.token().substring(37));
        CartEvent abandoned = world.published.stream().filter(e -> e.type() == CartEvent.Type.ABANDONED)
                .findFirst().orElseThrow();
        assertThat(abandoned.data()).containsEntry("recoveryToken", "true");
        assertThat(world.published).anyMatch(e -> e.type() == CartEvent.Type.RECOVERY_ISSUED);
        assertThat(engine.maintenance().markAbandonedWithRecovery(Duration.ofHours(4), 10)).isEmpty();
    }

    @Test
    void markAbandoned_withoutRecovery_eventSaysNoToken() {
        idleGuest();
        world.clock.advance(Duration.ofHours(5));

        assertThat(engine.maintenance().markAbandoned(Duration.ofHours(4), 10)).isEqualTo(1);

        assertThat(world.published.stream().filter(e -> e.type() == CartEvent.Type.ABANDONED))
                .singleElement().satisfies(e -> assertThat(e.data()).containsEntry("recoveryToken", "false"));
    }

    @Test
    void recover_guestCartWithoutSignIn_newGuestTokenReplacesTheOld() {
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);

        RecoveredCart recovered = engine.recover(link.token());

        assertThat(recovered.guestToken()).isNotNull().isNotEqualTo(guest.token());
        assertThat(recovered.cart().recovery()).isNull();
        assertThat(recovered.cart().abandonedAt()).isNull();
        assertThat(engine.get(recovered.guestActor().orElseThrow(), guest.cart().id()).lines()).hasSize(1);
        denied(() -> engine.get(guest.actor(), guest.cart().id()));
        assertThat(world.published).anyMatch(e -> e.type() == CartEvent.Type.RECOVERED
                && "guest".equals(e.data().get("credential")));
    }

    @Test
    void recover_secondTime_accessDeniedAndNothingChanges() {
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);
        engine.recover(link.token());
        Optional<Cart> before = stored(guest);

        denied(() -> engine.recover(link.token()));
        denied(() -> engine.recover(Actor.customer(ALICE), link.token(), MergePolicy.SUM));

        assertThat(stored(guest)).isEqualTo(before);
    }

    @Test
    void recover_pastItsExpiry_accessDeniedAndNothingChanges() {
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);
        world.clock.advance(Duration.ofDays(3));
        Optional<Cart> before = stored(guest);

        denied(() -> engine.recover(link.token()));

        assertThat(stored(guest)).isEqualTo(before);
    }

    @Test
    void recover_wrongOrMalformedToken_accessDenied() {
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);
        String secret = link.token().substring(37);
        String otherSecret = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);
        Optional<Cart> before = stored(guest);

        denied(() -> engine.recover(guest.cart().id() + "." + otherSecret));
        denied(() -> engine.recover(secret));
        denied(() -> engine.recover(guest.cart().id().toString().toUpperCase() + "." + secret));
        denied(() -> engine.recover(dev.cartflow.model.CartId.random() + "." + secret));

        assertThat(stored(guest)).isEqualTo(before);
        assertThat(engine.recover(link.token()).guestToken()).isNotNull();
    }

    @Test
    void recover_nullBlankOrOverlongToken_invalidInputWithoutTheToken() {
        for (String bad : new String[] {null, " ", "x".repeat(500), "a\u0000b"}) {
            assertThatThrownBy(() -> engine.recover(bad)).isInstanceOfSatisfying(CartException.class, e -> {
                assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT);
                assertThat(e.getMessage()).doesNotContain("xxxx");
            });
        }
    }

    @Test
    void recover_signedIn_guestCartMergedIntoTheCustomersCartByPolicy() {
        Cart alices = engine.createCustomerCart(Actor.customer(ALICE), ALICE, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(ALICE), alices.id(), new Sku("C"), 1);
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);

        RecoveredCart recovered = engine.recover(Actor.customer(ALICE), link.token(), MergePolicy.MAX);

        assertThat(recovered.merge()).isNotNull();
        assertThat(recovered.guestToken()).isNull();
        assertThat(recovered.cart().id()).isEqualTo(alices.id());
        assertThat(recovered.cart().lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
        assertThat(stored(guest).orElseThrow().state()).isEqualTo(dev.cartflow.model.CartState.MERGED);
        denied(() -> engine.recover(Actor.customer(ALICE), link.token(), MergePolicy.SUM));
    }

    @Test
    void recover_signedInWithoutAPolicy_mergedBySum() {
        Cart alices = engine.createCustomerCart(Actor.customer(ALICE), ALICE, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(ALICE), alices.id(), new Sku("C"), 1);
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);

        RecoveredCart recovered = engine.recover(Actor.customer(ALICE), link.token(), null);

        assertThat(recovered.cart().lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
    }

    @Test
    void recover_signedInWithoutACart_guestCartBecomesTheCustomersWithoutItsToken() {
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);

        RecoveredCart recovered = engine.recover(Actor.customer(ALICE), link.token(), MergePolicy.SUM);

        assertThat(recovered.cart().id()).isEqualTo(guest.cart().id());
        assertThat(recovered.cart().owner()).isEqualTo(new CartOwner.Customer(ALICE));
        assertThat(recovered.cart().recovery()).isNull();
        denied(() -> engine.recover(Actor.customer(ALICE), link.token(), MergePolicy.SUM));
    }

    @Test
    void recover_signedInMergeRefused_guestCartRecoveredWithItsCredentialAndTheCode() {
        engine.createCustomerCart(Actor.customer(ALICE), ALICE, NewCart.of("USD", "DE"));
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);

        RecoveredCart recovered = engine.recover(Actor.customer(ALICE), link.token(), MergePolicy.SUM);

        assertThat(recovered.mergeRefusal()).isEqualTo(CartErrorCode.CURRENCY_MISMATCH);
        assertThat(recovered.merge()).isNull();
        assertThat(engine.get(recovered.guestActor().orElseThrow(), guest.cart().id()).recovery()).isNull();
    }

    @Test
    void recover_customerCart_needsThatCustomerSignedIn() {
        Cart alices = engine.createCustomerCart(Actor.customer(ALICE), ALICE, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(ALICE), alices.id(), new Sku("C"), 1);
        world.clock.advance(Duration.ofHours(5));
        RecoveryLink link = engine.maintenance().markAbandonedWithRecovery(Duration.ofHours(4), 10).get(0);
        Optional<Cart> before = world.repository.find(alices.id());

        denied(() -> engine.recover(link.token()));
        denied(() -> engine.recover(Actor.customer(new CustomerId("mallory")), link.token(), MergePolicy.SUM));
        denied(() -> engine.recover(Actor.service("svc"), link.token(), MergePolicy.SUM));
        assertThat(world.repository.find(alices.id())).isEqualTo(before);

        RecoveredCart recovered = engine.recover(Actor.customer(ALICE), link.token(), MergePolicy.SUM);

        assertThat(recovered.cart().id()).isEqualTo(alices.id());
        assertThat(recovered.merge()).isNull();
        assertThat(recovered.cart().recovery()).isNull();
    }

    @Test
    void recover_concurrentRedeems_exactlyOneWins() throws Exception {
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);
        int racers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RecoveredCart>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                Callable<RecoveredCart> redeem = () -> {
                    start.await();
                    return engine.recover(link.token());
                };
                results.add(pool.submit(redeem));
            }
            start.countDown();
            int won = 0;
            for (Future<RecoveredCart> result : results) {
                try {
                    result.get(60, TimeUnit.SECONDS);
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfSatisfying(CartException.class,
                            c -> assertThat(c.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
                }
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void issueRecovery_serviceOnAnAbandonedCart_replacesTheEarlierToken() {
        CreatedCart guest = idleGuest();
        RecoveryLink first = abandon(guest);

        RecoveryLink second = engine.issueRecovery(Actor.service("mailer"), guest.cart().id());

        assertThat(second.token()).isNotEqualTo(first.token());
        denied(() -> engine.recover(first.token()));
        assertThat(engine.recover(second.token()).guestToken()).isNotNull();
    }

    @Test
    void issueRecovery_cartNotAbandoned_cartNotActive() {
        CreatedCart guest = idleGuest();
        Optional<Cart> before = stored(guest);

        assertThatThrownBy(() -> engine.issueRecovery(Actor.service("mailer"), guest.cart().id()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        assertThat(stored(guest)).isEqualTo(before);
    }

    @Test
    void recover_anyOutcome_tokenNeverInEventsErrorsOrToString() {
        CreatedCart guest = idleGuest();
        RecoveryLink link = abandon(guest);
        String secret = link.token().substring(37);
        RecoveredCart recovered = engine.recover(link.token());
        Throwable again = org.assertj.core.api.Assertions.catchThrowable(() -> engine.recover(link.token()));

        assertThat(world.published).allSatisfy(e -> assertThat(e.data().values())
                .noneMatch(v -> v.contains(secret) || v.contains(recovered.guestToken())));
        assertThat(again.getMessage()).doesNotContain(secret);
        assertThat(link.toString()).doesNotContain(secret);
        assertThat(recovered.toString()).doesNotContain(recovered.guestToken());
        assertThat(stored(guest).orElseThrow().toString()).doesNotContain(secret);
    }

    @Test
    void issueRecovery_eachRole_allowedOrDeniedAndStoredCartUnchangedWhenDenied() {
        dev.cartflow.core.memory.InMemoryAuditLog audit = new dev.cartflow.core.memory.InMemoryAuditLog();
        CartEngine audited = world.builder().audit(audit).build();
        Cart alices = audited.createCustomerCart(Actor.customer(ALICE), ALICE, NewCart.of("EUR", "DE"));
        audited.addItem(Actor.customer(ALICE), alices.id(), new Sku("C"), 1);
        world.clock.advance(Duration.ofHours(5));
        audited.maintenance().markAbandoned(Duration.ofHours(4), 10);
        java.util.Map<Actor, Boolean> roles = new java.util.LinkedHashMap<>();
        roles.put(Actor.support("staff-1", "ticket-1"), true);
        roles.put(Actor.supportReadOnly("staff-2", "ticket-2"), false);
        roles.put(Actor.service("mailer", java.util.EnumSet.of(dev.cartflow.model.CartOperation.ISSUE_RECOVERY)), true);
        roles.put(Actor.service("other", java.util.EnumSet.of(dev.cartflow.model.CartOperation.GET)), false);
        roles.put(Actor.customer(ALICE), true);
        roles.put(Actor.customer(new CustomerId("mallory")), false);
        roles.put(Actor.guest("not-the-token"), false);

        roles.forEach((actor, allowed) -> {
            Optional<Cart> before = world.repository.find(alices.id());
            int entries = audit.events().size();
            if (allowed) {
                assertThat(audited.issueRecovery(actor, alices.id()).cartId()).as("%s", actor).isEqualTo(alices.id());
            } else {
                denied(() -> audited.issueRecovery(actor, alices.id()));
                assertThat(world.repository.find(alices.id())).as("%s", actor).isEqualTo(before);
                assertThat(audit.events().subList(entries, audit.events().size())).as("%s", actor)
                        .anyMatch(e -> e.outcome() == dev.cartflow.spi.AuditEvent.Outcome.DENIED);
            }
        });
    }
}
