package dev.cartflow.jdbi;

import static dev.cartflow.jdbi.TestCarts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Sku;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostileInputTest {
    private static final String INJECTION = "'; DROP TABLE carts; --";
    private static PostgresFixture db;
    private JdbiCartRepository repository;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(2);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.truncate();
        repository = JdbiCartRepository.create(db.jdbi);
    }

    @Test
    void save_hostileStringsEverywhere_storedVerbatim() {
        String longSku = "\u00e9".repeat(Sku.MAX_LENGTH);
        String customer = INJECTION + "\"\\ \ud83d\uded2";
        Cart cart = TestCarts.customerCart(CartId.random(), customer, T0).toBuilder()
                .customerGroup("grp' OR '1'='1")
                .shippingMethod("$$; SELECT pg_sleep(10); $$")
                .lines(List.of(
                    new LineItem(new LineId(INJECTION), Sku.of(INJECTION), 1, "wh\"\\'", null, T0),
                    new LineItem(new LineId("l2"), Sku.of(longSku), 2, "\u4e2d\u6587", null, T0),
                    new LineItem(new LineId("l3"), Sku.of("{\"json\": [1, 2]}"), 3, "default", null, T0)))
                .codes(List.of(INJECTION, "\u2028\u2029", "x".repeat(64), "NUL-free \\0"))
                .metadata("not JSON at all: " + INJECTION + " \\u0000")
                .build();
        CartEvent event = new CartEvent(cart.id(), 1, 0, CartEvent.Type.CREATED, T0,
                Map.of(INJECTION, "\"quoted\" \\ \u4e2d", "k", "x".repeat(5000)));
        IdempotencyRecord record = new IdempotencyRecord(INJECTION, INJECTION, "{\"r\": \"" + INJECTION + "\"}",
                T0.plusSeconds(60));

        repository.save(new CartWrite(cart, 0, List.of(event), record));

        assertThat(repository.find(cart.id())).contains(cart);
        assertThat(repository.findActiveByCustomer(new CustomerId(customer))).contains(cart);
        assertThat(repository.eventsSince(cart.id(), 0)).containsExactly(event);
        assertThat(repository.findIdempotency(INJECTION, T0)).contains(record);
        assertThat(db.count("SELECT count(*) FROM carts")).isEqualTo(1);
    }

    @Test
    void save_jsonMetadata_keptVerbatimAndQueryableAsJsonb() {
        String metadata = "{ \"z\" : 1,\n \"a\": {\"quote\": \"it's \\\"here\\\"\"} }";
        Cart cart = TestCarts.guestCart(CartId.random()).toBuilder().metadata(metadata).build();

        repository.save(new CartWrite(cart, 0, List.of(), null));

        assertThat(repository.find(cart.id()).orElseThrow().metadata()).isEqualTo(metadata);
        assertThat(db.count("SELECT count(*) FROM carts WHERE metadata -> 'a' ->> 'quote' = 'it''s \"here\"'"))
                .isEqualTo(1);
    }

    @Test
    void save_nulCharacterInCode_failsAsInvalidInputAndWritesNothing() {
        Cart cart = TestCarts.guestCart(CartId.random()).toBuilder().codes(List.of("bad\u0000code")).build();

        assertThatThrownBy(() -> repository.save(new CartWrite(cart, 0, List.of(), null)))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThat(repository.find(cart.id())).isEmpty();
    }
}
