package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Hint;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.util.Currency;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The samples of docs/promotions.md: scopes, codes, stacking, exclusivity, priority, use limits, explanations, hints. */
class PromotionsSample {
    private static final Currency EUR = Currency.getInstance("EUR");

    private final InMemoryPromotions promotions = new InMemoryPromotions();
    private final CartEngine engine = CartEngine.builder()
            .repository(new InMemoryCartRepository())
            .catalog(new InMemoryCatalog()
                    .put(Product.builder(Sku.of("MUG")).category("kitchen").build())
                    .put(Product.builder(Sku.of("PEN")).category("office").build()))
            .pricing(new InMemoryPricing()
                    .put(PriceQuote.of(Sku.of("MUG"), eur("12.00"), Rate.ZERO))
                    .put(PriceQuote.of(Sku.of("PEN"), eur("3.00"), Rate.ZERO)))
            .promotions(promotions)
            .build();

    @Test
    void price_categoryTarget_onlyMatchingLinesDiscounted() {
        // tag::category[]
        promotions.put(Promotion.builder("KITCHEN-20")
                .target(new Promotion.Target(Promotion.Scope.ITEMS, Set.of(), Set.of("kitchen"), Set.of()))
                .percentOff("20")
                .build());

        PricedCart priced = priceOf("MUG", 1, "PEN", 2);
        assertThat(priced.lines()).extracting(PricedLine::discount)
                .containsExactly(eur("2.40"), eur("0.00"));         // the mug, not the pens
        assertThat(results(priced)).containsEntry("KITCHEN-20", PromotionResult.APPLIED);
        // end::category[]

        assertThat(priced.discount().minor()).isEqualTo(1200 * 20 / 100);
    }

    @Test
    void applyCode_codedPromotion_appliesOnceTheCartQualifies() {
        // tag::code[]
        promotions.put(Promotion.builder("SPRING5").code("SPRING5")
                .scope(Promotion.Scope.ORDER)
                .amountOff(eur("5.00"), Promotion.Per.ORDER)
                .conditions(new Promotion.Conditions(eur("30.00"), 0, Set.of(), Set.of(), null, null))
                .build());
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(created.actor(), created.cart().id(), Sku.of("MUG"), 2);   // 24.00

        PricedCart before = engine.price(created.actor(), created.cart().id());
        assertThat(results(before)).containsEntry("SPRING5", PromotionResult.CODE_NOT_APPLIED);
        assertThat(before.hints()).isEmpty();                                  // no hint names a code

        engine.applyCode(created.actor(), created.cart().id(), "spring5");        // codes match case-insensitively
        PricedCart applied = engine.price(created.actor(), created.cart().id());
        assertThat(applied.codes()).containsExactly(new CodeStatus("SPRING5", CodeStatus.State.NOT_APPLICABLE));
        assertThat(applied.hints()).containsExactly(Hint.amount("SPRING5", eur("6.00")));  // 30.00 - 24.00

        engine.addItem(created.actor(), created.cart().id(), Sku.of("PEN"), 2);   // 30.00
        PricedCart qualified = engine.price(created.actor(), created.cart().id());
        assertThat(qualified.codes()).containsExactly(new CodeStatus("SPRING5", CodeStatus.State.APPLIED));
        assertThat(qualified.discount()).isEqualTo(eur("5.00"));
        // end::code[]

        assertThat(qualified.total().minor()).isEqualTo(2 * 1200 + 2 * 300 - 500);
    }

