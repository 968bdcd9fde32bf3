package dev.cartflow.service.demo;

import static dev.cartflow.model.Promotion.Scope.ITEMS;
import static dev.cartflow.model.Promotion.Scope.ORDER;
import static dev.cartflow.model.Promotion.Scope.SHIPPING;

import dev.cartflow.model.Money;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.model.Promotion.Conditions;
import dev.cartflow.model.Promotion.Target;
import dev.cartflow.model.PromotionBuilder;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionQuery;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The demo shop's promotions, one of every kind the model has, each with the shop's words for it.
 * A promotion with an amount exists once per currency (id suffix {@code -EUR}, {@code -USD}, the
 * same code), and the provider hands a cart only those of its currency, so a EUR cart never lists
 * the USD twin as "not met". None of the automatic ones targets MUG or TEA (kitchen, food), so the
 * placeholder's figures that other tests rely on are unchanged.
 */
final class DemoPromotions implements PromotionProvider {
    private static final int ITEM_PRIORITY = 10;
    private static final int ORDER_PRIORITY = 50;
    private static final int STOP_PRIORITY = 55;
    private static final int CODE_PRIORITY = 60;
    private static final int SHIPPING_PRIORITY = 90;

    /**
     * A promotion with its description.
     *
     * @param promotion   the promotion
     * @param description the shop's words for it
     */
    record Offer(Promotion promotion, String description) {
    }

    /** Every promotion of the shop. */
    static final List<Offer> OFFERS = offers();

    @Override
    public List<Promotion> promotions(PromotionQuery query) {
        return inCurrency(query.currency()).toList();
    }

    @Override
    public List<Promotion> byCode(String code, Currency currency) {
        return inCurrency(currency).filter(p -> p.code() != null && p.code().equalsIgnoreCase(code)).toList();
    }

    /** The shop's words for a promotion, or null for an id it does not have. */
    static @Nullable String describe(String promotionId) {
        return OFFERS.stream().filter(o -> o.promotion().id().equals(promotionId)).map(Offer::description)
                .findFirst().orElse(null);
    }

    /** The promotions a cart in this currency can get. */
    static Stream<Promotion> inCurrency(Currency currency) {
        return OFFERS.stream().map(Offer::promotion).filter(p -> amounts(p).allMatch(m -> m.currency().equals(currency)));
    }

