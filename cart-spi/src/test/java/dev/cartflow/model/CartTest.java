package dev.cartflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static LineItem line(String id, String sku, int qty) {
        return new LineItem(new LineId(id), new Sku(sku), qty, "default", null, T);
    }

    private static Cart cart(List<LineItem> lines, List<String> codes, long version, String country) {
        return new Cart(CartId.random(), new CartOwner.Guest("h"), null, EUR, country, CartState.ACTIVE, version,
                lines, codes, null, "{}", T, T, T, null);
    }

    private static void invalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void constructor_linesList_defensivelyCopied() {
        List<LineItem> lines = new ArrayList<>(List.of(line("1", "A", 1)));
        Cart cart = cart(lines, List.of(), 1, "DE");
        lines.add(line("2", "B", 1));
        assertThat(cart.lines()).hasSize(1);
        assertThatThrownBy(() -> cart.lines().add(line("3", "C", 1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructor_sameSkuAndWarehouseTwice_invalidInput() {
        invalid(() -> cart(List.of(line("1", "A", 1), line("2", "A", 2)), List.of(), 1, "DE"));
        invalid(() -> cart(List.of(line("1", "A", 1), line("1", "B", 2)), List.of(), 1, "DE"));
    }

    @Test
    void constructor_badVersionCountryOrDuplicateCode_invalidInput() {
        invalid(() -> cart(List.of(), List.of(), 0, "DE"));
        invalid(() -> cart(List.of(), List.of(), 1, "de"));
        invalid(() -> cart(List.of(), List.of(), 1, "DEU"));
        invalid(() -> cart(List.of(), List.of("X", "X"), 1, "DE"));
    }

    @Test
    void lineItem_nonPositiveQuantity_invalidQuantity() {
        assertThatThrownBy(() -> line("1", "A", 0)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_QUANTITY));
    }

    @Test
    void sku_controlCharactersBlankOrTooLong_invalidInput() {
        invalid(() -> new Sku("a\nb"));
        invalid(() -> new Sku("   "));
        invalid(() -> new Sku("x".repeat(Sku.MAX_LENGTH + 1)));
        assertThat(new Sku("'; DROP TABLE carts; --").value()).isEqualTo("'; DROP TABLE carts; --");
    }

    @Test
    void totalQuantity_sumsLines() {
        assertThat(cart(List.of(line("1", "A", 2), line("2", "B", 3)), List.of(), 1, "DE").totalQuantity())
                .isEqualTo(5);
    }
}
