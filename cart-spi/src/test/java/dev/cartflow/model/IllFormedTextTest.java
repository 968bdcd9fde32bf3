package dev.cartflow.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression: text with an unpaired UTF-16 surrogate was accepted, and PostgreSQL stored it as '?'. */
class IllFormedTextTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");

    private static void invalid(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    private static Cart cart() {
        return new Cart(CartId.random(), new CartOwner.Customer(new CustomerId("c1")), null, EUR, "DE",
                CartState.ACTIVE, 1, List.of(), List.of(), null, "{}", T0, T0, T0.plusSeconds(60), null);
    }

    /** Every way text enters the model, as a function of that text. */
    static Stream<Arguments> entries() {
        Map<String, Function<String, Object>> entries = Map.ofEntries(
                Map.entry("customer id", CustomerId::new),
                Map.entry("line id", LineId::new),
                Map.entry("sku", Sku::of),
                Map.entry("guest token", (Function<String, Object>) Actor::guest),
                Map.entry("guest identity", t -> Actor.guest("token", t)),
                Map.entry("staff id", t -> Actor.support(t, "ticket-1")),
                Map.entry("support reason", t -> Actor.support("staff-1", t)),
                Map.entry("service name", (Function<String, Object>) Actor::service),
                Map.entry("token hash", CartOwner.Guest::new),
                Map.entry("warehouse", t -> new LineItem(new LineId("l"), Sku.of("s"), 1, t, null, T0)),
                Map.entry("customer group", t -> cart().toBuilder().customerGroup(t).build()),
                Map.entry("shipping method", t -> cart().toBuilder().shippingMethod(t).build()),
                Map.entry("cart code", t -> cart().toBuilder().codes(List.of(t)).build()),
                Map.entry("metadata", t -> cart().toBuilder().metadata("{\"k\":\"" + t + "\"}").build()),
                Map.entry("promotion id", t -> Promotion.builder(t).percentOff("10").build()),
                Map.entry("promotion code", t -> Promotion.builder("p").percentOff("10").code(t).build()),
                Map.entry("promotion category", t -> Promotion.builder("p").percentOff("10")
                        .target(new Promotion.Target(Promotion.Scope.ITEMS, Set.of(), Set.of(t), Set.of())).build()),
                Map.entry("product brand", t -> Product.builder(Sku.of("s")).brand(t).build()),
                Map.entry("shipping method id", t -> new ShippingMethod(t, Money.zero(EUR), null, List.of(),
                        Long.MAX_VALUE, Set.of())));
        return entries.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("entries")
    void constructor_loneSurrogate_invalidInputSoTwoIdsCannotCollide(String what, Function<String, Object> entry) {
        assertThat(entry.apply("alice\ud83d\uded2")).isNotNull();
        invalid(() -> entry.apply("alice\ud800"));
        invalid(() -> entry.apply("alice\udfff"));
        invalid(() -> entry.apply("\udc00alice"));
        invalid(() -> entry.apply("alice\ud800\ud800"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\ud800", "\udfff", "\udbff\udbff\udc00\udc00", "x\udc00\ud800y"})
    void wellFormed_unpairedSurrogate_invalidInput(String text) {
        invalid(() -> Checks.wellFormed(text, "text"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "\ud83d\uded2", "a\ud800\udc00b", "\u4e2d\u6587", "\udbff\udfff"})
    void wellFormed_pairedOrNoSurrogates_returnsTextUnchanged(String text) {
        assertThat(Checks.wellFormed(text, "text")).isSameAs(text);
    }

    @Test
    void wellFormed_messageNeverRepeatsTheText() {
        assertThatThrownBy(() -> Checks.wellFormed("secret-mail@example.org\ud800", "customer id"))
                .isInstanceOf(CartException.class)
                .hasMessageNotContaining("secret-mail");
    }

    @Test
    void text_controlCharacterBlankOrTooLong_invalidInput() {
        invalid(() -> Checks.text("a\u0000b", "t", 10));
        invalid(() -> Checks.text("a\u009fb", "t", 10));
        invalid(() -> Checks.text(" \t", "t", 10));
        invalid(() -> Checks.text(null, "t", 10));
        invalid(() -> Checks.text("x".repeat(11), "t", 10));
        assertThat(Checks.text("x".repeat(10), "t", 10)).hasSize(10);
    }

    @Test
    void collections_nullElement_invalidInputNotNullPointer() {
        invalid(() -> cart().toBuilder().codes(java.util.Arrays.asList("A", null)).build());
        invalid(() -> cart().toBuilder().lines(java.util.Arrays.asList((LineItem) null)).build());
        invalid(() -> new Promotion.Target(Promotion.Scope.ITEMS, new java.util.HashSet<>(java.util.Arrays.asList(
                (Sku) null)), Set.of(), Set.of()));
        java.util.Map<String, String> data = new java.util.HashMap<>();
        data.put("k", null);
        invalid(() -> new CartEvent(CartId.random(), 1, 0, CartEvent.Type.CREATED, T0, data));
    }

    @Test
    void country_asciiUpperCaseBounds_onlyAToZ() {
        assertThat(Checks.country("AZ", "country")).isEqualTo("AZ");
        assertThat(Checks.country("ZA", "country")).isEqualTo("ZA");
        for (String bad : new String[] {"@A", "[A", "A@", "A[", "de", "DEU", "D", "ÄT"}) {
            invalid(() -> Checks.country(bad, "country"));
        }
    }

    @Test
    void collections_copied_keepEveryElement() {
        assertThat(new Promotion.Target(Promotion.Scope.ITEMS, Set.of(Sku.of("a"), Sku.of("b")), Set.of("c"), Set.of())
                .skus()).containsExactlyInAnyOrder(Sku.of("a"), Sku.of("b"));
        assertThat(Product.builder(Sku.of("s")).countries(Set.of("DE", "AT")).build().countries())
                .containsExactlyInAnyOrder("DE", "AT");
        assertThat(new CartEvent(CartId.random(), 1, 0, CartEvent.Type.CREATED, T0, Map.of("k", "v")).data())
                .containsExactly(Map.entry("k", "v"));
    }
}
