package dev.cartflow.service.demo;

import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo shop's prices: each product's net price in the cart's currency, with its tax category
 * (the tax provider resolves it for where the cart ships to). A currency the shop does not sell in
 * gets no quotes, so its lines are unavailable rather than priced in another currency.
 */
final class DemoPricing implements PricingProvider {

    @Override
    public Map<Sku, PriceQuote> prices(PriceRequest request) {
        Map<Sku, PriceQuote> quotes = new HashMap<>();
        if (!DemoCatalog.CURRENCIES.contains(request.currency())) {
            return quotes;
        }
        for (Sku sku : request.skus()) {
            DemoCatalog.item(sku.value()).ifPresent(item -> quotes.put(sku, item.quote(request.currency())));
        }
        return quotes;
    }
}
