package dev.cartflow.spring;

import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.ExchangeRateProvider;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spi.PromotionProvider;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.spi.ShippingProvider;
import dev.cartflow.spi.StockReservations;
import dev.cartflow.spi.TaxProvider;
import org.jspecify.annotations.Nullable;

/** The repository and providers the engine is built with; null where the engine's default applies. */
record HostProviders(CartRepository repository, CatalogProvider catalog, PricingProvider pricing,
                     @Nullable TaxProvider tax, @Nullable ExchangeRateProvider exchangeRates,
                     @Nullable InventoryProvider inventory, @Nullable StockReservations reservations,
                     @Nullable PromotionProvider promotions, @Nullable PromotionUsageStore promotionUsage,
                     @Nullable ShippingProvider shipping) {
}
