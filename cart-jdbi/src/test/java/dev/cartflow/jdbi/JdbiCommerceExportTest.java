package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartCommerceFieldsContract;
import dev.cartflow.tck.CommerceCarts;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's content through the other ways into PostgreSQL: JSON lines export and import, and the
 * contract through {@link EncryptingCartRepository} (the address sealed in the rows).
 */
class JdbiCommerceExportTest {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(2);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void exportThenImport_cartsWithEveryNewField_readBackEqual() {
        db.truncate();
        JdbiCartRepository repository = JdbiCartRepository.create(db.jdbi);
        CommerceCarts carts = new CommerceCarts(21);
        List<Cart> saved = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Cart cart = i % 2 == 0 ? carts.next()
                    : carts.full(new CartOwner.Customer(new CustomerId("c-" + i)), CartKind.values()[i % 3]);
            repository.save(CartWrite.of(cart, 0, List.of()));
            saved.add(cart);
        }
        StringWriter out = new StringWriter();
        CartJsonLines.of(repository).exportTo(out);
        db.truncate();

        CartJsonLines.ImportResult result = CartJsonLines.of(repository).importFrom(new StringReader(out.toString()));

        assertThat(result.written()).isEqualTo(saved.size());
        for (Cart cart : saved) {
            assertThat(repository.find(cart.id())).contains(cart);
        }
    }

    @Nested
    class Encrypting extends CartCommerceFieldsContract {
        @Override
        protected CartRepository newRepository() {
            db.truncate();
            return EncryptingCartRepository.wrap(JdbiCartRepository.create(db.jdbi), EncryptionSettings.builder()
                    .keys(InMemoryKeyProvider.builder().key("k1", new byte[32]).build()).build());
        }

        @Test
        void save_address_rowsHoldNoStreetLineCityOrPostalCode() {
            CartRepository repository = newRepository();
            Cart cart = new CommerceCarts(seed()).full(new CartOwner.Customer(new CustomerId("c-enc")),
                    CartKind.SHOPPING);
            repository.save(CartWrite.of(cart, 0, List.of()));

            List<Boolean> rows = db.jdbi.withHandle(h -> h.createQuery(
                    "SELECT address_postal_code IS NULL AND address_city IS NULL AND address_lines = '{}' FROM carts")
                    .mapTo(Boolean.class).list());
            assertThat(rows).containsExactly(true);
            assertThat(repository.find(cart.id())).contains(cart);
        }
    }
}
