package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Participant.Role;
import dev.cartflow.model.Sku;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Shared carts on the in-memory engine: who may invite and remove, what each role may run, and that
 * a wrong, revoked or expired share token is refused exactly like a stranger.
 */
class SharedCartAccessTest {
    private static final Duration DAY = Duration.ofDays(1);
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.builder().sharing(new ShareSettings(3, Duration.ofDays(7))).build();
    private final CustomerId alice = new CustomerId("alice");
    private final Cart cart = engine.addItem(Actor.customer(alice),
            engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE")).id(), Sku.of("B"), 2);

    private Invitation invite(Role role, boolean mayCheckout) {
        return engine.invite(Actor.customer(alice), cart.id(), role, mayCheckout, DAY, Mutation.none());
    }

    private Optional<Cart> stored() {
        return world.repository.find(cart.id());
    }

    /** The call fails with ACCESS_DENIED, the stranger's message, and the stored cart stays as it was. */
    private void assertDenied(Supplier<?> call) {
        Optional<Cart> before = stored();
        assertThatThrownBy(call::get).isInstanceOfSatisfying(CartException.class, e -> {
            assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
            assertThat(e.getMessage()).isEqualTo(strangersRefusal());
        });
        assertThat(stored()).isEqualTo(before);
    }

    /** What a customer who does not own the cart is told. */
    private String strangersRefusal() {
        try {
            engine.get(Actor.customer(new CustomerId("mallory")), cart.id());
        } catch (CartException e) {
            return e.getMessage();
        }
        throw new AssertionError("a stranger read the cart");
    }

    @Test
    void invite_byOwner_returnsUrlSafeTokenOnceAndStoresOnlyItsHash() {
        Invitation invitation = invite(Role.VIEW, false);

        assertThat(invitation.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(invitation.expiresAt()).isEqualTo(world.clock.instant().plus(DAY));
        assertThat(invitation.toString()).doesNotContain(invitation.token());
        Cart saved = stored().orElseThrow();
        assertThat(saved.version()).isEqualTo(cart.version() + 1);
        assertThat(saved.participants()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(invitation.participantId());
            assertThat(p.tokenHash()).isNotEqualTo(invitation.token()).doesNotContain(invitation.token());
            assertThat(p.role()).isEqualTo(Role.VIEW);
            assertThat(p.expiresAt()).isEqualTo(invitation.expiresAt());
        });
        assertThat(invite(Role.VIEW, false).token()).isNotEqualTo(invitation.token());
    }

    @Test
    void viewer_readsPricesAndFollowsEvents_butChangesNothing() {
        Invitation viewer = invite(Role.VIEW, false);
        Actor actor = viewer.actor();

        assertThat(engine.get(actor, cart.id()).lines()).hasSize(1);
        assertThat(engine.price(actor, cart.id()).total()).isNotNull();
        assertThat(engine.changesSince(actor, cart.id(), cart.version()))
                .extracting(e -> e.type().name()).containsExactly("PARTICIPANT_INVITED");
        assertDenied(() -> engine.addItem(actor, cart.id(), Sku.of("A"), 1));
        assertDenied(() -> engine.applyCode(actor, cart.id(), "SAVE10"));
        assertDenied(() -> engine.selectShipping(actor, cart.id(), "STD"));
        assertDenied(() -> engine.clear(actor, cart.id()));
        assertDenied(() -> engine.checkout(actor, cart.id(), Mutation.none()));
    }

    @Test
    void editor_changesLinesCodesAndShipping_butNotOwnerThings() {
        Actor editor = invite(Role.EDIT, false).actor();
        Cart changed = engine.addItem(editor, cart.id(), Sku.of("A"), 1);
        changed = engine.applyCode(editor, cart.id(), "SAVE10");
        changed = engine.selectShipping(editor, cart.id(), "STD");
        changed = engine.setQuantity(editor, cart.id(), changed.lines().get(0).id(), 4);

        assertThat(changed.lines()).extracting(l -> l.quantity()).containsExactly(4, 1);
        assertThat(changed.codes()).containsExactly("SAVE10");
        assertThat(changed.shippingMethod()).isEqualTo("STD");
        assertDenied(() -> engine.execute(editor, cart.id(), new CartCommand.ChangeCountry("AT"), Mutation.none()));
        assertDenied(() -> engine.execute(editor, cart.id(), new CartCommand.SetMetadata("{}"), Mutation.none()));
        assertDenied(() -> engine.invite(editor, cart.id(), Role.VIEW, false, DAY, Mutation.none()));
        assertDenied(() -> engine.removeParticipant(editor, cart.id(), stored().orElseThrow().participants().get(0).id()));
        assertDenied(() -> engine.checkout(editor, cart.id(), Mutation.none()));
        assertDenied(() -> engine.activeCart(editor, alice));
        assertDenied(() -> engine.createCustomerCart(editor, alice, NewCart.of("EUR", "DE")));
        assertDenied(() -> engine.dataProtection().export(editor, alice));
        assertDenied(() -> engine.dataProtection().erase(editor, alice));
    }

    @Test
    void editor_mergingAsTheCustomer_isDenied() {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor editor = invite(Role.EDIT, true).actor();

        assertThatThrownBy(() -> engine.merge(editor, new MergeRequest(guest.cart().id(), guest.token(), alice,
                MergePolicy.SUM))).extracting(e -> ((CartException) e).code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
        assertThat(world.repository.find(guest.cart().id()).orElseThrow().state()).isEqualTo(CartState.ACTIVE);
    }

    @Test
    void checkout_byEditorAllowedToCheckOut_checksTheOwnersCartOut() {
        Actor buyer = invite(Role.EDIT, true).actor();

        CheckoutResult result = engine.checkout(buyer, cart.id(), Mutation.none());

        assertThat(result.cart().state()).isEqualTo(CartState.CHECKED_OUT);
        assertThat(result.cart().customerId()).contains(alice);
        // a participant still sees the closed cart it followed
        assertThat(engine.get(buyer, cart.id()).state()).isEqualTo(CartState.CHECKED_OUT);
    }

    @Test
    void removeParticipant_byOwner_revokesTheTokenAtOnce() {
        Invitation editor = invite(Role.EDIT, false);
        engine.addItem(editor.actor(), cart.id(), Sku.of("A"), 1);

        Cart after = engine.removeParticipant(Actor.customer(alice), cart.id(), editor.participantId());

        assertThat(after.participants()).isEmpty();
        assertDenied(() -> engine.get(editor.actor(), cart.id()));
        assertDenied(() -> engine.addItem(editor.actor(), cart.id(), Sku.of("A"), 1));
        assertThat(engine.removeParticipant(Actor.customer(alice), cart.id(), editor.participantId()).version())
                .as("removing an absent participant changes nothing").isEqualTo(after.version());
    }

    @Test
    void participant_pastItsExpiry_isDeniedLikeAStranger() {
        Invitation viewer = invite(Role.VIEW, false);
        world.clock.advance(DAY);
        assertThat(engine.get(viewer.actor(), cart.id()).id()).as("alive up to its expiry instant").isEqualTo(cart.id());

        world.clock.advance(Duration.ofSeconds(1));

        assertDenied(() -> engine.get(viewer.actor(), cart.id()));
        assertDenied(() -> engine.changesSince(viewer.actor(), cart.id(), 0));
    }

    @Test
    void participantToken_onAnotherCartOrWrongOrMissing_isDeniedLikeAStranger() {
        Invitation viewer = invite(Role.EDIT, true);
        CustomerId bob = new CustomerId("bob");
        Cart bobs = engine.createCustomerCart(Actor.customer(bob), bob, NewCart.of("EUR", "DE"));

        assertDenied(() -> engine.get(viewer.actor(), bobs.id()));
        assertDenied(() -> engine.get(viewer.actor(), CartId.random()));
        assertDenied(() -> engine.get(Actor.participant(viewer.token() + "x"), cart.id()));
        assertDenied(() -> engine.get(Actor.participant(viewer.token().substring(1)), cart.id()));
        assertDenied(() -> engine.addItem(Actor.participant("not-a-token"), cart.id(), Sku.of("A"), 1));
        // a share token is not a guest token, and a guest token is not a share token
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Invitation guestShare = engine.invite(guest.actor(), guest.cart().id(), Role.VIEW, false, DAY, Mutation.none());
        assertThatThrownBy(() -> engine.get(Actor.guest(guestShare.token()), guest.cart().id()))
                .extracting(e -> ((CartException) e).code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
        assertThatThrownBy(() -> engine.get(Actor.participant(guest.token()), guest.cart().id()))
                .extracting(e -> ((CartException) e).code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
    }

    @Test
    void invite_byStrangersAndReadOnlyStaff_isDenied_byFullSupportAndGrantedService_isAllowed() {
        CustomerId bob = new CustomerId("bob");
        assertDenied(() -> engine.invite(Actor.customer(bob), cart.id(), Role.VIEW, false, DAY, Mutation.none()));
        assertDenied(() -> engine.invite(Actor.supportReadOnly("s-1", "T-1"), cart.id(), Role.VIEW, false, DAY,
                Mutation.none()));
        assertDenied(() -> engine.invite(Actor.service("svc", java.util.Set.of()), cart.id(), Role.VIEW, false, DAY,
                Mutation.none()));
        assertDenied(() -> engine.invite(Actor.guest("some-token"), cart.id(), Role.VIEW, false, DAY, Mutation.none()));

        Invitation bySupport = engine.invite(Actor.support("s-1", "T-1"), cart.id(), Role.VIEW, false, DAY,
                Mutation.none());
        Invitation byService = engine.invite(Actor.service("svc", java.util.Set.of(
                dev.cartflow.model.CartOperation.INVITE_PARTICIPANT)), cart.id(), Role.EDIT, false, DAY, Mutation.none());
        assertThat(byService.cart().participants()).extracting(p -> p.id())
                .containsExactly(bySupport.participantId(), byService.participantId());
    }

    @Test
    void invite_beyondTheBound_isCartLimit_expiredInvitationsMakeRoom() {
        invite(Role.VIEW, false);
        invite(Role.VIEW, false);
        Invitation last = invite(Role.EDIT, false);
        Optional<Cart> full = stored();

        assertThatThrownBy(() -> invite(Role.VIEW, false)).extracting(e -> ((CartException) e).code())
                .isEqualTo(CartErrorCode.CART_LIMIT);
        assertThat(stored()).isEqualTo(full);

        world.clock.advance(DAY.plusSeconds(1));
        Invitation fresh = invite(Role.VIEW, false);
        assertThat(fresh.cart().participants()).extracting(p -> p.id()).containsExactly(fresh.participantId())
                .doesNotContain(last.participantId());
    }

    @Test
    void invite_badInput_isInvalidInputBeforeAnythingIsRead() {
        Actor owner = Actor.customer(alice);
        Optional<Cart> before = stored();
        for (Supplier<?> call : java.util.List.<Supplier<?>>of(
                () -> engine.invite(owner, cart.id(), Role.VIEW, true, DAY, Mutation.none()),
                () -> engine.invite(owner, cart.id(), Role.EDIT, false, Duration.ZERO, Mutation.none()),
                () -> engine.invite(owner, cart.id(), Role.EDIT, false, Duration.ofSeconds(-1), Mutation.none()),
                () -> engine.invite(owner, cart.id(), Role.EDIT, false, Duration.ofDays(8), Mutation.none()),
                () -> engine.invite(owner, cart.id(), Role.EDIT, false, DAY, Mutation.idempotent("k-1")),
                () -> engine.invite(owner, cart.id(), null, false, DAY, Mutation.none()),
                () -> engine.invite(owner, null, Role.VIEW, false, DAY, Mutation.none()),
                () -> engine.invite(null, cart.id(), Role.VIEW, false, DAY, Mutation.none()),
                () -> engine.invite(owner, CartId.random(), Role.VIEW, true, DAY, Mutation.none()),
                () -> engine.removeParticipant(owner, cart.id(), ""),
                () -> engine.removeParticipant(owner, cart.id(), "x".repeat(65)),
                () -> engine.removeParticipant(owner, cart.id(), "p-\u0000"),
                () -> engine.removeParticipant(owner, cart.id(), null))) {
            assertThatThrownBy(call::get).extracting(e -> ((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void invite_staleExpectedVersion_isVersionConflict_andAClosedCartIsNotActive() {
        assertThatThrownBy(() -> engine.invite(Actor.customer(alice), cart.id(), Role.VIEW, false, DAY,
                Mutation.expecting(cart.version() - 1))).extracting(e -> ((CartException) e).code())
                .isEqualTo(CartErrorCode.VERSION_CONFLICT);
        Invitation viewer = invite(Role.VIEW, false);
        engine.checkout(Actor.customer(alice), cart.id(), Mutation.none());

        assertThatThrownBy(() -> invite(Role.VIEW, false)).extracting(e -> ((CartException) e).code())
                .isEqualTo(CartErrorCode.CART_NOT_ACTIVE);
        Cart revoked = engine.removeParticipant(Actor.customer(alice), cart.id(), viewer.participantId());
        assertThat(revoked.state()).isEqualTo(CartState.CHECKED_OUT);
        assertThat(revoked.participants()).isEmpty();
        assertDenied(() -> engine.get(viewer.actor(), cart.id()));
    }

    @Test
    void guestOwner_invitesWithItsToken_andItsEditorChangesTheGuestCart() {
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Invitation editor = engine.invite(guest.actor(), guest.cart().id(), Role.EDIT, false, DAY, Mutation.none());

        Cart changed = engine.addItem(editor.actor(), guest.cart().id(), Sku.of("A"), 2);

        assertThat(changed.lines()).extracting(l -> l.quantity()).containsExactly(2);
        assertThat(engine.get(guest.actor(), guest.cart().id()).lines()).hasSize(1);
    }
}
