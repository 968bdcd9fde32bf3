package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.CustomerProvider;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The customer's profile: its group chooses promotions, its exemption removes tax, and a guest never asks for one. */
class CartEngineCustomerProfileTest {
    private static final CustomerId VERA = new CustomerId("vera");
    private static final CustomerId ACME = new CustomerId("acme");
    private static final CustomerId NORA = new CustomerId("nora");

    private final TestWorld world = new TestWorld();
    private final AtomicInteger asked = new AtomicInteger();
    private final Map<CustomerId, CustomerProfile> profiles = Map.of(
            VERA, new CustomerProfile("vip", null, null, false),
            ACME, new CustomerProfile(null, null, null, true),
            NORA, new CustomerProfile(null, null, null, false));
    private final CustomerProvider customers = id -> {
        asked.incrementAndGet();
        return Optional.ofNullable(profiles.get(id));
    };

    CartEngineCustomerProfileTest() {
        world.promotions.put(new Promotion("VIP5", null, 1, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ITEMS), new Promotion.Action.Percent(Rate.percent("5")),
                new Promotion.Conditions(null, 0, Set.of("vip"), Set.of(), null, null), null, 0, 0));
    }

    private Cart customerCart(CartEngine engine, CustomerId id, String group) {
        Cart cart = engine.createCustomerCart(Actor.customer(id), id, new NewCart(TestWorld.EUR, "DE", group));
        return engine.addItem(Actor.customer(id), cart.id(), Sku.of("A"), 2);
    }

    private static PromotionResult vip(PricedCart priced) {
        return priced.promotions().stream().filter(p -> p.promotionId().equals("VIP5")).findFirst().orElseThrow()
                .result();
    }

    @Test
    void price_profileNamesGroup_promotionOfThatGroupAppliesAndStoredCartKeepsItsGroup() {
        CartEngine engine = world.builder().customers(customers).build();
        Cart cart = customerCart(engine, VERA, null);

        PricedCart priced = engine.price(Actor.customer(VERA), cart.id());

        assertThat(vip(priced)).isEqualTo(PromotionResult.APPLIED);
        assertThat(priced.discount()).isEqualTo(TestWorld.money("1.00"));
        assertThat(world.repository.find(cart.id()).orElseThrow().customerGroup()).isNull();
    }

    @Test
    void price_profileWithoutGroup_keepsTheCartsGroup() {
        CartEngine engine = world.builder().customers(customers).build();
        Cart cart = customerCart(engine, NORA, "vip");

        assertThat(vip(engine.price(Actor.customer(NORA), cart.id()))).isEqualTo(PromotionResult.APPLIED);
    }

    @Test
    void price_noProfile_keepsTheCartsGroup() {
        CartEngine engine = world.builder().customers(customers).build();
        CustomerId walt = new CustomerId("walt");
        Cart cart = customerCart(engine, walt, null);

        assertThat(vip(engine.price(Actor.customer(walt), cart.id()))).isEqualTo(PromotionResult.CONDITION_NOT_MET);
    }

    @Test
    void price_guestCart_customerProviderNeverAsked() {
        CartEngine engine = world.builder().customers(customers).build();
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), Sku.of("A"), 1);
        engine.checkout(guest.actor(), guest.cart().id(), Mutation.none());

        assertThat(asked).hasValue(0);
    }

    @Test
    void price_taxExemptExclusive_noTaxAndNetPrices() {
        CartEngine engine = world.builder().customers(customers).build();
        Cart cart = customerCart(engine, ACME, null);

        PricedCart priced = engine.price(Actor.customer(ACME), cart.id());

        assertThat(priced.tax()).isEqualTo(TestWorld.money("0.00"));
        assertThat(priced.subtotal()).isEqualTo(TestWorld.money("20.00"));
        assertThat(priced.total()).isEqualTo(TestWorld.money("20.00"));
    }

    @Test
    void price_taxExemptInclusive_paysEachUnitsNetPrice() {
        PricingPolicy inclusive = new PricingPolicy(PricingPolicy.TaxMode.INCLUSIVE, PricingPolicy.TaxCalculation.LINE,
                RoundingMode.HALF_EVEN);
        world.product("G", "9.99", Set.of(), 1, 10, 1, 10);
        CartEngine engine = world.builder().customers(customers).pricingPolicy(inclusive).build();
        Cart exempt = engine.createCustomerCart(Actor.customer(ACME), ACME, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(ACME), exempt.id(), Sku.of("G"), 3);
        Cart taxed = engine.createCustomerCart(Actor.customer(NORA), NORA, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(NORA), taxed.id(), Sku.of("G"), 3);

        PricedCart exemptPrice = engine.price(Actor.customer(ACME), exempt.id());
        PricedCart taxedPrice = engine.price(Actor.customer(NORA), taxed.id());

        // 9.99 / 1.19 = 8.3949.. -> 8.39 a unit, 25.17 for three; taxed: 29.97 gross with 4.79 tax
        assertThat(exemptPrice.tax()).isEqualTo(TestWorld.money("0.00"));
        assertThat(exemptPrice.total()).isEqualTo(TestWorld.money("25.17"));
        assertThat(taxedPrice.total()).isEqualTo(TestWorld.money("29.97"));
        assertThat(taxedPrice.tax()).isEqualTo(TestWorld.money("4.79"));
    }

    @Test
    void checkout_taxExempt_finalPricesWithoutTaxAndProfileAskedOncePerAttempt() {
        CartEngine engine = world.builder().customers(customers).build();
        Cart cart = customerCart(engine, ACME, null);
        asked.set(0);

        CheckoutResult result = engine.checkout(Actor.customer(ACME), cart.id(), Mutation.none());

        assertThat(result.priced().tax()).isEqualTo(TestWorld.money("0.00"));
        assertThat(result.priced().total()).isEqualTo(TestWorld.money("20.00"));
        assertThat(asked).hasValue(1);
    }

    @Test
    void price_customerProviderFails_providerUnavailable() {
        Cart cart = world.engine().createCustomerCart(Actor.customer(VERA), VERA, NewCart.of("EUR", "DE"));
        CartEngine engine = world.builder().customers(id -> {
            throw new IllegalStateException("crm down");
        }).build();

        assertThatThrownBy(() -> engine.addItem(Actor.customer(VERA), cart.id(), Sku.of("A"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(world.repository.find(cart.id()).orElseThrow().lines()).isEmpty();
    }

    @Test
    void price_customerProviderAnswersNull_providerUnavailable() {
        Cart cart = world.engine().createCustomerCart(Actor.customer(VERA), VERA, NewCart.of("EUR", "DE"));
        CartEngine engine = world.builder().customers(id -> null).build();

        assertThatThrownBy(() -> engine.price(Actor.customer(VERA), cart.id()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
    }

    @Test
    void createCustomerCart_customerProviderFails_providerUnavailableNothingStored() {
        CartEngine engine = world.builder().customers(id -> {
            throw new IllegalStateException("crm down");
        }).build();

        assertThatThrownBy(() -> engine.createCustomerCart(Actor.customer(VERA), VERA, NewCart.of("EUR", "DE")))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(world.repository.findActiveByCustomer(VERA)).isEmpty();
    }

    @Test
    void builder_nullCustomers_invalidInput() {
        assertThatThrownBy(() -> CartEngine.builder().customers(null)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
    @Test
    void createCustomerCart_profileDefaultAddressInThatCountry_cartStartsThere() {
        dev.cartflow.model.ShippingAddress home = new dev.cartflow.model.ShippingAddress("BE", "10115", "Berlin",
                java.util.List.of());
        CartEngine engine = world.builder().customers(id -> Optional.of(new CustomerProfile(null, "DE", home, false)))
                .build();

        Cart inGermany = engine.createCustomerCart(Actor.customer(VERA), VERA, NewCart.of("EUR", "DE"));
        Cart inAustria = engine.createCustomerCart(Actor.customer(NORA), NORA, NewCart.of("EUR", "AT"));

        assertThat(inGermany.shippingAddress()).isEqualTo(home);
        assertThat(world.repository.find(inGermany.id()).orElseThrow().shippingAddress()).isEqualTo(home);
        assertThat(inAustria.shippingAddress()).isNull();
        assertThat(inAustria.country()).isEqualTo("AT");
    }

    @Test
    void createCustomerCart_regionalEngineWithDefaultAddress_addressKept() {
        dev.cartflow.model.ShippingAddress home = new dev.cartflow.model.ShippingAddress("BE", "10115", "Berlin",
                java.util.List.of());
        CartEngine engine = world.builder().region(dev.cartflow.core.residency.Region.of("eu", 1))
                .customers(id -> Optional.of(new CustomerProfile(null, "DE", home, false))).build();

        Cart cart = engine.createCustomerCart(Actor.customer(VERA), VERA, NewCart.of("EUR", "DE"));

        assertThat(cart.region()).isEqualTo("eu");
        assertThat(cart.shippingAddress()).isEqualTo(home);
    }
}
