package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How the engine prepares pricing: currency conversion, tax categories, provider failures. */
class CartEnginePricingInputsTest {
    private static final Currency USD = Currency.getInstance("USD");
    private final TestWorld world = new TestWorld();
    private final AtomicReference<Rate> usdToEur = new AtomicReference<>(Rate.parse("0.9"));

    private CartEngine engine() {
        return world.builder()
                .exchangeRates((from, to) -> from.equals(USD) && to.equals(TestWorld.EUR)
                        ? Optional.of(new ExchangeRate(from, to, usdToEur.get(), Instant.EPOCH))
                        : Optional.empty())
                .tax((country, categories) -> country.equals("DE") ? Map.of("books", List.of(Rate.parse("0.07")))
                        : Map.of("books", List.of(Rate.parse("0.05"))))
                .build();
    }

    @Test
    void price_quoteInOtherCurrency_convertedWithRateRecorded() {
        world.catalog.put(Product.simple(Sku.of("IMPORT")));
        world.pricing.put(new PriceQuote(Sku.of("IMPORT"), Money.parse("10.00", USD), List.of(), null));
        CartEngine engine = engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("IMPORT"), 2);

        PricedCart priced = engine.price(cart.actor(), cart.cart().id());

        assertThat(priced.subtotal().toDecimalString()).isEqualTo("18.00");
        assertThat(priced.exchangeRate().rate()).isEqualTo(Rate.parse("0.9"));
        assertThat(priced.priceChanges()).isEmpty();
    }

    @Test
    void price_exchangeRateChanged_reportedAsPriceChange() {
        world.catalog.put(Product.simple(Sku.of("IMPORT")));
        world.pricing.put(new PriceQuote(Sku.of("IMPORT"), Money.parse("10.00", USD), List.of(), null));
        CartEngine engine = engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("IMPORT"), 1);
        usdToEur.set(Rate.parse("0.95"));

        PricedCart priced = engine.price(cart.actor(), cart.cart().id());

        assertThat(priced.priceChanges()).singleElement().satisfies(change -> {
            assertThat(change.previous().toDecimalString()).isEqualTo("9.00");
            assertThat(change.current().toDecimalString()).isEqualTo("9.50");
        });
    }

    @Test
    void addItem_quoteInCurrencyWithoutRate_currencyMismatch() {
        world.catalog.put(Product.simple(Sku.of("YEN")));
        world.pricing.put(new PriceQuote(Sku.of("YEN"), Money.parse("500", Currency.getInstance("JPY")), List.of(),
                null));
        CartEngine engine = engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        assertThatThrownBy(() -> engine.addItem(cart.actor(), cart.cart().id(), Sku.of("YEN"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CURRENCY_MISMATCH));
    }

    @Test
    void price_taxCategory_resolvedForShipToCountry() {
        world.catalog.put(new Product(Sku.of("BOOK"), null, null, 0, Set.of(), 1, 10, 1));
        world.pricing.put(new PriceQuote(Sku.of("BOOK"), Money.parse("20.00", TestWorld.EUR), List.of(), "books"));
        CartEngine engine = engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("BOOK"), 1);
        assertThat(engine.price(cart.actor(), cart.cart().id()).tax().toDecimalString()).isEqualTo("1.40");

        engine.execute(cart.actor(), cart.cart().id(), new CartCommand.ChangeCountry("AT"), Mutation.none());
        assertThat(engine.price(cart.actor(), cart.cart().id()).tax().toDecimalString()).isEqualTo("1.00");
    }

    @Test
    void price_providerThrows_providerUnavailable() {
        CartEngine engine = world.builder().catalog(skus -> {
            throw new IllegalStateException("catalog down");
        }).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        assertThatThrownBy(() -> engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
    }
}
