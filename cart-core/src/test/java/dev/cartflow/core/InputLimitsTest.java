package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.Promotion;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Regression tests of the input limits added for issue 10 (docs/operations.md, "Input limits"). */
class InputLimitsTest {
    private final TestWorld world = new TestWorld();

    InputLimitsTest() {
        for (int i = 1; i <= 6; i++) {
            world.promotions.put(Promotion.builder("C" + i).code("CODE" + i).percentOff("1").build());
        }
    }

    private static CartException rejected(Runnable call) {
        return catchThrowableOfType(CartException.class, call::run);
    }

    private CartEngine engineWithCodes(int maxCodes) {
        return world.builder().limits(new CartLimits(3, 50, null, maxCodes)).build();
    }

    private static CartCommand code(String code) {
        return new CartCommand.ApplyCode(code);
    }

    @Test
    void applyCode_cartHoldingMaxCodes_cartLimitAndCartUnchanged() {
        CartEngine engine = engineWithCodes(3);
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        CartId id = created.cart().id();
        for (int i = 1; i <= 3; i++) {
            engine.execute(guest, id, code("CODE" + i), Mutation.none());
        }
        Cart full = world.repository.find(id).orElseThrow();

        CartException e = rejected(() -> engine.execute(guest, id, code("CODE4"), Mutation.none()));

        assertThat(e.code()).isEqualTo(CartErrorCode.CART_LIMIT);
        assertThat(world.repository.find(id)).contains(full);
        assertThat(engine.execute(guest, id, code("code2"), Mutation.none()).codes())
                .as("a code already on a full cart changes nothing").containsExactly("CODE1", "CODE2", "CODE3");
        engine.execute(guest, id, new CartCommand.RemoveCode("CODE1"), Mutation.none());
        assertThat(engine.execute(guest, id, code("CODE4"), Mutation.none()).codes())
                .containsExactly("CODE2", "CODE3", "CODE4");
    }

    @Test
    void applyCode_defaultLimits_twentyCodes() {
        assertThat(CartLimits.DEFAULT.maxCodes()).isEqualTo(CartLimits.DEFAULT_MAX_CODES).isEqualTo(20);
        assertThat(new CartLimits(1, 1, null).maxCodes()).isEqualTo(20);
        assertThat(rejected(() -> new CartLimits(1, 1, null, 0)).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void merge_codesUnitedOverTheLimit_keptAndFurtherCodesRefused() {
        CartEngine engine = engineWithCodes(2);
        CustomerId alice = new CustomerId("alice");
        Cart customerCart = engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        engine.execute(Actor.customer(alice), customerCart.id(), code("CODE1"), Mutation.none());
        engine.execute(Actor.customer(alice), customerCart.id(), code("CODE2"), Mutation.none());
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.execute(Actor.guest(guest.token()), guest.cart().id(), code("CODE3"), Mutation.none());

        Cart merged = engine.merge(Actor.customer(alice),
                new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM)).cart();

        assertThat(merged.codes()).containsExactly("CODE1", "CODE2", "CODE3");
        assertThat(rejected(() -> engine.execute(Actor.customer(alice), merged.id(), code("CODE4"), Mutation.none())).code())
                .isEqualTo(CartErrorCode.CART_LIMIT);
    }

    @Test
    void removeLines_overTheBulkBound_invalidInput() {
        List<LineId> tooMany = new ArrayList<>();
        IntStream.range(0, Shapes.MAX_BULK + 1).forEach(i -> tooMany.add(new LineId("line-" + i)));

        assertThat(rejected(() -> new CartCommand.RemoveLines(tooMany)).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(new CartCommand.RemoveLines(tooMany.subList(0, Shapes.MAX_BULK)).lineIds()).hasSize(Shapes.MAX_BULK);
    }

    @Test
    void mergeRequest_hostileGuestToken_invalidInputBeforeAnyRead() {
        CartId id = CartId.random();
        CustomerId alice = new CustomerId("alice");

        assertThat(rejected(() -> new MergeRequest(id, "t".repeat(257), alice, MergePolicy.SUM)).code())
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(rejected(() -> new MergeRequest(id, "a\u0000b", alice, MergePolicy.SUM)).code())
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(rejected(() -> new MergeRequest(id, " ", alice, MergePolicy.SUM)).code())
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(new MergeRequest(id, "t".repeat(256), alice, MergePolicy.SUM).guestToken()).hasSize(256);
    }

    @Test
    void newCart_clientKey_boundedAndMasked() {
        NewCart spec = NewCart.of("EUR", "DE").withClientKey("k".repeat(NewCart.MAX_CLIENT_KEY_LENGTH));

        assertThat(spec.clientKey()).hasSize(NewCart.MAX_CLIENT_KEY_LENGTH);
        assertThat(NewCart.of("EUR", "DE").withClientKey("198.51.100.23").toString()).doesNotContain("198.51.100.23");
        for (String bad : new String[] {"k".repeat(NewCart.MAX_CLIENT_KEY_LENGTH + 1), "", " ", "a\nb", "x\ud800", null}) {
            assertThat(rejected(() -> NewCart.of("EUR", "DE").withClientKey(bad)).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
        }
    }
}
