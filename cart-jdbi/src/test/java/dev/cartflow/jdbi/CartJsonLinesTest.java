package dev.cartflow.jdbi;

import static dev.cartflow.jdbi.TestCarts.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.CartWrite;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CartJsonLinesTest {
    private static PostgresFixture source;
    private static PostgresFixture target;

    @BeforeAll
    static void start() {
        source = PostgresFixture.create(2);
        target = PostgresFixture.create(2);
    }

    @AfterAll
    static void stop() {
        source.close();
        target.close();
    }

    private static List<Cart> seed(JdbiCartRepository repository, int count) {
        List<Cart> carts = new ArrayList<>();
        List<CartWrite> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Cart cart = TestCarts.customerCart(CartId.random(), "c-" + i, T0.plusSeconds(i));
            if (i % 3 == 0) {
                Cart lined = TestCarts.addLine(TestCarts.addLine(cart, "sku-'\"" + i, 2).cart(), "\u00fc-" + i, 1).cart();
                cart = lined.toBuilder().codes(List.of("CODE-" + lined.lines().size())).metadata("{\"note\": \"line\\nbreak \\\"q\\\"\"}").build();
            }
            carts.add(cart);
            writes.add(new CartWrite(cart, 0, List.of(), null));
        }
        repository.saveAll(writes);
        carts.sort(Comparator.comparing(c -> c.id().value()));
        return carts;
    }

    @Test
    void importFrom_exportedFileTwice_copiesEveryCartOnceThenSkipsAll() {
        source.truncate();
        target.truncate();
        JdbiCartRepository from = JdbiCartRepository.create(source.jdbi);
        JdbiCartRepository to = JdbiCartRepository.create(target.jdbi);
        List<Cart> carts = seed(from, 1200);
        StringWriter file = new StringWriter();

        long exported = CartJsonLines.of(from, 500).exportTo(file);
        CartJsonLines.ImportResult first = CartJsonLines.of(to, 500).importFrom(new StringReader(file.toString()));
        CartJsonLines.ImportResult second = CartJsonLines.of(to, 500).importFrom(new StringReader(file.toString()));

        assertThat(exported).isEqualTo(1200);
        assertThat(file.toString().lines()).hasSize(1200);
        assertThat(first).isEqualTo(new CartJsonLines.ImportResult(1200, 0));
        assertThat(second).isEqualTo(new CartJsonLines.ImportResult(0, 1200));
        assertThat(target.count("SELECT count(*) FROM carts")).isEqualTo(1200);
        for (Cart cart : carts) {
            assertThat(to.find(cart.id())).contains(cart);
        }
    }

    @Test
    void importFrom_newerAndOlderVersions_replacesOnlyWhenHigher() {
        target.truncate();
        JdbiCartRepository to = JdbiCartRepository.create(target.jdbi);
        Cart v1 = TestCarts.guestCart(CartId.random());
        Cart v2 = TestCarts.addLine(v1, "a", 1).cart();
        Cart v3 = TestCarts.addLine(v2, "b", 1).cart();
        to.save(new CartWrite(v2, 0, List.of(), null));
        String file = CartJsonLines.toJson(v1) + "\n\n" + CartJsonLines.toJson(v2) + "\n";

        CartJsonLines.ImportResult older = CartJsonLines.of(to).importFrom(new StringReader(file));
        CartJsonLines.ImportResult newer = CartJsonLines.of(to).importFrom(new StringReader(CartJsonLines.toJson(v3)));

        assertThat(older).isEqualTo(new CartJsonLines.ImportResult(0, 2));
        assertThat(newer).isEqualTo(new CartJsonLines.ImportResult(1, 0));
        assertThat(to.find(v1.id())).contains(v3);
    }

    @Test
    void importFrom_malformedLine_failsNamingTheLineAfterEarlierBatches() {
        target.truncate();
        JdbiCartRepository to = JdbiCartRepository.create(target.jdbi);
        Cart a = TestCarts.guestCart(CartId.random());
        Cart b = TestCarts.guestCart(CartId.random());
        String file = CartJsonLines.toJson(a) + "\n" + CartJsonLines.toJson(b) + "\n{\"id\": \"nope\"}\n";

        assertThatThrownBy(() -> CartJsonLines.of(to, 2).importFrom(new StringReader(file)))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT);
                    assertThat(e.getMessage()).contains("line 3");
                });
        assertThat(to.find(a.id())).contains(a);
        assertThat(to.find(b.id())).contains(b);
    }

    @Test
    void importFrom_linesOfEarlierReleaseAndCompactLines_readsBoth() {
        target.truncate();
        JdbiCartRepository to = JdbiCartRepository.create(target.jdbi);
        Cart earlier = TestCarts.addLine(TestCarts.guestCart(CartId.random()), "a", 2).cart();
        Cart compact = TestCarts.customerCart(CartId.random(), "c-7", T0);
        String unversioned = "{\"id\":\"" + earlier.id() + "\",\"owner\":{\"guestTokenHash\":\"" + "ab".repeat(32)
                + "\"},\"customerGroup\":null,\"currency\":\"EUR\",\"country\":\"DE\",\"state\":\"ACTIVE\","
                + "\"version\":2,\"lines\":[{\"id\":\"" + earlier.lines().get(0).id().value() + "\",\"sku\":\"a\","
                + "\"quantity\":2,\"warehouse\":\"" + earlier.lines().get(0).warehouse() + "\","
                + "\"addedUnitPrice\":{\"minor\":1999,\"currency\":\"EUR\"},"
                + "\"addedAt\":\"" + earlier.lines().get(0).addedAt() + "\"}],\"codes\":[],\"shippingMethod\":null,"
                + "\"metadata\":\"{}\",\"createdAt\":\"" + earlier.createdAt() + "\",\"updatedAt\":\""
                + earlier.updatedAt() + "\",\"expiresAt\":\"" + earlier.expiresAt() + "\",\"abandonedAt\":null}";
        String file = unversioned + "\n" + dev.cartflow.core.codec.CartCodec.write(compact,
                dev.cartflow.core.codec.CartCodec.Keys.COMPACT) + "\n";

        CartJsonLines.ImportResult result = CartJsonLines.of(to).importFrom(new StringReader(file));

        assertThat(result).isEqualTo(new CartJsonLines.ImportResult(2, 0));
        assertThat(to.find(earlier.id())).contains(earlier);
        assertThat(to.find(compact.id())).contains(compact);
    }

    @Test
    void exportTo_anyCart_linesCarryTheFormatVersion() {
        Cart cart = TestCarts.guestCart(CartId.random());

        assertThat(CartJsonLines.toJson(cart)).startsWith("{\"formatVersion\":1,\"id\":");
    }
}
