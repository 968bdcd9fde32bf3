package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.metrics.ConversionFigures;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CartMaintenanceTest {
    private final TestWorld world = new TestWorld();
    private final ConversionFigures figures = new ConversionFigures(world.published::addAll);
    private final CartEngine engine = world.builder().events(figures).guestTtl(Duration.ofDays(2)).build();

    @Test
    void purgeExpired_pastRetention_deletedInBatches() {
        for (int i = 0; i < 5; i++) {
            engine.createGuestCart(NewCart.of("EUR", "DE"));
        }
        CreatedCart recent = null;
        world.clock.advance(Duration.ofDays(3));
        recent = engine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(engine.maintenance().purgeExpired(Duration.ofDays(1), 2)).isEqualTo(0);
        world.clock.advance(Duration.ofDays(1));
        assertThat(engine.maintenance().purgeExpired(Duration.ofDays(1), 2)).isEqualTo(2);
        assertThat(engine.maintenance().purgeExpired(Duration.ofDays(1), 2)).isEqualTo(2);
        assertThat(engine.maintenance().purgeExpired(Duration.ofDays(1), 2)).isEqualTo(1);
        assertThat(engine.maintenance().purgeExpired(Duration.ofDays(1), 2)).isEqualTo(0);
        assertThat(world.repository.find(recent.cart().id())).isPresent();
        assertThat(world.published.stream().filter(e -> e.type() == CartEvent.Type.EXPIRED)).hasSize(5);
    }

    @Test
    void markAbandoned_idleCartWithLines_onceUntilActivity() {
        CreatedCart idle = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(idle.actor(), idle.cart().id(), new Sku("C"), 1);
        engine.createGuestCart(NewCart.of("EUR", "DE"));
        world.clock.advance(Duration.ofHours(5));

        assertThat(engine.maintenance().markAbandoned(Duration.ofHours(4), 10)).isEqualTo(1);
        assertThat(engine.maintenance().markAbandoned(Duration.ofHours(4), 10)).isEqualTo(0);
        assertThat(engine.get(idle.actor(), idle.cart().id()).abandonedAt()).isNotNull();

        engine.addItem(idle.actor(), idle.cart().id(), new Sku("C"), 1);
        assertThat(engine.get(idle.actor(), idle.cart().id()).abandonedAt()).isNull();
        world.clock.advance(Duration.ofHours(5));
        assertThat(engine.maintenance().markAbandoned(Duration.ofHours(4), 10)).isEqualTo(1);
        assertThat(figures.snapshot().abandoned()).isEqualTo(2);
    }

    @Test
    void conversionFigures_countCreatedMergedCheckedOut() {
        CustomerId alice = new CustomerId("alice");
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("C"), 1);
        engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        var merged = engine.merge(Actor.customer(alice),
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM));
        engine.checkout(Actor.customer(alice), merged.cart().id(), Mutation.none());

        ConversionFigures.Snapshot snapshot = figures.snapshot();
        assertThat(snapshot.created()).isEqualTo(2);
        assertThat(snapshot.merged()).isEqualTo(1);
        assertThat(snapshot.checkedOut()).isEqualTo(1);
        assertThat(snapshot.checkoutRatePerMille()).isEqualTo(500);
    }

    @Test
    void changesSince_secondDevice_catchesUpFromItsVersion() {
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), new Sku("C"), 1);
        long deviceVersion = engine.get(cart.actor(), cart.cart().id()).version();
        engine.addItem(cart.actor(), cart.cart().id(), new Sku("A"), 1);
        engine.applyCode(cart.actor(), cart.cart().id(), "SAVE10");

        assertThat(engine.changesSince(cart.actor(), cart.cart().id(), deviceVersion))
                .extracting(e -> e.type().name() + "@" + e.sequence())
                .containsExactly("LINE_ADDED@3", "CODE_APPLIED@4");
    }
}
