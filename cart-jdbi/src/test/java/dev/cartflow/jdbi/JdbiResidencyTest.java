package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.residency.Region;
import dev.cartflow.core.residency.RegionRoutingRepository;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartFixtures;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Data residency on PostgreSQL: two schemas of the fixture's server as the storages of two regions. */
class JdbiResidencyTest {
    private static final Region EU = Region.of("eu", 1);
    private static final Region US = Region.of("us", 2);
    private static PostgresFixture euDb;
    private static PostgresFixture usDb;
    private RegionRoutingRepository routing;
    private CartEngine euEngine;
    private CartEngine usEngine;

    @BeforeAll
    static void start() {
        euDb = PostgresFixture.create(3);
        usDb = PostgresFixture.create(3);
    }

    @AfterAll
    static void stop() {
        euDb.close();
        usDb.close();
    }

    @BeforeEach
    void wire() {
        euDb.truncate();
        usDb.truncate();
        routing = RegionRoutingRepository.builder()
                .region(EU, JdbiCartRepository.create(euDb.jdbi))
                .region(US, JdbiCartRepository.create(usDb.jdbi))
                .defaultRegion("eu")
                .build();
        euEngine = engine(EU);
        usEngine = engine(US);
    }

    private CartEngine engine(Region region) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.put(Product.builder(Sku.of("A")).build());
        InMemoryPricing pricing = new InMemoryPricing();
        pricing.put(PriceQuote.of(Sku.of("A"), Money.parse("9.99", Currency.getInstance("EUR")), Rate.parse("0.19")));
        return CartEngine.builder().catalog(catalog).pricing(pricing).repository(routing).region(region).build();
    }

    @Test
    void createAndChange_eachEngine_rowsOnlyInItsRegionsSchemaWithTheRegionColumn() {
        CreatedCart inEu = euEngine.createGuestCart(NewCart.of("EUR", "DE"));
        CreatedCart inUs = usEngine.createGuestCart(NewCart.of("EUR", "DE"));
        euEngine.addItem(inEu.actor(), inEu.cart().id(), Sku.of("A"), 2);
        usEngine.addItem(inUs.actor(), inUs.cart().id(), Sku.of("A"), 1);

        assertThat(euDb.count("SELECT count(*) FROM carts WHERE region = 'eu' AND id = '" + inEu.cart().id() + "'"))
                .isEqualTo(1);
        assertThat(usDb.count("SELECT count(*) FROM carts WHERE region = 'us' AND id = '" + inUs.cart().id() + "'"))
                .isEqualTo(1);
        assertThat(euDb.count("SELECT count(*) FROM carts")).isEqualTo(1);
        assertThat(usDb.count("SELECT count(*) FROM carts")).isEqualTo(1);
        assertThat(usDb.count("SELECT count(*) FROM outbox WHERE cart_id = '" + inEu.cart().id() + "'")).isZero();
        assertThat(routing.find(inUs.cart().id()).orElseThrow().region()).isEqualTo("us");
    }

    @Test
    void get_cartOfTheOtherRegion_failsAccessDeniedAndLeavesItsRowAlone() {
        CreatedCart inUs = usEngine.createGuestCart(NewCart.of("EUR", "DE"));
        usEngine.addItem(inUs.actor(), inUs.cart().id(), Sku.of("A"), 1);

        assertThatThrownBy(() -> euEngine.addItem(Actor.service("ops"), inUs.cart().id(), Sku.of("A"), 1))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
                    assertThat(e.getMessage()).contains("region us").contains("region eu");
                });
        assertThat(usDb.count("SELECT version FROM carts WHERE id = '" + inUs.cart().id() + "'")).isEqualTo(2);
        assertThat(euDb.count("SELECT count(*) FROM carts")).isZero();
    }

    @Test
    void createCustomerCart_anotherRegionsSpec_failsAccessDeniedWithNoRowAnywhere() {
        CustomerId alice = new CustomerId("alice");

        assertThatThrownBy(() -> euEngine.createCustomerCart(Actor.customer(alice), alice,
                NewCart.of("EUR", "DE").withRegion("us")))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
        assertThat(euDb.count("SELECT count(*) FROM carts") + usDb.count("SELECT count(*) FROM carts")).isZero();
    }

    @Test
    void find_rowWrittenBeforeRegions_readsWithoutRegionFromTheDefaultRegion() {
        Cart old = CartFixtures.guestCart();
        JdbiCartRepository.create(euDb.jdbi).save(CartWrite.of(old, 0, List.of()));

        assertThat(routing.find(old.id())).contains(old);
        assertThat(euDb.count("SELECT count(*) FROM carts WHERE region IS NULL")).isEqualTo(1);
    }
}
