package dev.cartflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HintTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

    private static void invalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    private static Money eur(long minor) {
        return Money.ofMinor(minor, EUR);
    }

    @Test
    void factories_validGaps_carryKindSubjectAndFigure() {
        Hint amount = Hint.amount("SPEND50", eur(500));
        Hint units = Hint.units("B3G1", 2);
        Hint shipping = Hint.freeShipping(eur(1500));
        assertThat(amount).isEqualTo(new Hint(Hint.Subject.PROMOTION, "SPEND50", Hint.Kind.AMOUNT, eur(500), 0));
        assertThat(units.kind()).isEqualTo(Hint.Kind.UNITS);
        assertThat(units.missingUnits()).isEqualTo(2);
        assertThat(units.missingAmount()).isNull();
        assertThat(shipping.subject()).isEqualTo(Hint.Subject.SHIPPING);
        assertThat(shipping.id()).isEqualTo(Hint.SHIPPING_ID);
        assertThat(shipping.missingAmount()).isEqualTo(eur(1500));
    }

    @Test
    void constructor_zeroOrNegativeOrMismatchedFigure_invalidInput() {
        invalid(() -> Hint.amount("P", eur(0)));
        invalid(() -> Hint.amount("P", eur(-1)));
        invalid(() -> Hint.units("P", 0));
        invalid(() -> Hint.units("P", -3));
        invalid(() -> Hint.freeShipping(eur(0)));
        invalid(() -> new Hint(Hint.Subject.PROMOTION, "P", Hint.Kind.AMOUNT, eur(5), 1));
        invalid(() -> new Hint(Hint.Subject.PROMOTION, "P", Hint.Kind.UNITS, eur(5), 1));
        invalid(() -> new Hint(Hint.Subject.PROMOTION, "P", Hint.Kind.AMOUNT, null, 0));
    }

    @Test
    void constructor_nullsOrShippingOfWrongShape_invalidInput() {
        invalid(() -> Hint.amount(null, eur(5)));
        invalid(() -> Hint.amount("P", null));
        invalid(() -> new Hint(null, "P", Hint.Kind.UNITS, null, 1));
        invalid(() -> new Hint(Hint.Subject.PROMOTION, "P", null, null, 1));
        invalid(() -> new Hint(Hint.Subject.SHIPPING, Hint.SHIPPING_ID, Hint.Kind.UNITS, null, 1));
        invalid(() -> new Hint(Hint.Subject.SHIPPING, "STD", Hint.Kind.AMOUNT, eur(5), 0));
    }

    private static Cart cart() {
        return new Cart(CartId.random(), new CartOwner.Guest("h"), null, EUR, "DE", CartState.ACTIVE, 1, List.of(),
                List.of(), null, "{}", T, T, T, null);
    }

    private static PricedCart priced(List<Hint> hints) {
        Money zero = eur(0);
        return new PricedCart(cart(), EUR, List.of(), zero, zero, zero, zero, zero, zero, List.of(), zero, zero,
                List.of(), List.of(), List.of(), null, T, List.of(), Set.of(), hints);
    }

    @Test
    void pricedCart_existingConstructors_noHints() {
        Money zero = eur(0);
        PricedCart withoutFallbacks = new PricedCart(cart(), EUR, List.of(), zero, zero, zero, zero, zero, zero,
                List.of(), zero, zero, List.of(), List.of(), List.of(), null, T, List.of(), Set.of("tax"));
        PricedCart shortest = new PricedCart(cart(), EUR, List.of(), zero, zero, zero, zero, zero, zero, List.of(),
                zero, zero, List.of(), List.of(), List.of(), null, T);
        assertThat(withoutFallbacks.hints()).isEmpty();
        assertThat(withoutFallbacks.fallbacks()).containsExactly("tax");
        assertThat(shortest.hints()).isEmpty();
    }

    @Test
    void pricedCart_hints_copiedAndKeptByWithFallbacks() {
        List<Hint> hints = new ArrayList<>(List.of(Hint.amount("P", eur(5)), Hint.freeShipping(eur(7))));
        PricedCart priced = priced(hints);
        hints.clear();
        assertThat(priced.hints()).containsExactly(Hint.amount("P", eur(5)), Hint.freeShipping(eur(7)));
        PricedCart flagged = priced.withFallbacks(Set.of("pricing"));
        assertThat(flagged.hints()).isEqualTo(priced.hints());
        assertThat(flagged.degraded()).isTrue();
    }

    @Test
    void pricedCart_nullHintsOrNullHint_invalidInput() {
        invalid(() -> priced(null));
        List<Hint> withNull = new ArrayList<>();
        withNull.add(null);
        invalid(() -> priced(withNull));
    }
}
