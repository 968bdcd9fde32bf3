package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Hint;
import dev.cartflow.model.LineId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A generated hostile run over hints: promotions with extreme thresholds (the largest and smallest
 * amounts, {@code Long.MAX_VALUE} units, buy X get Y of {@code Integer.MAX_VALUE}), free-shipping
 * thresholds at the edges, huge prices and quantities, hostile codes and method ids, and hostile
 * {@link Hint} values built directly. Every call either succeeds or throws a {@link CartException}
 * with a code from {@link #EXPECTED}; a rejected call leaves the stored cart as it was; every priced
 * cart's hints are only where the format allows them (a promotion reporting
 * {@code CONDITION_NOT_MET} whose code, if any, is on the cart; the shipping hint last) and never
 * carry a code. The seed is in every failure message ({@code -Dcartflow.hostile.seed} picks another).
 */
class HostileHintsTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Set<CartErrorCode> EXPECTED = EnumSet.of(CartErrorCode.INVALID_INPUT,
            CartErrorCode.PRODUCT_NOT_FOUND, CartErrorCode.INVALID_QUANTITY, CartErrorCode.QUANTITY_LIMIT,
            CartErrorCode.CART_LIMIT, CartErrorCode.PROMOTION_NOT_FOUND, CartErrorCode.SHIPPING_NOT_AVAILABLE,
            CartErrorCode.CART_NOT_ACTIVE);
    private static final String[] CODES = {"BIG", "HUGE", "NOPE", "", " ", "\u0000", "\ud800", "x".repeat(300)};
    private static final String[] METHODS = {"STD", "EDGE", "FREE", "NONE", "", "\u202e"};
    private static final int[] QUANTITIES = {1, 2, 3, 7, 0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1_000_000};
    private static final String[] SKUS = {"A", "B", "HUGE", "MISSING"};

    private final long seed = Long.getLong("cartflow.hostile.seed", HostileEngineRun.DEFAULT_SEED);
    private final Random random = new Random(seed);
    private final InMemoryCartRepository repository = new InMemoryCartRepository();
    private final Map<CartErrorCode, Integer> codes = new EnumMap<>(CartErrorCode.class);
    private final List<Promotion> promotions = new ArrayList<>();
    private int hintsSeen;

    private static Money eur(long minor) {
        return Money.ofMinor(minor, EUR);
    }

    private static Promotion promotion(String id, String code, int priority, Promotion.Stacking stacking,
                                       Promotion.Scope scope, Promotion.Action action, Money minSubtotal,
                                       long minQuantity) {
        return new Promotion(id, code, priority, stacking, Promotion.Basis.RUNNING, Promotion.Target.all(scope), action,
                new Promotion.Conditions(minSubtotal, minQuantity, Set.of(), Set.of(), null, null), null, 0, 0);
    }

    private CartEngine engine() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        Map<String, Long> prices = Map.of("A", 999L, "B", 1L, "HUGE", Long.MAX_VALUE / 4);
        prices.forEach((sku, price) -> {
            catalog.put(Product.builder(Sku.of(sku)).build());
            pricing.put(PriceQuote.of(Sku.of(sku), eur(price), Rate.parse("0.19")));
        });
        Promotion.Action tenPercent = new Promotion.Action.Percent(Rate.percent("10"));
        promotions.add(promotion("MAXED", null, 0, Promotion.Stacking.STACKABLE, Promotion.Scope.ORDER, tenPercent,
                eur(Long.MAX_VALUE), Long.MAX_VALUE));
        promotions.add(promotion("NEGATIVE", null, 1, Promotion.Stacking.STACKABLE, Promotion.Scope.ITEMS,
                tenPercent, eur(Long.MIN_VALUE), 0));
        promotions.add(promotion("WIDE", null, 2, Promotion.Stacking.STACKABLE, Promotion.Scope.ITEMS,
                new Promotion.Action.BuyXGetY(Integer.MAX_VALUE, Integer.MAX_VALUE, Rate.ONE), null, 0));
        promotions.add(promotion("CODED", "BIG", 3, Promotion.Stacking.EXCLUSIVE, Promotion.Scope.ORDER, tenPercent,
                eur(5_000), 3));
        promotions.add(promotion("STOPPER", "HUGE", 4, Promotion.Stacking.STOP_FURTHER, Promotion.Scope.ITEMS,
                tenPercent, eur(1), 0));
        promotions.add(promotion("SHIPPING", null, 5, Promotion.Stacking.STACKABLE, Promotion.Scope.SHIPPING,
                new Promotion.Action.Percent(Rate.percent("100")), eur(2_000), 2));
        InMemoryPromotions inMemory = new InMemoryPromotions();
        promotions.forEach(inMemory::put);
        InMemoryShipping shipping = new InMemoryShipping();
        shipping.put(new ShippingMethod("STD", eur(490), eur(3_000), List.of(), Long.MAX_VALUE, Set.of()));
        shipping.put(new ShippingMethod("EDGE", eur(1), eur(Long.MAX_VALUE), List.of(), Long.MAX_VALUE, Set.of()));
        shipping.put(new ShippingMethod("FREE", eur(0), eur(Long.MIN_VALUE), List.of(), Long.MAX_VALUE, Set.of()));
        return CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).promotions(inMemory)
                .shipping(shipping).build();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private Supplier<Object> call(CartEngine engine, CreatedCart cart) {
        Optional<Cart> current = repository.find(cart.cart().id());
        List<LineId> lines = current.map(c -> c.lines().stream().map(l -> l.id()).toList()).orElse(List.of());
        int kind = random.nextInt(8);
        CartCommand command = switch (kind) {
            case 0, 1 -> new CartCommand.AddItem(Sku.of(pick(SKUS)), QUANTITIES[random.nextInt(QUANTITIES.length)]);
            case 2 -> lines.isEmpty() ? new CartCommand.Clear()
                    : new CartCommand.SetQuantity(lines.get(random.nextInt(lines.size())),
                    QUANTITIES[random.nextInt(QUANTITIES.length)]);
            case 3 -> new CartCommand.ApplyCode(pick(CODES));
            case 4 -> new CartCommand.RemoveCode(pick(CODES));
            case 5 -> new CartCommand.SelectShipping(pick(METHODS));
            case 6 -> random.nextInt(4) == 0 ? new CartCommand.Clear() : null;
            default -> null;
        };
        if (command == null) {
            return () -> engine.price(cart.actor(), cart.cart().id());
        }
        return () -> engine.execute(cart.actor(), cart.cart().id(), command, Mutation.none());
    }

    private void checkHints(PricedCart priced, String at) {
        List<Hint> hints = priced.hints();
        hintsSeen += hints.size();
        for (int h = 0; h < hints.size(); h++) {
            Hint hint = hints.get(h);
            for (String code : CODES) {
                assertThat(hint.id()).as(at + " a hint never names a code").isNotEqualTo(code);
            }
            if (hint.subject() == Hint.Subject.SHIPPING) {
                assertThat(h).as(at + " the shipping hint is last").isEqualTo(hints.size() - 1);
                continue;
            }
            PromotionExplanation explanation = priced.promotions().stream()
                    .filter(e -> e.promotionId().equals(hint.id())).findFirst().orElseThrow();
            assertThat(explanation.result()).as(at + " only CONDITION_NOT_MET").isEqualTo(PromotionResult.CONDITION_NOT_MET);
            assertThat(explanation.code() == null || priced.cart().codes().contains(explanation.code()))
                    .as(at + " its code is on the cart").isTrue();
        }
    }

    @Test
    void hints_hostileCartsAndThresholds_onlyExpectedCodesAndHintsWhereDue() {
        CartEngine engine = engine();
        List<CreatedCart> carts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            carts.add(engine.createGuestCart(NewCart.of("EUR", "DE")));
        }
        int successes = 0;
        for (int i = 0; i < 2_000; i++) {
            CreatedCart cart = carts.get(random.nextInt(carts.size()));
            String at = "seed " + seed + " call " + i;
            Optional<Cart> before = repository.find(cart.cart().id());
            try {
                Supplier<Object> call = call(engine, cart);
                Object result = call.get();
                successes++;
                if (result instanceof PricedCart priced) {
                    checkHints(priced, at);
                }
            } catch (CartException e) {
                codes.merge(e.code(), 1, Integer::sum);
                assertThat(EXPECTED).as(at + " unexpected code " + e.code() + ": " + e.getMessage()).contains(e.code());
                assertThat(repository.find(cart.cart().id())).as(at + " a rejected call changed the cart")
                        .isEqualTo(before);
            } catch (RuntimeException e) {
                throw new AssertionError(at + ": not a CartException", e);
            }
        }
        assertThat(successes).as("seed " + seed + " some calls succeed").isGreaterThan(200);
        assertThat(hintsSeen).as("seed " + seed + " some hints were produced").isPositive();
        assertThat(codes.keySet()).as("seed " + seed + " codes seen").contains(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void hint_hostileFields_validOrInvalidInput() {
        Hint.Subject[] subjects = {Hint.Subject.PROMOTION, Hint.Subject.SHIPPING, null};
        Hint.Kind[] kinds = {Hint.Kind.AMOUNT, Hint.Kind.UNITS, null};
        String[] ids = {"P", Hint.SHIPPING_ID, "", "\ud800", null};
        Money[] amounts = {eur(1), eur(0), eur(-1), eur(Long.MAX_VALUE), eur(Long.MIN_VALUE), null};
        long[] units = {1, 0, -1, Long.MAX_VALUE, Long.MIN_VALUE};
        int valid = 0;
        for (int i = 0; i < 2_000; i++) {
            Hint.Subject subject = subjects[random.nextInt(subjects.length)];
            Hint.Kind kind = kinds[random.nextInt(kinds.length)];
            String id = ids[random.nextInt(ids.length)];
            Money amount = amounts[random.nextInt(amounts.length)];
            long missing = units[random.nextInt(units.length)];
            String at = "seed " + seed + " hint " + subject + " " + id + " " + kind + " " + amount + " " + missing;
            try {
                Hint hint = new Hint(subject, id, kind, amount, missing);
                valid++;
                assertThat(hint.kind() == Hint.Kind.AMOUNT ? hint.missingAmount().minor() : hint.missingUnits())
                        .as(at).isPositive();
            } catch (CartException e) {
                assertThat(e.code()).as(at).isEqualTo(CartErrorCode.INVALID_INPUT);
            } catch (RuntimeException e) {
                throw new AssertionError(at + ": not a CartException", e);
            }
        }
        assertThat(valid).as("seed " + seed + " some hints are valid").isPositive();
    }
}
