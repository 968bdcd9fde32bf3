package dev.cartflow.core.internal.pricing;

import static dev.cartflow.core.internal.pricing.PromoBuilder.promo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PricingInputRulesTest {
    private static final Currency USD = Currency.getInstance("USD");

    private static CartErrorCode code(java.util.function.Supplier<?> r) {
        try {
            r.get();
        } catch (CartException e) {
            return e.code();
        }
        throw new AssertionError("no CartException");
    }

    @Test
    void price_quoteInOtherCurrency_currencyMismatch() {
        World w = World.eur().product("A", "10.00").add("A", 1);
        w.prices.put(Sku.of("A"), PriceQuote.of(Sku.of("A"), Money.ofMinor(1000, USD)));
        assertThat(code(w::price)).isEqualTo(CartErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void price_missingQuoteAndOtherLineInOtherCurrency_currencyMismatchOfThePricedLine() {
        World w = World.eur().product("A", "10.00").product("B", "1.00").add("A", 1).add("B", 1);
        w.prices.put(Sku.of("A"), PriceQuote.of(Sku.of("A"), Money.ofMinor(1000, USD)));
        w.prices.remove(Sku.of("B"));
        assertThat(code(w::price)).isEqualTo(CartErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void price_nullPromotionOrExhaustedId_invalidInput() {
        World w = World.eur().product("A", "10.00").add("A", 1);
        w.promotions.add(null);
        assertThat(code(w::input)).isEqualTo(CartErrorCode.INVALID_INPUT);
        w.promotions.clear();
        w.exhausted.add(null);
        assertThat(code(w::input)).isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void price_lineSumBeyondLong_invalidInput() {
        World w = World.eur().product("A", "10.00").product("B", "10.00").add("A", 1).add("B", 1);
        w.prices.put(Sku.of("A"), PriceQuote.of(Sku.of("A"), Money.ofMinor(Long.MAX_VALUE / 2 + 1, World.EUR)));
        w.prices.put(Sku.of("B"), PriceQuote.of(Sku.of("B"), Money.ofMinor(Long.MAX_VALUE / 2 + 1, World.EUR)));
        assertThat(code(w::price)).isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void price_taxBeyondLong_invalidInput() {
        World w = World.eur().product("A", "10.00", "1000").add("A", 1);
        w.prices.put(Sku.of("A"), PriceQuote.of(Sku.of("A"), Money.ofMinor(Long.MAX_VALUE / 10, World.EUR),
                Rate.parse("1000")));
        assertThat(code(w::price)).isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void price_shippingInOtherCurrency_currencyMismatch() {
        World w = World.eur().product("A", "10.00").add("A", 1);
        w.shipping = new ShippingMethod("S", Money.ofMinor(100, USD), null, List.of(), Long.MAX_VALUE, Set.of());
        assertThat(code(w::price)).isEqualTo(CartErrorCode.CURRENCY_MISMATCH);
    }

    @Test
    void price_amountOverflow_invalidInput() {
        World w = World.eur().product("A", "10.00").add("A", 1);
        w.prices.put(Sku.of("A"), PriceQuote.of(Sku.of("A"), Money.ofMinor(Long.MAX_VALUE / 2, World.EUR)));
        w.setQuantity("A", 3);
        assertThatThrownBy(w::price).isInstanceOf(CartException.class)
                .extracting(e -> ((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void price_hugeButRepresentableAmounts_exactWithoutOverflow() {
        // 9e16 minor units at 19 %: the product needs more than 64 bits, the result does not
        World w = World.eur().product("A", "10.00", "0.19").add("A", 1);
        w.prices.put(Sku.of("A"), PriceQuote.of(Sku.of("A"), Money.ofMinor(90_000_000_000_000_000L, World.EUR),
                Rate.parse("0.19")));
        PricedCart p = w.promo(promo("P").percent("33.333333")).price();
        // 9e16 * 0.33333333 = 29999999700000000 exactly; tax 19 % of 60000000300000000
        assertThat(p.discount().minor()).isEqualTo(29_999_999_700_000_000L);
        assertThat(p.tax().minor()).isEqualTo(11_400_000_057_000_000L);
    }

    @Test
    void price_duplicatePromotionIds_invalidInput() {
        World w = World.eur().product("A", "10.00").add("A", 1)
                .promo(promo("P").percent("10")).promo(promo("P").percent("20"));
        assertThat(code(w::price)).isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void price_unitPriceChangedSinceAdded_reportedAsPriceChange() {
        World w = World.eur().product("A", "10.00").product("B", "5.00").add("A", 1).add("B", 1);
        w.lines.add(new LineItem(new LineId("l9"), Sku.of("C"), 1, "default", null, World.NOW));
        w.product("C", "1.00");
        w.product("A", "12.00");
        PricedCart p = w.price();
        assertThat(p.priceChanges()).hasSize(1);
        assertThat(p.priceChanges().get(0).sku().value()).isEqualTo("A");
        assertThat(p.priceChanges().get(0).previous().toDecimalString()).isEqualTo("10.00");
        assertThat(p.priceChanges().get(0).current().toDecimalString()).isEqualTo("12.00");
    }

    @Test
    void price_exchangeRateGiven_copiedOntoPricedCart() {
        World w = World.eur().product("A", "10.00").add("A", 1);
        w.exchangeRate = new ExchangeRate(USD, World.EUR, Rate.parse("0.92"), Instant.parse("2026-06-01T00:00:00Z"));
        PricedCart p = w.price();
        assertThat(p.exchangeRate()).isEqualTo(w.exchangeRate);
        assertThat(p.pricedAt()).isEqualTo(World.NOW);
    }

    @Test
    void price_nullInput_invalidInput() {
        assertThat(code(() -> CartPricer.standard().price(null))).isEqualTo(CartErrorCode.INVALID_INPUT);
    }
}
