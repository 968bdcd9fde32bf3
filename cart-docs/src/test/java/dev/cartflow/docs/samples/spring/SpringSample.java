package dev.cartflow.docs.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.residency.Region;
import dev.cartflow.docs.samples.spring.SpringSample.PriceService;
import dev.cartflow.docs.samples.spring.SpringSample.ProductRepository;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.spring.CartEngineCustomizer;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The samples of docs/spring.md: the smallest application, and a customizer, started as Spring Boot
 * applications. In a package of its own because {@code @SpringBootApplication} scans its package: the
 * other samples' {@code @Configuration} classes must not join these applications.
 */
class SpringSample {
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void smallestApplication_catalogAndPricingBeans_engineAutoConfiguredOverThem() {
        try (ConfigurableApplicationContext context = start(Shop.class, HostServices.class)) {
            CartEngine engine = context.getBean(CartEngine.class);
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            Actor guest = Actor.guest(created.token());
            engine.addItem(guest, created.cart().id(), Sku.of("MUG"), 2);

            PricedCart priced = engine.price(guest, created.cart().id());

            Money unit = context.getBean(PriceService.class).unitPrice(Sku.of("MUG"));
            assertThat(priced.subtotal()).isEqualTo(unit.times(2));
        }
    }

    @Test
    void customizer_regionSetOnTheBuilder_cartIdsCarryTheRegionCode() {
        try (ConfigurableApplicationContext context = start(Shop.class, HostServices.class, Residency.class)) {
            CartEngine engine = context.getBean(CartEngine.class);

            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));

            assertThat(Region.codeOf(created.cart().id())).hasValue(1);
            assertThat(created.cart().region()).isEqualTo("eu");
        }
    }

    private static ConfigurableApplicationContext start(Class<?>... sources) {
        // Kafka's test broker brings Log4j 2, which Boot would reconfigure with warnings: leave logging alone
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        SpringApplication application = new SpringApplication(sources);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.main.banner-mode", "off", "cartflow.jobs.enabled", "false"));
        return application.run();
    }

    /** The host's own catalog, which the page's catalog bean adapts. */
    static final class ProductRepository {
        Map<Sku, Product> bySku(Set<Sku> skus) {
            Map<Sku, Product> found = new HashMap<>();
            for (Sku sku : skus) {
                if (sku.equals(Sku.of("MUG"))) {
                    found.put(sku, Product.builder(sku).build());
                }
            }
            return found;
        }
    }

    /** The host's own price list, which the page's pricing bean adapts. */
    static final class PriceService {
        Money unitPrice(Sku sku) {
            return Money.parse("12.50", EUR);
        }

        Map<Sku, PriceQuote> quotes(PriceRequest request) {
            Map<Sku, PriceQuote> quotes = new HashMap<>();
            request.skus().forEach(sku -> quotes.put(sku, PriceQuote.of(sku, unitPrice(sku), Rate.parse("0.19"))));
            return quotes;
        }
    }

    /** The host's services as beans, which the application's beans take (not annotated: no scan finds it). */
    static class HostServices {
        @Bean
        ProductRepository productRepository() {
            return new ProductRepository();
        }

        @Bean
        PriceService priceService() {
            return new PriceService();
        }
    }

    /** The customizer of the page, a source of its own (not annotated: no scan finds it). */
    static class Residency {
        // tag::customizer[]
        @Bean
        CartEngineCustomizer residency() {
            return builder -> builder.region(Region.of("eu", 1));
        }
        // end::customizer[]
    }
}

// tag::application[]
@SpringBootApplication
class Shop {
    @Bean
    CatalogProvider catalog(ProductRepository products) { return skus -> products.bySku(skus); }

    @Bean
    PricingProvider prices(PriceService prices) { return prices::quotes; }
}
// end::application[]
