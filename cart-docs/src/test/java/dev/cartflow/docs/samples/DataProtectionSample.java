package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartEngineBuilder;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.crypto.EncryptingCartRepository;
import dev.cartflow.core.crypto.EncryptionSettings;
import dev.cartflow.core.crypto.InMemoryKeyProvider;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.privacy.ErasureReport;
import dev.cartflow.core.privacy.RetentionPolicy;
import dev.cartflow.core.privacy.RetentionReport;
import dev.cartflow.core.residency.Region;
import dev.cartflow.core.residency.RegionRoutingRepository;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.jdbi.CartFlowSchema;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.KeyProvider;
import dev.cartflow.tck.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The samples of docs/data-protection.md: erasure and export, retention, encryption at rest, residency. */
class DataProtectionSample {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Sku MUG = Sku.of("MUG");

    private final InMemoryCatalog catalog = new InMemoryCatalog().put(Product.builder(MUG).build());
    private final InMemoryPricing pricing =
            new InMemoryPricing().put(PriceQuote.of(MUG, Money.parse("12.50", EUR), Rate.parse("0.19")));

    private CartEngineBuilder shop(CartRepository repository) {
        return CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing);
    }

    @Test
    void exportThenErase_customerWithOneCart_exportNamesTheCartAndErasureDeletesIt() {
        InMemoryCartRepository carts = new InMemoryCartRepository();
        CartEngine engine = shop(carts).build();
        CustomerId customerId = new CustomerId("customer-4711");
        Cart cart = engine.createCustomerCart(Actor.customer(customerId), customerId, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(customerId), cart.id(), MUG, 1);

        // tag::erase-export[]
        String json = engine.dataProtection().export(Actor.customer(customerId), customerId);
        ErasureReport report = engine.dataProtection().erase(Actor.support("dpo-7", "ticket DP-42"), customerId);
        // end::erase-export[]

        assertThat(json).contains(cart.id().toString());
        assertThat(report.count("repository", "cart")).isEqualTo(1);
        assertThat(carts.find(cart.id())).isEmpty();
    }

    @Test
    void applyRetention_guestCartExpiredLongerThanTheRetention_deletesIt() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
        InMemoryCartRepository carts = new InMemoryCartRepository();
        Duration guestTtl = Duration.ofDays(30);
        CartEngine engine = shop(carts).clock(clock).guestTtl(guestTtl).build();
        Cart expired = engine.createGuestCart(NewCart.of("EUR", "DE")).cart();
        clock.advance(guestTtl.plus(Duration.ofDays(8)));
        Cart recent = engine.createGuestCart(NewCart.of("EUR", "DE")).cart();

        // tag::retention[]
        RetentionPolicy policy = RetentionPolicy.builder()
                .expiredCarts(Duration.ofDays(7))         // after the cart's expiry: purgeExpired
                .deliveredEvents(Duration.ofDays(30))     // after the event happened, once delivered
                .idempotencyRecords(Duration.ZERO)        // after the record's expiry
                .auditEntries(Duration.ofDays(400))       // after the entry was recorded
                .build();
        RetentionReport deleted = engine.maintenance().applyRetention(policy, 500);
        // end::retention[]

        assertThat(deleted.deleted(RetentionPolicy.CARTS)).isEqualTo(1);
        assertThat(carts.find(expired.id())).isEmpty();
        assertThat(carts.find(recent.id())).isPresent();
    }

    @Test
    void encryptingRepository_metadataFieldEmail_storedSealedReadInClear() {
        InMemoryCartRepository cachingOrJdbiRepository = new InMemoryCartRepository();

        // tag::encryption[]
        KeyProvider keys = InMemoryKeyProvider.builder()          // or the host's KMS-backed provider
                .key("2026-01", keyFromSecretStore("2026-01"))    // AES key, 16, 24 or 32 bytes
                .build();                                         // the last key added is current
        CartRepository repository = EncryptingCartRepository.wrap(
                cachingOrJdbiRepository,                          // resilience decorators go inside it
                EncryptionSettings.builder().keys(keys).metadataFields("email", "phone").build());
        CartEngine engine = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).build();
        // end::encryption[]

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        String email = "ada@example.org";
        engine.execute(guest, created.cart().id(), new CartCommand.SetMetadata("{\"email\":\"" + email + "\"}"),
                Mutation.none());

        assertThat(engine.get(guest, created.cart().id()).metadata()).contains(email);
        String stored = cachingOrJdbiRepository.find(created.cart().id()).orElseThrow().metadata();
        assertThat(stored).doesNotContain(email).contains("cfenc:1:2026-01:");
    }

    @Test
    void regionRouting_cartOfTheEuEngine_idCarriesTheEuCodeAndOnlyTheEuStoreHoldsIt() {
        Jdbi euJdbi = Jdbi.create(SampleServers.sharedMigratedSchema());
        Jdbi usJdbi = migrated(SampleServers.newPostgresSchema());

        // tag::regions[]
        Region eu = Region.of("eu", 1);
        Region us = Region.of("us", 2);
        RegionRoutingRepository routing = RegionRoutingRepository.builder()
                .region(eu, JdbiCartRepository.create(euJdbi))    // each region its own database
                .region(us, JdbiCartRepository.create(usJdbi))
                .defaultRegion("eu")                              // where carts from before regions are (optional)
                .build();
        CartEngine euEngine = CartEngine.builder().repository(routing).region(eu).catalog(catalog).pricing(pricing).build();
        // end::regions[]

        Cart cart = euEngine.createGuestCart(NewCart.of("EUR", "DE")).cart();
        assertThat(Region.codeOf(cart.id())).hasValue(eu.code());
        assertThat(JdbiCartRepository.create(euJdbi).find(cart.id())).isPresent();
        assertThat(JdbiCartRepository.create(usJdbi).find(cart.id())).isEmpty();
        assertThat(routing.find(cart.id())).isPresent();
    }

    @Test
    void erase_byTheCustomerItself_accessDenied() {
        CartEngine engine = shop(new InMemoryCartRepository()).build();
        CustomerId customerId = new CustomerId("customer-4712");

        assertThatThrownBy(() -> engine.dataProtection().erase(Actor.customer(customerId), customerId))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.ACCESS_DENIED));
    }

    private static Jdbi migrated(DataSource dataSource) {
        CartFlowSchema.of(dataSource).migrate();
        return Jdbi.create(dataSource);
    }

    /** Stands in for the host's secret store: a 256-bit key derived from the key id. */
    private static byte[] keyFromSecretStore(String keyId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("sample key " + keyId).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
