package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CheckoutResult;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.jdbi.JdbiStockReservations;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.StockKey;
import dev.cartflow.spi.StockReservations;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class StockReservationsAutoConfigurationTest {
    private static final Sku LAMP = Sku.of("LAMP");
    private static final StockKey LAMP_MAIN = new StockKey(LAMP, LineItem.DEFAULT_WAREHOUSE);
    private static final long LAMPS = 5;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowJdbiAutoConfiguration.class,
                    CartFlowEngineAutoConfiguration.class, CartFlowJobsAutoConfiguration.class))
            .withPropertyValues("cartflow.outbox.enabled=false", "cartflow.jobs.lock-key=" + System.nanoTime());

    @Test
    void stockReservations_cartJdbiAndStockLevels_checkoutReservesInPostgresAndTheJobSweeps() {
        runner.withUserConfiguration(JdbiAutoConfigurationTest.Database.class, Shop.class)
                .withPropertyValues("cartflow.jdbi.stock-reservations.hold=1ms").run(context -> {
                    assertThat(context).hasSingleBean(JdbiStockReservations.class).hasSingleBean(ReservationSweep.class);
                    JdbiStockReservations reservations = context.getBean(JdbiStockReservations.class);
                    CartEngine engine = context.getBean(CartEngine.class);
                    CustomerId customer = new CustomerId("c-" + UUID.randomUUID());
                    Cart cart = engine.createCustomerCart(Actor.customer(customer), customer, NewCart.of("EUR", "DE"));
                    engine.addItem(Actor.customer(customer), cart.id(), LAMP, 2);

                    CheckoutResult result = engine.checkout(Actor.customer(customer), cart.id(), Mutation.none());
                    reservations.reserve("checkout-" + UUID.randomUUID() + "-1", Map.of(LAMP_MAIN, 1));

                    assertThat(result.reservationId()).startsWith("checkout-" + cart.id());
                    assertThat(reservations.unreserved(Set.of(LAMP_MAIN))).isEqualTo(Map.of(LAMP_MAIN, LAMPS - 3));
                    Thread.sleep(20); // past the 1 ms hold of both
                    assertThat(context.getBean(CartFlowJobs.class).runNow("reservations")).isOne();
                    assertThat(reservations.unreserved(Set.of(LAMP_MAIN))).isEqualTo(Map.of(LAMP_MAIN, LAMPS - 2));
                });
    }

    @Test
    void stockReservations_switchedOff_noBeanAndNoJob() {
        runner.withUserConfiguration(JdbiAutoConfigurationTest.Database.class, Shop.class)
                .withPropertyValues("cartflow.jdbi.stock-reservations.enabled=false").run(context -> {
                    assertThat(context).doesNotHaveBean(JdbiStockReservations.class)
                            .doesNotHaveBean(ReservationSweep.class);
                    assertThatThrownBy(() -> context.getBean(CartFlowJobs.class).runNow("reservations"))
                            .isInstanceOf(IllegalArgumentException.class);
                });
    }

    @Test
    void stockReservations_hostDefinesItsOwn_hostsKept() {
        runner.withUserConfiguration(JdbiAutoConfigurationTest.Database.class, Shop.class, OwnReservations.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(JdbiStockReservations.class);
                    assertThat(context.getBean(StockReservations.class)).isInstanceOf(InMemoryInventory.class);
                });
    }

    @Test
    void stockReservations_noStockLevels_noBean() {
        runner.withUserConfiguration(JdbiAutoConfigurationTest.Database.class)
                .run(context -> assertThat(context).doesNotHaveBean(JdbiStockReservations.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Shop {
        private static final Currency EUR = Currency.getInstance("EUR");

        @Bean
        InMemoryCatalog catalog() {
            return new InMemoryCatalog().put(new Product(LAMP, "home", null, 900, Set.of(), 1, 100, 1));
        }

        @Bean
        InMemoryPricing pricing() {
            return new InMemoryPricing().put(PriceQuote.of(LAMP, Money.ofMinor(4_900, EUR), Rate.parse("0.19")));
        }

        /** Stock levels only, as a stock feed gives them. */
        @Bean
        InventoryProvider stockLevels() {
            return keys -> {
                Map<StockKey, Long> answer = new HashMap<>();
                if (keys.contains(LAMP_MAIN)) {
                    answer.put(LAMP_MAIN, LAMPS);
                }
                return answer;
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnReservations {
        @Bean
        InMemoryInventory ownReservations() {
            return new InMemoryInventory();
        }
    }
}
