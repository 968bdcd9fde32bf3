package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryAuditLog;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.security.SecurityPolicy;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.AuditEvent;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A generated hostile run over roles, grants, reasons, guest identities and guest policies: actors
 * built from hostile text (blank, over-long, control characters, lone surrogates), random roles and
 * grants, wrong tokens, foreign and missing carts, random policies. Every call either succeeds or
 * throws a {@link CartException} with a code from {@link #EXPECTED}; a rejected call leaves every
 * stored cart as it was; an actor whose role or grant refuses an operation never succeeds with it;
 * every audit entry is free of the customers' ids and the guests' tokens and identities. The seed
 * is in every failure message ({@code -Dcartflow.hostile.seed} picks another).
 */
class HostileRolesTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Set<CartErrorCode> EXPECTED = EnumSet.of(CartErrorCode.INVALID_INPUT,
            CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_NOT_FOUND, CartErrorCode.CART_NOT_ACTIVE,
            CartErrorCode.PRODUCT_NOT_FOUND, CartErrorCode.INVALID_QUANTITY, CartErrorCode.QUANTITY_LIMIT,
            CartErrorCode.CART_LIMIT, CartErrorCode.PROMOTION_NOT_FOUND, CartErrorCode.PROMOTION_EXHAUSTED,
            CartErrorCode.CURRENCY_MISMATCH, CartErrorCode.SHIPPING_NOT_AVAILABLE);
    private static final String[] HOSTILE_TEXT = {"", " ", "\u0000", "a\nb", "\ud800", "x".repeat(300), "\u202e",
            "staff-1", "ticket 1", "ünïcødé", "'; DROP TABLE audit_events; --"};
    private static final List<CartOperation> OPERATIONS = List.of(CartOperation.values());
    /** The operations drawn: those with an engine entry point taking an actor or a cart. */
    private static final List<CartOperation> DRAWN = OPERATIONS.stream().filter(op -> !EnumSet.of(
            CartOperation.EXPORT_CUSTOMER, CartOperation.ERASE_CUSTOMER, CartOperation.MAINTENANCE).contains(op)
            && op.compareTo(CartOperation.CHANGE_ADDRESS) < 0).toList();

    private final long seed = Long.getLong("cartflow.hostile.seed", 20261201L);
    private final Random random = new Random(seed);
    private final InMemoryCartRepository repository = new InMemoryCartRepository();
    private final InMemoryAuditLog audit = new InMemoryAuditLog(100_000);
    private final List<CustomerId> customers = List.of(new CustomerId("alice@example.com"),
            new CustomerId("bob@example.com"));
    private final List<CreatedCart> guests = new ArrayList<>();
    private final List<Cart> customerCarts = new ArrayList<>();
    private final Set<String> secrets = new HashSet<>();
    private final Map<CartErrorCode, Integer> codes = new java.util.EnumMap<>(CartErrorCode.class);
    private int successes;
    private CartEngine engine;

    private String text() {
        return HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)];
    }

    private String fail(String call, String problem) {
        throw new AssertionError("seed " + seed + ": " + call + ": " + problem);
    }

    private SecurityPolicy policy() {
        SecurityPolicy.Builder builder = SecurityPolicy.builder();
        if (random.nextBoolean()) {
            builder.denyGuests(OPERATIONS.get(random.nextInt(OPERATIONS.size())));
        }
        if (random.nextBoolean()) {
            builder.requireGuestMetadata(CartOperation.CHECKOUT, "email");
        }
        builder.unidentifiedGuests(random.nextBoolean() ? SecurityPolicy.UnidentifiedGuests.COUNT_PER_TOKEN
                : SecurityPolicy.UnidentifiedGuests.REFUSE_PER_CUSTOMER_PROMOTIONS);
        return builder.build();
    }

    private void newEngine() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (String sku : List.of("A", "B")) {
            catalog.put(Product.builder(Sku.of(sku)).maxQuantity(5).build());
            pricing.put(PriceQuote.of(Sku.of(sku), Money.parse("9.99", EUR), Rate.parse("0.19")));
        }
        InMemoryPromotions promotions = new InMemoryPromotions()
                .put(Promotion.builder("WELCOME").code("WELCOME").percentOff("10").maxUsesPerCustomer(1).build());
        // The carts are made under the default policy; the run attacks them under a random one.
        CartEngine setup = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing)
                .promotions(promotions).build();
        engine = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).promotions(promotions)
                .audit(audit).security(policy()).build();
        for (int i = 0; i < 2; i++) {
            CreatedCart guest = setup.createGuestCart(NewCart.of("EUR", "DE"));
            secrets.add(guest.token());
            setup.addItem(guest.actor(), guest.cart().id(), Sku.of("A"), 1);
            guests.add(guest);
        }
        for (CustomerId customer : customers) {
            secrets.add(customer.value());
            Cart cart = setup.createCustomerCart(Actor.customer(customer), customer, NewCart.of("EUR", "DE"));
            customerCarts.add(setup.addItem(Actor.customer(customer), cart.id(), Sku.of("B"), 1));
        }
    }

    /** An actor built from hostile parts; building it may itself be refused. */
    private Actor actor() {
        int kind = random.nextInt(6);
        switch (kind) {
            case 0:
                return random.nextBoolean() ? Actor.support(text(), text()) : Actor.supportReadOnly(text(), text());
            case 1:
                Set<CartOperation> grants = new HashSet<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    grants.add(OPERATIONS.get(random.nextInt(OPERATIONS.size())));
                }
                return Actor.service(text(), grants);
            case 2:
                CreatedCart guest = guests.get(random.nextInt(guests.size()));
                String token = random.nextInt(3) == 0 ? guest.token() + text() : guest.token();
                if (random.nextBoolean()) {
                    if (random.nextBoolean()) {
                        return Actor.guest(token, text());
                    }
                    // Only identities that no staff id or service name shares can be scanned for.
                    String identity = "mail-hash-" + random.nextInt(3);
                    secrets.add(identity);
                    return Actor.guest(token, identity);
                }
                return Actor.guest(token);
            case 3:
                return Actor.guest(text());
            case 4:
                return Actor.customer(new CustomerId(text()));
            default:
                return random.nextBoolean() ? Actor.support("staff-9", "ticket-" + random.nextInt(9))
                        : Actor.customer(customers.get(random.nextInt(customers.size())));
        }
    }

    private CartId cart() {
        int pick = random.nextInt(5);
        if (pick < 2) {
            return guests.get(random.nextInt(guests.size())).cart().id();
        } else if (pick < 4) {
            return customerCarts.get(random.nextInt(customerCarts.size())).id();
        }
        return CartId.random();
    }

    private CustomerId customer() {
        return random.nextInt(4) == 0 ? new CustomerId("nobody") : customers.get(random.nextInt(customers.size()));
    }

    /** One operation by this actor, and the operation's name. */
    private Map.Entry<CartOperation, Supplier<Object>> call(Actor actor) {
        CartOperation op = DRAWN.get(random.nextInt(DRAWN.size()));
        CartId id = cart();
        CreatedCart guest = guests.get(random.nextInt(guests.size()));
        Supplier<Object> run = switch (op) {
            case CREATE_GUEST_CART -> () -> engine.createGuestCart(NewCart.of("EUR", "DE"));
            case CREATE_CUSTOMER_CART -> () -> engine.createCustomerCart(actor, customer(), NewCart.of("EUR", "AT"));
            case GET -> () -> engine.get(actor, id);
            case ACTIVE_CART -> () -> engine.activeCart(actor, customer());
            case CHANGES_SINCE -> () -> engine.changesSince(actor, id, random.nextInt(3));
            case PRICE -> () -> engine.price(actor, id);
            case ADD_ITEM -> () -> engine.addItem(actor, id, Sku.of("A"), 1);
            case SET_QUANTITY, REMOVE_LINES, BULK -> () -> engine.execute(actor, id, new CartCommand.Bulk(List.of(
                    new CartCommand.AddItem(Sku.of("B"), 1))), Mutation.none());
            case CLEAR -> () -> engine.clear(actor, id);
            case APPLY_CODE -> () -> engine.applyCode(actor, id, random.nextBoolean() ? "WELCOME" : text());
            case REMOVE_CODE -> () -> engine.removeCode(actor, id, "WELCOME");
            case SELECT_SHIPPING -> () -> engine.selectShipping(actor, id, text());
            case CHANGE_COUNTRY -> () -> engine.execute(actor, id, new CartCommand.ChangeCountry("AT"), Mutation.none());
            case SET_METADATA -> () -> engine.execute(actor, id, new CartCommand.SetMetadata(
                    random.nextBoolean() ? "{\"email\":\"" + random.nextInt(9) + "\"}" : "{\"email\":" + text() + "}"),
                    Mutation.none());
            case MERGE -> () -> engine.merge(actor, new MergeRequest(guest.cart().id(),
                    random.nextBoolean() ? guest.token() : text(), customer(), MergePolicy.SUM));
            case PREVIEW_MERGE -> () -> engine.previewMerge(actor, new MergeRequest(guest.cart().id(), guest.token(),
                    customer(), MergePolicy.MAX));
            case CHECKOUT -> () -> engine.checkout(actor, id, Mutation.none());
            // issue 11's operations are drawn by the hostile tests of their own parts
            default -> throw new IllegalStateException("not drawn: " + op);
        };
        CartOperation named = switch (op) {
            case SET_QUANTITY, REMOVE_LINES -> CartOperation.BULK;
            default -> op;
        };
        return Map.entry(named, run);
    }

    private List<Optional<Cart>> stored() {
        List<Optional<Cart>> all = new ArrayList<>();
        guests.forEach(g -> all.add(repository.find(g.cart().id())));
        customerCarts.forEach(c -> all.add(repository.find(c.id())));
        return all;
    }

    private static boolean refusedByRole(Actor actor, CartOperation op) {
        // Guest cart creation takes no actor: the actor drawn for it plays no part.
        return op != CartOperation.CREATE_GUEST_CART && (actor instanceof Actor.Support s && s.role() == Actor.SupportRole.READ_ONLY && !op.readOnly()
                || actor instanceof Actor.Service service && !service.grants().contains(op));
    }

    @Test
    void rolesGrantsIdentitiesPolicies_hostileCalls_onlyExpectedCodesAndRejectedCallsChangeNothing() {
        int iterations = Integer.getInteger("cartflow.hostile.iterations", 3_000);
        for (int i = 0; i < iterations; i++) {
            if (i % 500 == 0) {
                guests.clear();
                customerCarts.clear();
                newEngine();
            }
            List<Optional<Cart>> before = stored();
            String description = "call " + i;
            try {
                Actor actor = actor();
                Map.Entry<CartOperation, Supplier<Object>> call = call(actor);
                description = "call " + i + " " + call.getKey() + " by " + actor;
                call.getValue().get();
                successes++;
                if (refusedByRole(actor, call.getKey())) {
                    fail(description, "succeeded although the role or grant refuses it");
                }
            } catch (CartException e) {
                codes.merge(e.code(), 1, Integer::sum);
                if (!EXPECTED.contains(e.code())) {
                    fail(description, "unexpected code " + e.code() + ": " + e.getMessage());
                }
                if (!stored().equals(before)) {
                    fail(description, "a rejected call changed a stored cart (" + e.code() + ")");
                }
            } catch (RuntimeException e) {
                fail(description, "threw " + e);
            }
        }
        for (AuditEvent event : audit.events()) {
            String json = event.toJson();
            for (String secret : secrets) {
                if (secret.length() > 3 && json.contains(secret)) {
                    fail("audit " + json, "holds a secret or identifier in clear");
                }
            }
        }
        System.out.println("HostileRolesTest seed " + seed + ": successes=" + successes + " codes=" + codes
                .entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")));
        assertThat(successes).as("seed %d: some calls succeed", seed).isPositive();
        assertThat(codes).as("seed %d: the run reaches the refusals", seed)
                .containsKeys(CartErrorCode.INVALID_INPUT, CartErrorCode.ACCESS_DENIED);
    }
}
