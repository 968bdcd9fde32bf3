package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Invitation;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.ShareSettings;
import dev.cartflow.core.memory.InMemoryAuditLog;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.Participant;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A generated hostile run over shared carts: invitations and removals by every kind of actor with
 * hostile roles, flags, times to live and participant ids, and participants acting with share
 * tokens of every shape (empty, control characters, lone surrogates, over-long, a real token with a
 * character more or less, in another case, a guest token, a token's own hash, a revoked or expired
 * token, a token of another cart). Every call succeeds or throws a {@link CartException} with a code
 * from {@link #EXPECTED}; a rejected call changes no stored cart; a participant's call succeeds only
 * when a live invitation of that cart allows it; no token or token hash appears in an event, an audit
 * entry or an error message. The seed is in every failure ({@code -Dcartflow.hostile.seed} picks another).
 */
class HostileSharingTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Set<CartErrorCode> EXPECTED = EnumSet.of(CartErrorCode.INVALID_INPUT,
            CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_NOT_FOUND, CartErrorCode.CART_NOT_ACTIVE,
            CartErrorCode.CART_LIMIT, CartErrorCode.PRODUCT_NOT_FOUND, CartErrorCode.QUANTITY_LIMIT,
            CartErrorCode.PROMOTION_NOT_FOUND, CartErrorCode.SHIPPING_NOT_AVAILABLE);
    private static final String[] HOSTILE_TEXT = {"", " ", "\u0000", "a\nb", "\ud800", "x".repeat(300), "\u202e",
            "p-", "ünïcødé", "'; DROP TABLE carts; --"};
    private static final List<CartOperation> PARTICIPANT_CALLS = List.of(CartOperation.GET, CartOperation.PRICE,
            CartOperation.CHANGES_SINCE, CartOperation.ADD_ITEM, CartOperation.CLEAR, CartOperation.APPLY_CODE,
            CartOperation.CHANGE_COUNTRY, CartOperation.SET_METADATA, CartOperation.CHECKOUT, CartOperation.MERGE,
            CartOperation.INVITE_PARTICIPANT, CartOperation.REMOVE_PARTICIPANT, CartOperation.ACTIVE_CART);

    private final long seed = Long.getLong("cartflow.hostile.seed", 20261211L);
    private final Random random = new Random(seed);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryCartRepository repository = new InMemoryCartRepository();
    private final InMemoryAuditLog audit = new InMemoryAuditLog(100_000);
    private final List<CartEvent> events = new CopyOnWriteArrayList<>();
    private final CustomerId alice = new CustomerId("alice@example.com");
    private final List<CartId> carts = new ArrayList<>();
    private final Map<CartId, Actor> owners = new java.util.HashMap<>();
    private final List<Invitation> invitations = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();
    private final Map<CartErrorCode, Integer> codes = new EnumMap<>(CartErrorCode.class);
    private CreatedCart guest;
    private int participantSuccesses;
    private CartEngine engine;

    private String fail(String call, String problem) {
        throw new AssertionError("seed " + seed + ": " + call + ": " + problem);
    }

    private String text() {
        return HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)];
    }

    private void newEngine() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        catalog.put(Product.builder(Sku.of("A")).maxQuantity(50).build());
        pricing.put(PriceQuote.of(Sku.of("A"), Money.parse("4.99", EUR), Rate.parse("0.19")));
        engine = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).clock(clock)
                .audit(audit).events(events::addAll).sharing(new ShareSettings(4, Duration.ofDays(2))).build();
        carts.clear();
        owners.clear();
        invitations.clear();
        Cart customerCart = engine.createCustomerCart(Actor.customer(alice), alice, NewCart.of("EUR", "DE"));
        carts.add(customerCart.id());
        owners.put(customerCart.id(), Actor.customer(alice));
        guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        secrets.add(guest.token());
        carts.add(guest.cart().id());
        owners.put(guest.cart().id(), guest.actor());
        for (CartId id : carts) {
            engine.addItem(owners.get(id), id, Sku.of("A"), 1);
        }
    }

    private CartId cart() {
        return random.nextInt(6) == 0 ? CartId.random() : carts.get(random.nextInt(carts.size()));
    }

    private Participant.Role role() {
        return random.nextInt(8) == 0 ? null : random.nextBoolean() ? Participant.Role.VIEW : Participant.Role.EDIT;
    }

    private Duration ttl() {
        return switch (random.nextInt(7)) {
            case 0 -> null;
            case 1 -> Duration.ZERO;
            case 2 -> Duration.ofSeconds(-1);
            case 3 -> Duration.ofDays(3);
            case 4 -> Duration.ofSeconds(Long.MAX_VALUE);
            default -> Duration.ofMinutes(1 + random.nextInt(3000));
        };
    }

    /** The one who invites or removes: the owner, full or read-only support, a service, a stranger, a participant. */
    private Actor inviter(CartId id) {
        return switch (random.nextInt(7)) {
            case 0, 1 -> owners.getOrDefault(id, Actor.customer(alice));
            case 2 -> Actor.support("staff-3", "T-" + random.nextInt(9));
            case 3 -> Actor.supportReadOnly("staff-4", "T-1");
            case 4 -> Actor.service("svc", random.nextBoolean() ? Set.of(CartOperation.INVITE_PARTICIPANT,
                    CartOperation.REMOVE_PARTICIPANT) : Set.of(CartOperation.GET));
            case 5 -> Actor.customer(new CustomerId("mallory"));
            default -> invitations.isEmpty() ? Actor.guest(text()) : invitations.get(random.nextInt(
                    invitations.size())).actor();
        };
    }

    /** A share token of some shape; building the actor from it may itself be refused. */
    private String token() {
        if (invitations.isEmpty() || random.nextInt(5) == 0) {
            return switch (random.nextInt(4)) {
                case 0 -> text();
                case 1 -> guest.token();
                case 2 -> dev.cartflow.core.internal.support.GuestTokens.hash(guest.token());
                default -> "A".repeat(43);
            };
        }
        String real = invitations.get(random.nextInt(invitations.size())).token();
        return switch (random.nextInt(8)) {
            case 0 -> real + "x";
            case 1 -> real.substring(1);
            case 2 -> real.toUpperCase(java.util.Locale.ROOT);
            case 3 -> dev.cartflow.core.internal.support.GuestTokens.hash(real);
            case 4 -> real + text();
            default -> real;
        };
    }

    /** The invitation of a token on a cart, live and not removed, as the stored cart knows it. */
    private Optional<Participant> liveInvitation(String token, CartId id) {
        Optional<Cart> cart = repository.find(id);
        if (cart.isEmpty()) {
            return Optional.empty();
        }
        String hash = dev.cartflow.core.internal.support.GuestTokens.hash(token);
        return cart.get().participants().stream().filter(p -> p.tokenHash().equals(hash)
                && !clock.instant().isAfter(p.expiresAt())).findFirst();
    }

    private static boolean roleAllows(Participant p, CartOperation op) {
        return switch (op) {
            case GET, PRICE, CHANGES_SINCE -> true;
            case ADD_ITEM, CLEAR, APPLY_CODE -> p.role() == Participant.Role.EDIT;
            case CHECKOUT -> p.role() == Participant.Role.EDIT && p.mayCheckout();
            default -> false;
        };
    }

    private Supplier<Object> participantCall(CartOperation op, Actor actor, CartId id) {
        return switch (op) {
            case GET -> () -> engine.get(actor, id);
            case PRICE -> () -> engine.price(actor, id);
            case CHANGES_SINCE -> () -> engine.changesSince(actor, id, random.nextInt(4));
            case ADD_ITEM -> () -> engine.addItem(actor, id, Sku.of(random.nextBoolean() ? "A" : text()), 1);
            case CLEAR -> () -> engine.clear(actor, id);
            case APPLY_CODE -> () -> engine.applyCode(actor, id, text());
            case CHANGE_COUNTRY -> () -> engine.execute(actor, id, new CartCommand.ChangeCountry("AT"), Mutation.none());
            case SET_METADATA -> () -> engine.execute(actor, id, new CartCommand.SetMetadata("{}"), Mutation.none());
            case CHECKOUT -> () -> engine.checkout(actor, id, Mutation.none());
            case MERGE -> () -> engine.merge(actor, new MergeRequest(guest.cart().id(), guest.token(), alice,
                    MergePolicy.SUM));
            case INVITE_PARTICIPANT -> () -> engine.invite(actor, id, Participant.Role.EDIT, true, Duration.ofHours(1),
                    Mutation.none());
            case REMOVE_PARTICIPANT -> () -> engine.removeParticipant(actor, id, "p-x");
            default -> () -> engine.activeCart(actor, alice);
        };
    }

    private List<Optional<Cart>> stored() {
        List<Optional<Cart>> all = new ArrayList<>();
        carts.forEach(id -> all.add(repository.find(id)));
        return all;
    }

    private void step(int i) {
        List<Optional<Cart>> before = stored();
        String description = "call " + i;
        int kind = random.nextInt(10);
        try {
            if (kind < 3) {
                // A third of the invitations are well-formed calls by the owner, so that carts fill up.
                boolean wellFormed = random.nextInt(3) == 0;
                CartId id = wellFormed ? carts.get(random.nextInt(carts.size())) : cart();
                Actor actor = wellFormed ? owners.get(id) : inviter(id);
                description += " invite by " + actor;
                Mutation mutation = !wellFormed && random.nextInt(6) == 0 ? Mutation.idempotent("k" + random.nextInt(3))
                        : Mutation.none();
                Participant.Role role = wellFormed ? Participant.Role.EDIT : role();
                Duration ttl = wellFormed ? Duration.ofHours(1 + random.nextInt(40)) : ttl();
                Invitation invitation = engine.invite(actor, id, role, random.nextBoolean(), ttl, mutation);
                invitations.add(invitation);
                secrets.add(invitation.token());
            } else if (kind < 4) {
                CartId id = cart();
                Actor actor = inviter(id);
                description += " remove by " + actor;
                String participant = invitations.isEmpty() || random.nextInt(3) == 0 ? text()
                        : invitations.get(random.nextInt(invitations.size())).participantId();
                engine.removeParticipant(actor, id, participant);
            } else if (kind < 5) {
                clock.advance(Duration.ofMinutes(random.nextInt(600)));
                return;
            } else {
                CartOperation op = PARTICIPANT_CALLS.get(random.nextInt(PARTICIPANT_CALLS.size()));
                String token = token();
                // Mostly the cart the token's invitation is for, else any cart.
                CartId id = invitations.stream().filter(inv -> token.equals(inv.token()) && random.nextInt(3) > 0)
                        .map(inv -> inv.cart().id()).findFirst().orElseGet(this::cart);
                description += " " + op + " by participant";
                Optional<Participant> live = liveInvitation(token, id);
                Actor actor = Actor.participant(token);
                participantCall(op, actor, id).get();
                participantSuccesses++;
                if (live.isEmpty() || !roleAllows(live.get(), op)) {
                    fail(description, "succeeded without a live invitation allowing it (" + live + ")");
                }
            }
        } catch (CartException e) {
            codes.merge(e.code(), 1, Integer::sum);
            if (!EXPECTED.contains(e.code())) {
                fail(description, "unexpected code " + e.code() + ": " + e.getMessage());
            }
            if (!stored().equals(before)) {
                fail(description, "a rejected call changed a stored cart (" + e.code() + ")");
            }
            for (String secret : secrets) {
                if (e.getMessage() != null && e.getMessage().contains(secret)) {
                    fail(description, "the error message holds a token");
                }
            }
        } catch (RuntimeException e) {
            fail(description, "threw " + e);
        }
    }

    @Test
    void sharing_hostileInvitationsAndTokens_onlyExpectedCodesAndOnlyLiveInvitationsGrant() {
        int iterations = Integer.getInteger("cartflow.hostile.iterations", 3_000);
        for (int i = 0; i < iterations; i++) {
            if (i % 500 == 0) {
                newEngine();
            }
            step(i);
        }
        List<String> records = new ArrayList<>();
        events.forEach(e -> records.add(e.toString()));
        audit.events().forEach(e -> records.add(e.toJson()));
        for (String secret : secrets) {
            String hash = dev.cartflow.core.internal.support.GuestTokens.hash(secret);
            for (String record : records) {
                if (record.contains(secret) || record.contains(hash)) {
                    fail("record " + record, "holds a token or its hash");
                }
            }
        }
        System.out.println("HostileSharingTest seed " + seed + ": participant successes=" + participantSuccesses
                + " invitations=" + invitations.size() + " codes=" + codes.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        assertThat(participantSuccesses).as("seed %d: some participants act", seed).isPositive();
        assertThat(codes).as("seed %d: the run reaches the refusals", seed)
                .containsKeys(CartErrorCode.INVALID_INPUT, CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_LIMIT);
    }
}
