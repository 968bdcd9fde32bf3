package dev.cartflow.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** A null where a value is required is the caller's {@code INVALID_INPUT}, never a {@code NullPointerException}. */
class NullInputsTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Sku MUG = Sku.of("MUG");

    @Test
    void priceQuote_nullRates() {
        Money price = Money.ofMinor(1250, EUR);
        invalid(() -> PriceQuote.of(MUG, price, (Rate[]) null));
        invalid(() -> PriceQuote.of(MUG, price, Rate.ZERO, null));
        assertThat(PriceQuote.of(MUG, price, Rate.percent("19")).taxRates()).containsExactly(Rate.percent("19"));
    }

    @Test
    void priceRequest_nullSkusCurrencyOrCountry() {
        invalid(() -> new PriceRequest(null, EUR, "DE", null));
        invalid(() -> new PriceRequest(withNull(), EUR, "DE", null));
        invalid(() -> new PriceRequest(Set.of(MUG), null, "DE", null));
        invalid(() -> new PriceRequest(Set.of(MUG), EUR, null, null));
        assertThat(new PriceRequest(Set.of(MUG), EUR, "DE", null).skus()).containsExactly(MUG);
    }

    @Test
    void promotionQuery_nullArguments() {
        Instant now = Instant.EPOCH;
        invalid(() -> new PromotionQuery(EUR, "DE", null, withNull(), List.of(), now));
        invalid(() -> new PromotionQuery(EUR, "DE", null, Set.of(MUG), Arrays.asList("WELCOME10", null), now));
        invalid(() -> new PromotionQuery(EUR, "DE", null, Set.of(MUG), null, now));
        invalid(() -> new PromotionQuery(null, "DE", null, Set.of(MUG), List.of(), now));
        invalid(() -> new PromotionQuery(EUR, "DE", null, Set.of(MUG), List.of(), null));
        assertThat(new PromotionQuery(EUR, "DE", null, Set.of(MUG), List.of("WELCOME10"), now).codes())
                .containsExactly("WELCOME10");
    }

    @Test
    void cartWrite_nullEvent() {
        Instant t = Instant.EPOCH;
        Cart cart = new Cart(CartId.random(), new CartOwner.Guest("h"), null, EUR, "DE", CartState.ACTIVE, 1,
                List.of(), List.of(), null, "{}", t, t, t, null);
        invalid(() -> CartWrite.of(cart, 0, Arrays.asList((CartEvent) null)));
        assertThat(CartWrite.of(cart, 0, List.of()).events()).isEmpty();
    }

    private static Set<Sku> withNull() {
        Set<Sku> skus = new HashSet<>();
        skus.add(MUG);
        skus.add(null);
        return skus;
    }

    private static void invalid(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
