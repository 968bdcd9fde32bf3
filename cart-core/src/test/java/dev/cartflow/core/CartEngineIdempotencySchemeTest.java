package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartCommand.Bulk;
import dev.cartflow.core.CartCommand.SetMetadata;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.merge.MergeResult;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one idempotency scheme: canonical fingerprints, one TTL, replays that survive a restart and a deploy. */
class CartEngineIdempotencySchemeTest {
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.engine();
    private final CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

    @Test
    void execute_requestsWhoseToStringFingerprintsCollide_toldApart() {
        Bulk one = new Bulk(List.of(new AddItem(Sku.of("C"), 1, "w], AddItem[sku=B, quantity=2, warehouse=w")));
        Bulk two = new Bulk(List.of(new AddItem(Sku.of("C"), 1, "w"), new AddItem(Sku.of("B"), 2, "w")));
        assertThat(one.toString()).isEqualTo(two.toString());
        engine.execute(cart.actor(), cart.cart().id(), one, Mutation.idempotent("k-1"));

        assertThatThrownBy(() -> engine.execute(cart.actor(), cart.cart().id(), two, Mutation.idempotent("k-1")))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.IDEMPOTENCY_KEY_REUSED));
        assertThat(engine.get(cart.actor(), cart.cart().id()).lines()).hasSize(1);
    }

    @Test
    void execute_sameMetadataSpelledDifferently_sameRequestReplayed() {
        Cart first = engine.execute(cart.actor(), cart.cart().id(), new SetMetadata("{\"a\": 1}"),
                Mutation.idempotent("k-1"));
        Cart again = engine.execute(cart.actor(), cart.cart().id(), new SetMetadata("{ \"a\" :1 }"),
                Mutation.idempotent("k-1"));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void execute_idempotentRetryAfterRestart_replays() {
        AddItem add = new AddItem(Sku.of("A"), 2);
        Cart first = engine.execute(cart.actor(), cart.cart().id(), add, Mutation.idempotent("k-1"));
        CartEngine restarted = world.engine();

        Cart again = restarted.execute(cart.actor(), cart.cart().id(), add, Mutation.idempotent("k-1"));

        assertThat(again).isEqualTo(first);
        assertThat(world.repository.find(cart.cart().id())).contains(first);
    }

    @Test
    void checkout_idempotentRetryAfterRestart_replaysOneOrder() {
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 2);
        CheckoutResult first = engine.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1"));
        CartEngine restarted = world.engine();

        CheckoutResult again = restarted.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1"));

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> restarted.checkout(cart.actor(), cart.cart().id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        assertThatThrownBy(() -> restarted.checkout(cart.actor(), cart.cart().id(),
                new Mutation(1L, "order-1"))).isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void merge_againAfterRestart_firstResult() {
        CustomerId alice = new CustomerId("alice");
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("C"), 1);
        engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        MergeRequest request = new MergeRequest(cart.cart().id(), cart.token(), alice, MergePolicy.SUM);
        MergeResult first = engine.merge(Actor.customer(alice), request);

        MergeResult again = world.engine().merge(Actor.customer(alice),
                new MergeRequest(cart.cart().id(), cart.token(), alice, MergePolicy.MAX));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void checkout_afterIdempotencyTtl_keyForgottenCartNotActive() {
        CartEngine shortLived = world.builder().idempotencyTtl(Duration.ofMinutes(5)).build();
        shortLived.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);
        shortLived.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1"));
        world.clock.advance(Duration.ofMinutes(6));

        assertThatThrownBy(() -> shortLived.checkout(cart.actor(), cart.cart().id(), Mutation.idempotent("order-1")))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
    }

    @Test
    void execute_recordWrittenBeforeFormat2_replaysDuringRollingDeploy() throws Exception {
        AddItem add = new AddItem(Sku.of("A"), 1);
        Cart stored = world.repository.find(cart.cart().id()).orElseThrow();
        Cart answered = stored.toBuilder().version(stored.version() + 1).build();
        String oldFingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest((add + "|null").getBytes(StandardCharsets.UTF_8)));
        world.repository.save(new CartWrite(answered, stored.version(), List.of(), new IdempotencyRecord(
                cart.cart().id() + "|Guest|k-old", oldFingerprint, CartCodec.write(answered, CartCodec.Keys.COMPACT),
                world.clock.instant().plus(Duration.ofHours(1)))));

        Cart replayed = engine.execute(cart.actor(), cart.cart().id(), add, Mutation.idempotent("k-old"));

        assertThat(replayed).isEqualTo(answered);
        assertThat(world.repository.find(cart.cart().id())).contains(answered);
    }
}
