package dev.cartflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.util.Currency;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildersTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private static void invalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void promotionBuilder_defaults_automaticStackableOnEveryItem() {
        Promotion p = Promotion.builder("P").percentOff("10").build();
        assertThat(p).isEqualTo(new Promotion("P", null, 0, Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING,
                Promotion.Target.all(Promotion.Scope.ITEMS), new Promotion.Action.Percent(Rate.percent("10")),
                Promotion.Conditions.NONE, null, 0, 0));
    }

    @Test
    void promotionBuilder_everySetter_endsUpInTheRecord() {
        Money cap = Money.parse("5.00", EUR);
        Promotion.Conditions conditions = new Promotion.Conditions(Money.parse("20.00", EUR), 2, Set.of("vip"),
                Set.of("DE"), null, null);
        Promotion p = Promotion.builder("P").code("CODE").priority(-3).stacking(Promotion.Stacking.EXCLUSIVE)
                .basis(Promotion.Basis.ORIGINAL).scope(Promotion.Scope.SHIPPING)
                .amountOff(Money.parse("1.50", EUR), Promotion.Per.LINE).conditions(conditions).maxDiscount(cap)
                .maxUses(10).maxUsesPerCustomer(2).build();
        assertThat(p).isEqualTo(new Promotion("P", "CODE", -3, Promotion.Stacking.EXCLUSIVE, Promotion.Basis.ORIGINAL,
                Promotion.Target.all(Promotion.Scope.SHIPPING),
                new Promotion.Action.Amount(Money.parse("1.50", EUR), Promotion.Per.LINE), conditions, cap, 10, 2));
        assertThat(p.toBuilder().build()).isEqualTo(p);
        assertThat(p.toBuilder().code(null).priority(1).build())
                .satisfies(q -> assertThat(q.coded()).isFalse())
                .satisfies(q -> assertThat(q.priority()).isEqualTo(1))
                .satisfies(q -> assertThat(q.maxUses()).isEqualTo(10));
    }

    @Test
    void promotionBuilder_badValues_invalidInputAtTheSetter() {
        PromotionBuilder b = Promotion.builder("P");
        invalid(() -> Promotion.builder(" "));
        invalid(() -> b.code(""));
        invalid(() -> b.code("x".repeat(65)));
        invalid(() -> b.stacking(null));
        invalid(() -> b.basis(null));
        invalid(() -> b.target(null));
        invalid(() -> b.scope(null));
        invalid(() -> b.action(null));
        invalid(() -> b.conditions(null));
        invalid(() -> b.percentOff("101"));
        invalid(() -> b.maxDiscount(Money.ofMinor(-1, EUR)));
        invalid(() -> b.maxUses(-1));
        invalid(() -> b.maxUsesPerCustomer(-1));
        invalid(b::build);
        assertThat(b.maxDiscount(null).percentOff("5").build().maxDiscount()).isNull();
    }

    @Test
    void productBuilder_defaults_likeSimple() {
        assertThat(Product.builder(Sku.of("S")).build()).isEqualTo(Product.simple(Sku.of("S")));
    }

    @Test
    void productBuilder_everySetter_endsUpInTheRecord() {
        Product p = Product.builder(Sku.of("S")).category("c").brand("b").weightGrams(5).countries(Set.of("DE"))
                .minQuantity(2).maxQuantity(8).quantityStep(2).build();
        assertThat(p).isEqualTo(new Product(Sku.of("S"), "c", "b", 5, Set.of("DE"), 2, 8, 2));
        assertThat(p.toBuilder().build()).isEqualTo(p);
        assertThat(p.toBuilder().brand(null).maxQuantity(10).build())
                .isEqualTo(new Product(Sku.of("S"), "c", null, 5, Set.of("DE"), 2, 10, 2));
    }

    @Test
    void productBuilder_badValues_invalidInput() {
        Product.Builder b = Product.builder(Sku.of("S"));
        invalid(() -> Product.builder(null));
        invalid(() -> b.weightGrams(-1));
        invalid(() -> b.minQuantity(0));
        invalid(() -> b.maxQuantity(0));
        invalid(() -> b.quantityStep(0));
        invalid(() -> b.countries(null));
        invalid(() -> b.category("x\ud800"));
        invalid(() -> b.minQuantity(5).maxQuantity(4).build());
    }
}
