package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand.ChangeAddress;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Invitation;
import dev.cartflow.core.LineMove;
import dev.cartflow.core.LineMoveResult;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.RecoveredCart;
import dev.cartflow.core.RecoveryLink;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.core.memory.InMemoryTax;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.LineId;
import dev.cartflow.model.Money;
import dev.cartflow.model.Participant;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.PricingPolicy.TaxCalculation;
import dev.cartflow.model.PricingPolicy.TaxMode;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.spi.ExchangeRateProvider;
import dev.cartflow.tck.MutableClock;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The samples of docs/engine.md: wiring, addresses, named carts, shared carts, recovery links, freezing. */
class EngineSample {
    private static final Currency EUR = Currency.getInstance("EUR");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryCatalog catalog = new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build());
    private final InMemoryPricing prices = new InMemoryPricing()
            .put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.50", EUR), Rate.parse("0.19")));
    private final CartEngine engine = CartEngine.builder().repository(new InMemoryCartRepository())
            .catalog(catalog).pricing(prices).clock(clock).build();

    @Test
    void builder_everySetterOfTheWiringBlock_buildsAWorkingEngine() {
        InMemoryCartRepository repository = new InMemoryCartRepository();
        InMemoryTax taxRates = new InMemoryTax();
        ExchangeRateProvider rates = (from, to) -> Optional.<ExchangeRate>empty();
        InMemoryInventory stock = new InMemoryInventory().setStock(Sku.of("MUG"), "default", 5);
        InMemoryPromotions promotions = new InMemoryPromotions();
        InMemoryPromotionUsageStore usageStore = new InMemoryPromotionUsageStore();
        InMemoryShipping shipping = new InMemoryShipping();
        List<CartEvent> published = new ArrayList<>();
        CartEventPublisher publisher = published::addAll;
        // tag::wiring[]
        CartEngine engine = CartEngine.builder()
                .repository(repository)          // required: CartRepository (in-memory, cart-jdbi, cart-redis)
                .catalog(catalog)                // required: CatalogProvider
                .pricing(prices)                 // required: PricingProvider
                .tax(taxRates)                   // TaxProvider for quotes that name a tax category
                .exchangeRates(rates)            // ExchangeRateProvider for quotes in another currency
                .inventory(stock)                // InventoryProvider; untracked by default
                .promotions(promotions)          // PromotionProvider; none by default
                .promotionUsage(usageStore)      // PromotionUsageStore; in memory by default
                .shipping(shipping)              // ShippingProvider; none by default
                .events(publisher)               // CartEventPublisher, called after each stored change
                .clock(clock)                    // the only source of time
                .pricingPolicy(new PricingPolicy(TaxMode.EXCLUSIVE, TaxCalculation.LINE, RoundingMode.HALF_EVEN))
                .limits(new CartLimits(200, 10_000, null))
                .guestTtl(Duration.ofDays(30)).customerTtl(Duration.ofDays(90))
                .idempotencyTtl(Duration.ofHours(24))
                .conflictRetryBudget(Duration.ofSeconds(5))
                .maxMetadataBytes(4096)
                .build();
        // end::wiring[]

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(created.actor(), created.cart().id(), Sku.of("MUG"), 2);
        assertThat(engine.price(created.actor(), created.cart().id()).subtotal())
                .isEqualTo(Money.parse("12.50", EUR).times(2));
        assertThat(published).extracting(CartEvent::type).contains(CartEvent.Type.CREATED, CartEvent.Type.LINE_ADDED);
        assertThat(repository.find(created.cart().id())).isPresent();
    }

    @Test
    void changeAddress_addressAndBilling_setThenCleared() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "US"));
        Actor actor = created.actor();
        CartId cartId = created.cart().id();
        Mutation mutation = Mutation.none();
        // tag::addresses[]
        ShippingAddress home = new ShippingAddress("CA", "94105", "San Francisco", List.of("1 Market St"));
        engine.changeAddress(actor, cartId, home, null);                        // in the cart's country
        engine.execute(actor, cartId, new ChangeAddress("US", home, "DE"), mutation); // country, address, billing together
        engine.execute(actor, cartId, new ChangeAddress(null), mutation);      // clears address and billing country
        // end::addresses[]

        Cart cart = engine.get(actor, cartId);
        assertThat(cart.shippingAddress()).isNull();
        assertThat(cart.billingCountry()).isNull();
        assertThat(engine.changesSince(actor, cartId, created.cart().version())).extracting(CartEvent::type)
                .containsExactly(CartEvent.Type.ADDRESS_CHANGED, CartEvent.Type.ADDRESS_CHANGED,
                        CartEvent.Type.ADDRESS_CHANGED);
    }

    @Test
    void namedCarts_wishListAndMove_lineMovesToTheShoppingCart() {
        CustomerId customerId = new CustomerId("anna");
        Actor actor = Actor.customer(customerId);
        CartId shoppingCartId = engine.createCustomerCart(actor, customerId, NewCart.of("EUR", "DE")).id();
        // tag::named-carts[]
        Cart wishes = engine.createNamedCart(actor, customerId, CartKind.WISH_LIST, "Birthday", NewCart.of("EUR", "DE"));
        // end::named-carts[]
        clock.advance(Duration.ofMinutes(1));
        LineId lineId = engine.addItem(actor, wishes.id(), Sku.of("MUG"), 1).lines().get(0).id();
        // tag::named-carts[]
        Optional<Cart> same = engine.namedCart(actor, customerId, CartKind.WISH_LIST, "Birthday");
        List<Cart> all = engine.customerCarts(actor, customerId);          // every kind, most recently updated first
        LineMoveResult moved = engine.moveLine(actor, new LineMove(wishes.id(), lineId, shoppingCartId, 1), Mutation.none());
        // end::named-carts[]

        assertThat(same).hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(wishes.id()));
        assertThat(all).extracting(Cart::id).containsExactly(wishes.id(), shoppingCartId);
        assertThat(moved.from().lines()).isEmpty();
        assertThat(moved.to().lines()).singleElement().satisfies(l -> assertThat(l.sku()).isEqualTo(Sku.of("MUG")));
    }

    @Test
    void invite_editParticipant_addsAndFollowsUntilRemoved() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor owner = created.actor();
        CartId cartId = created.cart().id();
        Sku sku = Sku.of("MUG");
        long versionTheDeviceHolds = created.cart().version();
        // tag::shared-carts[]
        Invitation invitation = engine.invite(owner, cartId, Participant.Role.EDIT, /* mayCheckout */ false,
                Duration.ofDays(2), Mutation.none());
        invitation.token();          // give it to the invited person, once: the cart keeps only its hash
        invitation.participantId();  // names the participant in events and the audit trail
        Actor friend = Actor.participant(invitation.token());
        engine.addItem(friend, cartId, sku, 1);                       // EDIT may change lines
        engine.changesSince(friend, cartId, versionTheDeviceHolds);  // every participant's device follows the cart
        engine.removeParticipant(owner, cartId, invitation.participantId());   // the token grants nothing from now on
        // end::shared-carts[]

        List<CartEvent> events = engine.changesSince(owner, cartId, versionTheDeviceHolds);
        assertThat(events).extracting(CartEvent::type).containsExactly(CartEvent.Type.PARTICIPANT_INVITED,
                CartEvent.Type.LINE_ADDED, CartEvent.Type.PARTICIPANT_REMOVED);
        assertThat(engine.get(owner, cartId).participants()).isEmpty();
    }

    @Test
    void recovery_abandonedCartsLinks_redeemedWithAndWithoutSignIn() {
        CreatedCart first = engine.createGuestCart(NewCart.of("EUR", "DE"));
        CreatedCart second = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(first.actor(), first.cart().id(), Sku.of("MUG"), 1);
        engine.addItem(second.actor(), second.cart().id(), Sku.of("MUG"), 2);
        clock.advance(Duration.ofHours(5));
        List<String> mails = new ArrayList<>();
        Mailer mailer = (cartId, url) -> mails.add(cartId + " " + url);
        CartId cartId = second.cart().id();
        CustomerId id = new CustomerId("anna");
        // tag::recovery[]
        // the scheduled job: marks idle carts abandoned and gives each one a token, in the same write
        List<RecoveryLink> links = engine.maintenance().markAbandonedWithRecovery(Duration.ofHours(4), 500);
        links.forEach(link -> mailer.send(link.cartId(), "https://shop.example/recover?t=" + link.token()));
        // or one cart, from support or a service granted ISSUE_RECOVERY (the cart's owner may too)
        RecoveryLink link = engine.issueRecovery(Actor.service("mailer", EnumSet.of(CartOperation.ISSUE_RECOVERY)), cartId);
        // end::recovery[]
        String token = links.stream().filter(l -> l.cartId().equals(first.cart().id())).findFirst().orElseThrow().token();
        // tag::recovery[]

        // the link's page
        RecoveredCart back = engine.recover(token);                                            // not signed in
        RecoveredCart mine = engine.recover(Actor.customer(id), link.token(), MergePolicy.SUM); // signed in
        // end::recovery[]

        assertThat(mails).hasSize(2);
        assertThat(back.cart().id()).isEqualTo(first.cart().id());
        assertThat(back.guestToken()).isNotNull().isNotEqualTo(first.token());
        assertThat(mine.cart().customerId()).contains(id);
        assertThat(mine.cart().lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
    }

    @Test
    void freeze_thenCheckout_chargesTheFrozenFigures() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor actor = created.actor();
        CartId cartId = created.cart().id();
        engine.addItem(actor, cartId, Sku.of("MUG"), 2);
        // tag::freeze[]
        Cart frozen = engine.freeze(actor, cartId, Duration.ofMinutes(20), Mutation.none()); // null: the default time
        PricedCart shown = engine.price(actor, cartId);      // the frozen figures, no provider asked
        CheckoutResult order = engine.checkout(actor, cartId, Mutation.none()); // charges them
        // end::freeze[]

        assertThat(frozen.freeze()).isNotNull();
        assertThat(order.priced().total()).isEqualTo(shown.total());
        assertThat(order.cart().state()).isEqualTo(CartState.CHECKED_OUT);
    }

    @Test
    void unfreeze_frozenCart_changesAgain() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor actor = created.actor();
        CartId cartId = created.cart().id();
        engine.addItem(actor, cartId, Sku.of("MUG"), 2);
        engine.freeze(actor, cartId, null, Mutation.none());
        // tag::freeze[]
        engine.unfreeze(actor, cartId, Mutation.none());     // or let the time run out
        // end::freeze[]
        assertThat(engine.addItem(actor, cartId, Sku.of("MUG"), 1).lines().get(0).quantity()).isEqualTo(3);
    }

    /** Sends a shopper the recovery link of a cart (the shop's mail service). */
    @FunctionalInterface
    interface Mailer {
        void send(CartId cartId, String url);
    }
}
