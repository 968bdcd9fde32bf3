package dev.cartflow.spring.app;

import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartEventPublisher;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A host application: its catalog, prices and an event sink as beans, everything else auto-configured. */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ShopApplication {
    /** Events the outbox delivered. */
    public static final class DeliveredEvents implements CartEventPublisher {
        /** In delivery order. */
        public final List<CartEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void publish(List<CartEvent> published) {
            events.addAll(published);
        }
    }

    @Bean
    InMemoryCatalog catalog() {
        return new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build());
    }

    @Bean
    InMemoryPricing pricing() {
        return new InMemoryPricing().put(PriceQuote.of(Sku.of("MUG"), Money.parse("10.00", Currency.getInstance("EUR")),
                Rate.parse("0.19")));
    }

    @Bean
    InMemoryInventory inventory() {
        InMemoryInventory inventory = new InMemoryInventory();
        inventory.setStock(Sku.of("MUG"), dev.cartflow.model.LineItem.DEFAULT_WAREHOUSE, 100);
        return inventory;
    }

    @Bean
    DeliveredEvents deliveredEvents() {
        return new DeliveredEvents();
    }
}
