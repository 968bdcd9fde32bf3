package dev.cartflow.service.page;

import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PricingProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The demo shop's prices with a way for the browser test to move one, as a merchant would. */
@TestConfiguration(proxyBeanMethods = false)
class MovablePrices {

    /** The demo prices, each raised by what the test asked for. */
    static final class Raised implements PricingProvider {
        private final PricingProvider demo;
        private final Map<Sku, Long> raisedMinor = new ConcurrentHashMap<>();

        Raised(PricingProvider demo) {
            this.demo = demo;
        }

        void raise(Sku sku, long minor) {
            raisedMinor.merge(sku, minor, Long::sum);
        }

        @Override
        public Map<Sku, PriceQuote> prices(dev.cartflow.spi.PriceRequest request) {
            Map<Sku, PriceQuote> quotes = new LinkedHashMap<>(demo.prices(request));
            raisedMinor.forEach((sku, minor) -> quotes.computeIfPresent(sku, (s, quote) -> new PriceQuote(quote.sku(),
                    Money.ofMinor(quote.unitPrice().minor() + minor, quote.unitPrice().currency()), quote.taxRates(),
                    quote.taxCategory())));
            return quotes;
        }
    }

    @Bean
    @Primary
    Raised movablePrices(@Qualifier("demoPricing") PricingProvider demoPricing) {
        return new Raised(demoPricing);
    }
}