    /** The promotion of this id, which the caller knows exists. */
    static Promotion get(String promotionId) {
        return OFFERS.stream().map(Offer::promotion).filter(p -> p.id().equals(promotionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo promotion " + promotionId));
    }

    private static Stream<Money> amounts(Promotion p) {
        List<Money> amounts = new ArrayList<>();
        if (p.action() instanceof Action.Amount amount) {
            amounts.add(amount.amount());
        } else if (p.action() instanceof Action.FixedPrice fixed) {
            amounts.add(fixed.unitPrice());
        }
        if (p.conditions().minSubtotal() != null) {
            amounts.add(p.conditions().minSubtotal());
        }
        if (p.maxDiscount() != null) {
            amounts.add(p.maxDiscount());
        }
        return amounts.stream();
    }

    private static List<Offer> offers() {
        List<Offer> offers = new ArrayList<>();
        // automatic, on items: percent by category and by brand, an amount per unit, buy X get Y,
        // a fixed price, a minimum quantity
        offers.add(new Offer(Promotion.builder("SHOES10").priority(ITEM_PRIORITY)
                .target(category(ITEMS, "shoes")).percentOff("10").build(), "10 % off shoes"));
        offers.add(new Offer(Promotion.builder("NORDLYS15").priority(ITEM_PRIORITY)
                .target(brand(ITEMS, "Nordlys")).percentOff("15").build(), "15 % off everything by Nordlys"));
        perCurrency(offers, c -> Promotion.builder("VOLTIX2-" + c.getCurrencyCode())
                .priority(ITEM_PRIORITY).target(brand(ITEMS, "Voltix")).amountOff(money("2.00", c), Promotion.Per.UNIT),
                c -> money("2.00", c) + " off every Voltix accessory");
        offers.add(new Offer(Promotion.builder("SOCKS3FOR2").priority(ITEM_PRIORITY).target(category(ITEMS, "socks"))
                .action(new Action.BuyXGetY(2, 1, Rate.ONE)).build(), "Socks: buy 2, get 1 free"));
        perCurrency(offers, c -> Promotion.builder("TEES-" + c.getCurrencyCode()).priority(ITEM_PRIORITY)
                        .target(new Target(ITEMS, Set.of(Sku.of("TEE-WHITE"), Sku.of("TEE-BLACK")), Set.of(), Set.of()))
                        .action(new Action.FixedPrice(money(c.equals(DemoCatalog.EUR) ? "15.00" : "17.00", c))),
                c -> "Any organic T-shirt for " + money(c.equals(DemoCatalog.EUR) ? "15.00" : "17.00", c));
        offers.add(new Offer(Promotion.builder("COFFEE3").priority(ITEM_PRIORITY).target(category(ITEMS, "coffee"))
                .percentOff("15").conditions(minQuantity(3)).build(), "15 % off coffee from 3 bags"));
        // automatic, on the order: two exclusive tiers (the better one wins), a customer group
        perCurrency(offers, c -> Promotion.builder("ELEC10-" + c.getCurrencyCode()).priority(ORDER_PRIORITY)
                        .stacking(Promotion.Stacking.EXCLUSIVE).target(category(ORDER, "electronics"))
                        .amountOff(money("10.00", c), Promotion.Per.ORDER).conditions(minSubtotal(money("100.00", c))),
                c -> money("10.00", c) + " off electronics from " + money("100.00", c));
        perCurrency(offers, c -> Promotion.builder("ELEC30-" + c.getCurrencyCode()).priority(ORDER_PRIORITY)
                        .stacking(Promotion.Stacking.EXCLUSIVE).target(category(ORDER, "electronics"))
                        .amountOff(money("30.00", c), Promotion.Per.ORDER).conditions(minSubtotal(money("250.00", c))),
                c -> money("30.00", c) + " off electronics from " + money("250.00", c));
        offers.add(new Offer(Promotion.builder("MEMBERS5").priority(ORDER_PRIORITY).scope(ORDER).percentOff("5")
                .conditions(new Conditions(null, 0, Set.of("members"), Set.of(), null, null)).build(),
                "5 % off for members"));
        // coded: the placeholder's WELCOME10 exactly, an amount with a minimum, a capped percentage,
        // once per customer, a limited number of uses, an amount per line
        offers.add(new Offer(Promotion.builder("WELCOME10").code("WELCOME10").scope(ORDER).percentOff("10").build(),
                "10 % off your first order"));
        perCurrency(offers, c -> Promotion.builder("SAVE5-" + c.getCurrencyCode()).code("SAVE5")
                        .priority(CODE_PRIORITY).scope(ORDER).amountOff(money("5.00", c), Promotion.Per.ORDER)
                        .conditions(minSubtotal(money("40.00", c))),
                c -> money("5.00", c) + " off orders from " + money("40.00", c));
        perCurrency(offers, c -> Promotion.builder("SPRING15-" + c.getCurrencyCode()).code("SPRING15")
                        .priority(CODE_PRIORITY).scope(ORDER).percentOff("15").maxDiscount(money("20.00", c)),
                c -> "15 % off your order, up to " + money("20.00", c));
        perCurrency(offers, c -> Promotion.builder("HELLO5-" + c.getCurrencyCode()).code("HELLO5")
                        .priority(CODE_PRIORITY).scope(ORDER).amountOff(money("5.00", c), Promotion.Per.ORDER)
                        .maxUsesPerCustomer(1),
                c -> money("5.00", c) + " off, once per signed-in customer");
        offers.add(new Offer(Promotion.builder("FLASH20").code("FLASH20").priority(CODE_PRIORITY)
                .target(category(ITEMS, "apparel")).percentOff("20").maxUses(100).build(),
                "20 % off apparel, for the first 100 orders"));
        perCurrency(offers, c -> Promotion.builder("KITCHEN3-" + c.getCurrencyCode()).code("KITCHEN3")
                        .priority(CODE_PRIORITY).target(category(ITEMS, "kitchen"))
                        .amountOff(money("3.00", c), Promotion.Per.LINE),
                c -> money("3.00", c) + " off each kitchen product");
        // coded: one that stops every promotion after it, one for a single country
        offers.add(new Offer(Promotion.builder("VIP25").code("VIP25").priority(STOP_PRIORITY).scope(ORDER)
                .percentOff("25").stacking(Promotion.Stacking.STOP_FURTHER).build(),
                "25 % off your order, with no other code or free shipping"));
        offers.add(new Offer(Promotion.builder("BONJOUR").code("BONJOUR").priority(CODE_PRIORITY).scope(ORDER)
                .percentOff("8").conditions(new Conditions(null, 0, Set.of(), Set.of("FR"), null, null)).build(),
                "8 % off orders shipped to France"));
        // shipping: free with two books (automatic), free with a code
        offers.add(new Offer(Promotion.builder("BOOKSHIP").priority(SHIPPING_PRIORITY).target(category(SHIPPING, "books"))
                .percentOff("100").conditions(minQuantity(2)).build(), "Free shipping with 2 books or more"));
        offers.add(new Offer(Promotion.builder("FREESHIP").code("FREESHIP").priority(SHIPPING_PRIORITY)
                .scope(SHIPPING).percentOff("100").build(), "Free shipping"));
        return List.copyOf(offers);
    }

    private static void perCurrency(List<Offer> offers, Function<Currency, PromotionBuilder> promotion,
                                    Function<Currency, String> description) {
        for (Currency currency : DemoCatalog.CURRENCIES) {
            offers.add(new Offer(promotion.apply(currency).build(), description.apply(currency)));
        }
    }

    private static Target category(Promotion.Scope scope, String category) {
        return new Target(scope, Set.of(), Set.of(category), Set.of());
    }

    private static Target brand(Promotion.Scope scope, String brand) {
        return new Target(scope, Set.of(), Set.of(), Set.of(brand));
    }

    private static Conditions minQuantity(long units) {
        return new Conditions(null, units, Set.of(), Set.of(), null, null);
    }

    private static Conditions minSubtotal(Money amount) {
        return new Conditions(amount, 0, Set.of(), Set.of(), null, null);
    }

    private static Money money(String amount, Currency currency) {
        return Money.parse(amount, currency);
    }
}
