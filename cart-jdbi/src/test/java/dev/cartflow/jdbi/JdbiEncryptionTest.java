package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.hostile.HostileEngineRun;
import dev.cartflow.core.residency.Region;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.KeyProvider;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Encryption at rest on PostgreSQL: the rows hold no plaintext of the encrypted fields; rotation. */
class JdbiEncryptionTest {
    private static final String EMAIL = "grace.hopper@example.com";
    private static final String PHONE = "+1 202 555 0147";
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(4);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.truncate();
    }

    private static KeyProvider keys(String... ids) {
        InMemoryKeyProvider.Builder b = InMemoryKeyProvider.builder();
        for (String id : ids) {
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) id.hashCode());
            b.key(id, key);
        }
        return b.build();
    }

    private static CartEngine engine(KeyProvider keys) {
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.put(Product.builder(Sku.of("A")).build());
        InMemoryPricing pricing = new InMemoryPricing();
        pricing.put(PriceQuote.of(Sku.of("A"), Money.parse("9.99", Currency.getInstance("EUR")), Rate.parse("0.19")));
        return CartEngine.builder().catalog(catalog).pricing(pricing)
                .repository(EncryptingCartRepository.wrap(JdbiCartRepository.create(db.jdbi),
                        EncryptionSettings.builder().keys(keys).metadataFields("email", "phone").build()))
                .build();
    }

    private static String everyStoredText() {
        return db.jdbi.withHandle(h -> String.join("\n", h.createQuery("""
                SELECT coalesce(metadata_text, '') || ' ' || coalesce(metadata::text, '') FROM carts
                UNION ALL SELECT response FROM idempotency_keys
                UNION ALL SELECT data::text FROM outbox""").mapTo(String.class).list()));
    }

    private static Cart setContact(CartEngine engine, CreatedCart cart, Mutation mutation) {
        return engine.execute(cart.actor(), cart.cart().id(), new CartCommand.SetMetadata(
                "{\"email\":\"" + EMAIL + "\",\"phone\":\"" + PHONE + "\",\"gift\":true}"), mutation);
    }

    @Test
    void setMetadata_encryptedFields_rawRowsAndStoredResponsesHoldNoPlaintext() {
        CartEngine engine = engine(keys("k1"));
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        Cart changed = setContact(engine, cart, Mutation.idempotent("contact-1"));

        String stored = everyStoredText();
        assertThat(stored).doesNotContain(EMAIL).doesNotContain(PHONE).contains("cfenc:1:k1:").contains("\"gift\"");
        assertThat(db.count("SELECT count(*) FROM idempotency_keys WHERE response LIKE 'cfenc:1:k1:%'")).isEqualTo(1);
        assertThat(engine.get(cart.actor(), cart.cart().id())).isEqualTo(changed);
        assertThat(changed.metadata()).contains(EMAIL).contains(PHONE);
    }

    @Test
    void rotateKeys_onPostgres_everyRowUnderTheCurrentKeyAndStillReadable() {
        CartEngine old = engine(keys("k1"));
        List<CreatedCart> carts = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CreatedCart cart = old.createGuestCart(NewCart.of("EUR", "DE"));
            setContact(old, cart, Mutation.none());
            carts.add(cart);
        }
        CartEngine rotating = engine(keys("k1", "k2"));

        assertThat(rotating.maintenance().rotateKeys(2)).isEqualTo(5);

        assertThat(db.count("SELECT count(*) FROM carts WHERE metadata_text LIKE '%cfenc:1:k1:%'")).isZero();
        assertThat(db.count("SELECT count(*) FROM carts WHERE metadata_text LIKE '%cfenc:1:k2:%'")).isEqualTo(5);
        assertThat(db.count("SELECT count(*) FROM carts WHERE version = 3")).isEqualTo(5);
        CartEngine onlyNew = engine(keys("k2"));
        for (CreatedCart cart : carts) {
            assertThat(onlyNew.get(cart.actor(), cart.cart().id()).metadata()).contains(EMAIL);
        }
        assertThat(everyStoredText()).doesNotContain(EMAIL);
    }

    @Test
    void hostileEngineRun_overEncryptionAndARegionOnPostgres_onlyCartExceptionsAndRejectedCallsChangeNoRow() {
        EncryptionSettings settings = EncryptionSettings.builder().keys(keys("k1")).metadataFields("email", "note").build();
        CartRepository store = EncryptingCartRepository.wrap(JdbiCartRepository.create(db.jdbi), settings);
        CartRepository reader = EncryptingCartRepository.wrap(JdbiCartRepository.create(db.jdbi), settings);

        String summary = HostileEngineRun.run(CartEngine.builder().repository(store).region(Region.of("eu", 1)),
                reader::find, () -> db.jdbi.withHandle(h -> h.createQuery(
                        "SELECT count(*) || ':' || coalesce(md5(string_agg(c::text, '|' ORDER BY c::text)), '') FROM carts c")
                        .mapTo(String.class).one()), 400);

        assertThat(summary).contains("calls=400");
    }
}