    @Test
    void applyCode_unknownCode_promotionNotFound() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        // tag::unknown-code[]
        assertThatThrownBy(() -> engine.applyCode(created.actor(), created.cart().id(), "NOSUCHCODE"))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROMOTION_NOT_FOUND));
        // end::unknown-code[]
        assertThat(engine.get(created.actor(), created.cart().id()).codes()).isEmpty();
    }

    @Test
    void price_stopFurther_laterPromotionsStopped() {
        // tag::stop-further[]
        promotions.put(Promotion.builder("FIRST").priority(0).stacking(Promotion.Stacking.STOP_FURTHER)
                .percentOff("10").build());
        promotions.put(Promotion.builder("SECOND").priority(1).percentOff("5").build());

        PricedCart priced = priceOf("MUG", 1);
        assertThat(results(priced)).containsEntry("FIRST", PromotionResult.APPLIED)
                .containsEntry("SECOND", PromotionResult.STOPPED);
        assertThat(priced.discount()).isEqualTo(eur("1.20"));
        // end::stop-further[]

        assertThat(priced.discount().minor()).isEqualTo(1200 / 10);
    }

    @Test
    void price_runningBasis_secondPercentTakenOfWhatIsLeft() {
        // tag::priority[]
        promotions.put(Promotion.builder("B-TEN").priority(1).percentOff("10").build());
        promotions.put(Promotion.builder("A-HALF").priority(2).percentOff("50").build());

        PricedCart priced = priceOf("MUG", 1);                // 12.00
        assertThat(priced.promotions()).extracting(PromotionExplanation::promotionId, PromotionExplanation::amount)
                .containsExactly(tuple("B-TEN", eur("1.20")),   // priority 1 first
                        tuple("A-HALF", eur("5.40")));          // 50% of the 10.80 left
        // end::priority[]

        long afterFirst = 1200 - 1200 / 10;
        assertThat(priced.discount().minor()).isEqualTo(1200 / 10 + afterFirst / 2);
    }

    @Test
    void price_exclusive_largerOptionKeptOthersExcluded() {
        // tag::exclusive[]
        promotions.put(Promotion.builder("STACK-10").percentOff("10").build());
        promotions.put(Promotion.builder("STACK-2").scope(Promotion.Scope.ORDER)
                .amountOff(eur("2.00"), Promotion.Per.ORDER).build());
        promotions.put(Promotion.builder("SOLO-25").stacking(Promotion.Stacking.EXCLUSIVE).percentOff("25").build());

        PricedCart small = priceOf("PEN", 2);                 // 6.00: together 0.60 + 2.00, alone 1.50
        assertThat(results(small)).containsEntry("STACK-10", PromotionResult.APPLIED)
                .containsEntry("STACK-2", PromotionResult.APPLIED)
                .containsEntry("SOLO-25", PromotionResult.EXCLUDED);

        PricedCart large = priceOf("MUG", 2);                 // 24.00: together 2.40 + 2.00, alone 6.00
        assertThat(results(large)).containsEntry("STACK-10", PromotionResult.EXCLUDED)
                .containsEntry("STACK-2", PromotionResult.EXCLUDED)
                .containsEntry("SOLO-25", PromotionResult.APPLIED);
        assertThat(large.discount()).isEqualTo(eur("6.00"));
        // end::exclusive[]

        assertThat(small.discount().minor()).isEqualTo(600 / 10 + 200).isGreaterThan(600 / 4);
        assertThat(large.discount().minor()).isEqualTo(2400 / 4).isGreaterThan(2400 / 10 + 200);
    }

    @Test
    void checkout_usesPerCustomerSpent_promotionExhausted() {
        // tag::limits[]
        promotions.put(Promotion.builder("FIRST-ORDER").code("FIRST-ORDER").percentOff("15")
                .maxUsesPerCustomer(1)                        // maxUses(n) limits all customers together
                .build());
        CustomerId anna = new CustomerId("anna");
        Actor actor = Actor.customer(anna);

        Cart first = engine.createCustomerCart(actor, anna, NewCart.of("EUR", "DE"));
        engine.addItem(actor, first.id(), Sku.of("MUG"), 1);
        engine.applyCode(actor, first.id(), "FIRST-ORDER");
        engine.checkout(actor, first.id(), Mutation.idempotent("order-1"));   // redeems the one use

        Cart second = engine.createCustomerCart(actor, anna, NewCart.of("EUR", "DE"));
        engine.addItem(actor, second.id(), Sku.of("MUG"), 1);
        engine.applyCode(actor, second.id(), "FIRST-ORDER");
        assertThat(results(engine.price(actor, second.id())))
                .containsEntry("FIRST-ORDER", PromotionResult.EXHAUSTED);
        assertThatThrownBy(() -> engine.checkout(actor, second.id(), Mutation.none()))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROMOTION_EXHAUSTED));
        // end::limits[]

        assertThat(engine.get(actor, second.id()).state()).isEqualTo(dev.cartflow.model.CartState.ACTIVE);
    }

    @Test
    void price_buyTwoGetOneWithTwoUnits_hintsTheOneUnitMissing() {
        // tag::hints[]
        promotions.put(Promotion.builder("3-FOR-2")
                .target(new Promotion.Target(Promotion.Scope.ITEMS, Set.of(Sku.of("PEN")), Set.of(), Set.of()))
                .action(new Promotion.Action.BuyXGetY(2, 1, Rate.ONE))   // buy 2, get 1 at 100% off
                .build());

        PricedCart two = priceOf("PEN", 2);
        assertThat(results(two)).containsEntry("3-FOR-2", PromotionResult.CONDITION_NOT_MET);
        assertThat(two.hints()).containsExactly(Hint.units("3-FOR-2", 1));

        PricedCart three = priceOf("PEN", 3);
        assertThat(three.discount()).isEqualTo(eur("3.00"));   // the third pen is free
        assertThat(three.hints()).isEmpty();
        // end::hints[]

        int units = 3;
        int buy = 2;
        int get = 1;
        long free = units / (buy + get) * get + Math.max(0, units % (buy + get) - buy);
        assertThat(three.discount().minor()).isEqualTo(free * 300);
    }

    // tag::helpers[]
    /** A new guest cart with these lines (sku, quantity, sku, quantity...), priced. */
    private PricedCart priceOf(Object... skusAndQuantities) {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        for (int i = 0; i < skusAndQuantities.length; i += 2) {
            engine.addItem(created.actor(), created.cart().id(), Sku.of((String) skusAndQuantities[i]),
                    (Integer) skusAndQuantities[i + 1]);
        }
        return engine.price(created.actor(), created.cart().id());
    }

    /** Each promotion's result by id. */
    private static Map<String, PromotionResult> results(PricedCart priced) {
        return priced.promotions().stream()
                .collect(Collectors.toMap(PromotionExplanation::promotionId, PromotionExplanation::result));
    }
    // end::helpers[]

    private static Money eur(String amount) {
        return Money.parse(amount, EUR);
    }
}
