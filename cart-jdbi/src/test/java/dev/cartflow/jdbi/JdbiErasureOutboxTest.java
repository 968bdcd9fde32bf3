package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.privacy.ErasureReport;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An erased customer's events still waiting in the outbox: the dispatcher delivers every one of them,
 * in order and with nothing of their content, so a consumer tracking sequences sees no gap.
 */
class JdbiErasureOutboxTest {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(4);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void eraseCustomer_undeliveredEvents_dispatchedInOrderWithErasedData() {
        db.truncate();
        JdbiCartRepository repository = JdbiCartRepository.create(db.jdbi);
        Currency eur = Currency.getInstance("EUR");
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        catalog.put(new Product(new Sku("SKU-1"), null, null, 10, Set.of(), 1, 100, 1));
        pricing.put(PriceQuote.of(new Sku("SKU-1"), Money.parse("3.00", eur), Rate.parse("0.19")));
        CartEngine engine = CartEngine.builder().repository(repository)
                .promotionUsage(JdbiPromotionUsageStore.create(db.jdbi)).catalog(catalog).pricing(pricing).build();
        CustomerId customer = new CustomerId("outbox-customer");
        Cart cart = engine.createCustomerCart(Actor.customer(customer), customer, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(customer), cart.id(), new Sku("SKU-1"), 2);
        engine.addItem(Actor.customer(customer), cart.id(), new Sku("SKU-1"), 1);
        List<CartEvent> delivered = new CopyOnWriteArrayList<>();

        ErasureReport report = engine.dataProtection().erase(Actor.service("privacy"), customer);
        try (OutboxDispatcher dispatcher = OutboxDispatcher.builder(db.jdbi, delivered::addAll).build()) {
            while (dispatcher.dispatchOnce() > 0) {
                // until the outbox is drained
            }
        }

        assertThat(report.count("repository", "undeliveredEvent")).isEqualTo(3);
        assertThat(delivered).extracting(CartEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(delivered).extracting(CartEvent::type).containsExactly(CartEvent.Type.CREATED,
                CartEvent.Type.LINE_ADDED, CartEvent.Type.QUANTITY_CHANGED);
        assertThat(delivered).allSatisfy(e -> {
            assertThat(e.cartId()).isEqualTo(cart.id());
            assertThat(e.data()).isEqualTo(Map.of("erased", "true"));
        });
        assertThat(db.count("SELECT count(*) FROM outbox WHERE data::text LIKE '%SKU-1%'")).isZero();
    }
}
