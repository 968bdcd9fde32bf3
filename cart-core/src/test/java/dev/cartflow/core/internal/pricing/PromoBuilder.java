package dev.cartflow.core.internal.pricing;

import dev.cartflow.model.Money;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Promotion.Action;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.time.Instant;
import java.util.Currency;
import java.util.Set;
import java.util.function.Function;

/** Test builder for promotions; amounts are given as strings and parsed in the world's currency. */
final class PromoBuilder {
    private final String id;
    private String code;
    private int priority;
    private Promotion.Stacking stacking = Promotion.Stacking.STACKABLE;
    private Promotion.Basis basis = Promotion.Basis.RUNNING;
    private Promotion.Scope scope = Promotion.Scope.ITEMS;
    private Set<Sku> skus = Set.of();
    private Set<String> categories = Set.of();
    private Set<String> brands = Set.of();
    private Function<Currency, Action> action;
    private String minSubtotal;
    private long minQuantity;
    private Set<String> groups = Set.of();
    private Set<String> countries = Set.of();
    private Instant validFrom;
    private Instant validTo;
    private String maxDiscount;

    private PromoBuilder(String id) {
        this.id = id;
    }

    static PromoBuilder promo(String id) {
        return new PromoBuilder(id);
    }

    PromoBuilder code(String c) {
        code = c;
        return this;
    }

    PromoBuilder priority(int p) {
        priority = p;
        return this;
    }

    PromoBuilder stacking(Promotion.Stacking s) {
        stacking = s;
        return this;
    }

    PromoBuilder original() {
        basis = Promotion.Basis.ORIGINAL;
        return this;
    }

    PromoBuilder scope(Promotion.Scope s) {
        scope = s;
        return this;
    }

    PromoBuilder skus(String... values) {
        Sku[] s = new Sku[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = Sku.of(values[i]);
        }
        skus = Set.of(s);
        return this;
    }

    PromoBuilder categories(String... values) {
        categories = Set.of(values);
        return this;
    }

    PromoBuilder brands(String... values) {
        brands = Set.of(values);
        return this;
    }

    PromoBuilder percent(String value) {
        action = c -> new Action.Percent(Rate.percent(value));
        return this;
    }

    PromoBuilder amount(String value, Promotion.Per per) {
        action = c -> new Action.Amount(Money.parse(value, c), per);
        return this;
    }

    PromoBuilder fixedPrice(String value) {
        action = c -> new Action.FixedPrice(Money.parse(value, c));
        return this;
    }

    PromoBuilder buyGet(int buy, int get, String percent) {
        action = c -> new Action.BuyXGetY(buy, get, Rate.percent(percent));
        return this;
    }

    PromoBuilder minSubtotal(String value) {
        minSubtotal = value;
        return this;
    }

    PromoBuilder minQuantity(long value) {
        minQuantity = value;
        return this;
    }

    PromoBuilder groups(String... values) {
        groups = Set.of(values);
        return this;
    }

    PromoBuilder countries(String... values) {
        countries = Set.of(values);
        return this;
    }

    PromoBuilder validFrom(String instant) {
        validFrom = Instant.parse(instant);
        return this;
    }

    PromoBuilder validTo(String instant) {
        validTo = Instant.parse(instant);
        return this;
    }

    PromoBuilder maxDiscount(String value) {
        maxDiscount = value;
        return this;
    }

    Promotion build(Currency currency) {
        return new Promotion(id, code, priority, stacking, basis,
                new Promotion.Target(scope, skus, categories, brands), action.apply(currency),
                new Promotion.Conditions(minSubtotal == null ? null : Money.parse(minSubtotal, currency), minQuantity,
                        groups, countries, validFrom, validTo),
                maxDiscount == null ? null : Money.parse(maxDiscount, currency), 0, 0);
    }
}
