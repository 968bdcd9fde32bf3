package dev.cartflow.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartLimits;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.privacy.ErasureReport;
import dev.cartflow.core.privacy.RetentionPolicy;
import dev.cartflow.core.privacy.RetentionReport;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.CartEventLog;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.tck.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure, export and retention of the engine over the stores under test: a customer with carts
 * (one checked out with a limited code, one active with a guest cart merged into it), events
 * (delivered and not, where the store has an outbox), stored responses, a redemption and audit
 * entries; another customer beside it. After the erasure no stored text names the customer, the
 * report's counts match what was stored, and the other customer is untouched. A store module extends
 * this beside its repository contract.
 */
public abstract class CustomerDataContract {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final CustomerId ALICE = new CustomerId("alice-7f3e9c21");
    private static final CustomerId BOB = new CustomerId("bob-5d1a0b77");
    private static final String ALICE_EMAIL = "alice.erasure@example.test";
    private static final Actor SUPPORT = Actor.support("dpo-1", "ticket DP-42");
    private static final ObjectMapper JSON = new ObjectMapper();

    private MutableClock clock;
    private CartRepository repository;
    private RecordingAudit audit;
    private CartEngine engine;

    /** Subclasses are the store-specific tests. */
    protected CustomerDataContract() {
    }

    /**
     * A new, empty repository for one test; it must be a {@code PersonalDataStore} and a
     * {@code CartEventLog}.
     *
     * @return the repository under test
     */
    protected abstract CartRepository newRepository();

    /**
     * A new, empty promotion usage store beside it; it must be a {@code PersonalDataStore}.
     *
     * @return the usage store under test
     */
    protected abstract PromotionUsageStore newUsageStore();

    /**
     * Everything the two stores of this test hold, as text: one entry per row or key with all its
     * values, so that a test can look for a personal value anywhere.
     *
     * @return the stored text
     */
    protected abstract List<String> storedText();

    /** Marks every event written so far as delivered (an outbox dispatcher's run); nothing by default. */
    protected void deliverEvents() {
    }

    /**
     * Whether the repository keeps undelivered events apart from delivered ones (an outbox).
     *
     * @return false unless overridden
     */
    protected boolean hasOutbox() {
        return false;
    }

    @BeforeEach
    void wire() {
        clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
        repository = newRepository();
        audit = new RecordingAudit();
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (String sku : List.of("A", "B", "C")) {
            catalog.put(new Product(new Sku(sku), null, null, 10, Set.of(), 1, 1_000, 1));
            pricing.put(PriceQuote.of(new Sku(sku), Money.parse("5.00", EUR), Rate.parse("0.19")));
        }
        InMemoryPromotions promotions = new InMemoryPromotions().put(new Promotion("ONCE", "ONCE", 0,
                Promotion.Stacking.STACKABLE, Promotion.Basis.RUNNING, Promotion.Target.all(Promotion.Scope.ORDER),
                new Promotion.Action.Percent(Rate.percent("10")), Promotion.Conditions.NONE, null, 2, 1));
        engine = CartEngine.builder().repository(repository).promotionUsage(newUsageStore()).catalog(catalog)
                .pricing(pricing).promotions(promotions).clock(clock).audit(audit)
                .limits(new CartLimits(50, 10_000, null))
                .pseudonymKey("customer-data-contract-key".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    /** Alice's carts and the guest token hash of the cart merged into hers; Bob's checked-out cart. */
    private record Seeded(CartId checkedOut, CartId active, CartId merged, String guestTokenHash, CartId bobCart) {
        List<CartId> alice() {
            return List.of(checkedOut, active, merged);
        }
    }

    private Seeded seed() {
        Actor alice = Actor.customer(ALICE);
        Cart first = engine.createCustomerCart(alice, ALICE, NewCart.of("EUR", "DE"));
        engine.execute(alice, first.id(), new CartCommand.AddItem(new Sku("A"), 2), Mutation.idempotent("add-1"));
        engine.execute(alice, first.id(), new CartCommand.SetMetadata("{\"email\":\"" + ALICE_EMAIL + "\"}"),
                Mutation.none());
        engine.applyCode(alice, first.id(), "ONCE");
        engine.checkout(alice, first.id(), Mutation.none());
        deliverEvents();
        Cart second = engine.createCustomerCart(alice, ALICE, NewCart.of("EUR", "DE"));
        engine.addItem(alice, second.id(), new Sku("B"), 1);
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("C"), 3);
        engine.execute(guest.actor(), guest.cart().id(),
                new CartCommand.SetMetadata("{\"contact\":\"" + ALICE_EMAIL + "\"}"), Mutation.none());
        engine.applyCode(guest.actor(), guest.cart().id(), "ONCE");
        engine.merge(alice, new MergeRequest(guest.cart().id(), guest.token(), ALICE, MergePolicy.SUM));

        Actor bob = Actor.customer(BOB);
        Cart bobs = engine.createCustomerCart(bob, BOB, NewCart.of("EUR", "DE"));
        engine.addItem(bob, bobs.id(), new Sku("A"), 1);
        engine.applyCode(bob, bobs.id(), "ONCE");
        engine.checkout(bob, bobs.id(), Mutation.idempotent("bob-order"));
        return new Seeded(first.id(), second.id(), guest.cart().id(), sha256(guest.token()), bobs.id());
    }

    @Test
    void erase_customerWithCartsEventsRecordsRedemptionsAndAudit_noStoredTextNamesThemAndCountsMatch() throws Exception {
        Seeded seeded = seed();
        engine.dataProtection().export(Actor.customer(ALICE), ALICE);
        String aliceSubject = audit.events().get(0).subject();
        List<Cart> carts = seeded.alice().stream().map(id -> repository.find(id).orElseThrow()).toList();
        int events = seeded.alice().stream().mapToInt(id -> eventLog().eventsSince(id, 0).size()).sum();
        Cart bobBefore = repository.find(seeded.bobCart()).orElseThrow();
        JsonNode bobExportBefore = carts(JSON.readTree(engine.dataProtection().export(SUPPORT, BOB)));
        long aliceAuditEntries = audit.events().stream().filter(e -> aliceSubject.equals(e.subject())).count();
        assertThat(String.join("\n", storedText())).as("the scan sees the stored data")
                .contains(ALICE.value(), ALICE_EMAIL, seeded.guestTokenHash());

        ErasureReport report = engine.dataProtection().erase(SUPPORT, ALICE);

        assertThat(report.count("repository", "cart")).isEqualTo(3);
        assertThat(report.count("repository", "line")).isEqualTo(carts.stream().mapToInt(c -> c.lines().size()).sum());
        assertThat(report.count("repository", "code")).isEqualTo(carts.stream().mapToInt(c -> c.codes().size()).sum());
        assertThat(report.count("repository", "event") + report.count("repository", "undeliveredEvent"))
                .isEqualTo(events);
        if (hasOutbox()) {
            assertThat(report.count("repository", "event")).isPositive();
            assertThat(report.count("repository", "undeliveredEvent")).isPositive();
        }
        assertThat(report.count("repository", "idempotency")).as("add-1, the checkout, the merge").isEqualTo(3);
        assertThat(report.count("promotionUsage", "redemption")).isEqualTo(1);
        assertThat(report.count("audit", "audit")).as("the export before; an erasure's own trail is kept")
                .isEqualTo(aliceAuditEntries);
        for (String text : storedText()) {
            assertThat(text).doesNotContain(ALICE.value(), ALICE_EMAIL, seeded.guestTokenHash());
        }
        for (AuditEvent entry : audit.events()) {
            assertThat(entry.toString()).doesNotContain(ALICE.value(), ALICE_EMAIL);
        }
        for (CartId id : seeded.alice()) {
            assertThat(repository.find(id)).isEmpty();
        }
        assertThat(repository.findActiveByCustomer(ALICE)).isEmpty();
        assertThat(repository.find(seeded.bobCart())).contains(bobBefore);
        assertThat(carts(JSON.readTree(engine.dataProtection().export(SUPPORT, BOB)))).isEqualTo(bobExportBefore);
        Actor carol = Actor.customer(new CustomerId("carol"));
        Cart carols = engine.createCustomerCart(carol, new CustomerId("carol"), NewCart.of("EUR", "DE"));
        engine.addItem(carol, carols.id(), new Sku("A"), 1);
        engine.applyCode(carol, carols.id(), "ONCE");
        assertThatThrownBy(() -> engine.checkout(carol, carols.id(), Mutation.none()))
                .as("the erased redemption still counts against the promotion's two uses")
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROMOTION_EXHAUSTED));
    }

    /** The stores' records of an export, without the audit trail (which grows with every export). */
    private static JsonNode carts(JsonNode export) {
        com.fasterxml.jackson.databind.node.ObjectNode stores = export.get("stores").deepCopy();
        stores.remove("audit");
        return stores;
    }

    @Test
    void erase_twice_secondReportIsEmpty() {
        seed();
        ErasureReport first = engine.dataProtection().erase(SUPPORT, ALICE);
        List<String> after = storedText();

        ErasureReport second = engine.dataProtection().erase(Actor.service("privacy-desk"), ALICE);

        assertThat(first.isEmpty()).isFalse();
        assertThat(second.isEmpty()).isTrue();
        assertThat(storedText()).containsExactlyInAnyOrderElementsOf(after);
    }

    @Test
    void erase_unknownCustomer_emptyReportAndNothingChanges() {
        seed();
        List<String> before = storedText();

        ErasureReport report = engine.dataProtection().erase(SUPPORT, new CustomerId("nobody-here"));

        assertThat(report.isEmpty()).isTrue();
        assertThat(report.total()).isZero();
        assertThat(storedText()).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void export_customer_versionedJsonWithEveryRecordByKind() throws Exception {
        Seeded seeded = seed();
        int events = seeded.alice().stream().mapToInt(id -> eventLog().eventsSince(id, 0).size()).sum();

        JsonNode root = JSON.readTree(engine.dataProtection().export(Actor.customer(ALICE), ALICE));

        assertThat(root.get("format").asText()).isEqualTo("cartflow.customer-export");
        assertThat(root.get("version").asInt()).isEqualTo(1);
        assertThat(root.get("customerId").asText()).isEqualTo(ALICE.value());
        JsonNode repositoryRecords = root.get("stores").get("repository");
        assertThat(ids(repositoryRecords.get("cart")))
                .containsExactlyInAnyOrderElementsOf(seeded.alice().stream().map(CartId::toString).toList());
        assertThat(repositoryRecords.get("event")).hasSize(events);
        assertThat(repositoryRecords.get("idempotency")).hasSize(3);
        JsonNode redemptions = root.get("stores").get("promotionUsage").get("redemption");
        assertThat(redemptions).hasSize(1);
        assertThat(redemptions.get(0).get("data").get("cartId").asText()).isEqualTo(seeded.checkedOut().toString());
        assertThat(root.toString()).contains(ALICE_EMAIL).doesNotContain(BOB.value());
        int total = 0;
        for (JsonNode store : root.get("stores")) {
            for (JsonNode kind : store) {
                total += kind.size();
            }
        }
        assertThat(root.get("records").asInt()).isEqualTo(total);
    }

    @Test
    void applyRetention_policyPerKind_deletesOnlyWhatIsOlderThanItsRetention() {
        Actor shopper = Actor.customer(BOB);
        Cart old = engine.createCustomerCart(shopper, BOB, NewCart.of("EUR", "DE"));
        engine.execute(shopper, old.id(), new CartCommand.AddItem(new Sku("A"), 1), Mutation.idempotent("old-1"));
        engine.dataProtection().export(SUPPORT, BOB);
        deliverEvents();
        CreatedCart pending = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(pending.actor(), pending.cart().id(), new Sku("B"), 1);
        int oldEvents = eventLog().eventsSince(old.id(), 0).size();
        int pendingEvents = eventLog().eventsSince(pending.cart().id(), 0).size();
        clock.advance(Duration.ofDays(10));
        Cart fresh = engine.createCustomerCart(shopper, BOB, NewCart.of("EUR", "DE"));
        engine.execute(shopper, fresh.id(), new CartCommand.AddItem(new Sku("C"), 1), Mutation.idempotent("new-1"));
        engine.dataProtection().export(SUPPORT, BOB);
        int freshEvents = eventLog().eventsSince(fresh.id(), 0).size();
        RetentionPolicy policy = RetentionPolicy.builder().expiredCarts(Duration.ofDays(1))
                .deliveredEvents(Duration.ofDays(5)).idempotencyRecords(Duration.ofDays(2))
                .auditEntries(Duration.ofDays(5)).build();

        RetentionReport report = engine.maintenance().applyRetention(policy, 100);

        assertThat(report.deleted("cart")).as("no cart expired yet").isZero();
        assertThat(eventLog().eventsSince(old.id(), 0)).isEmpty();
        assertThat(eventLog().eventsSince(pending.cart().id(), 0))
                .as("an undelivered event is kept however old").hasSize(hasOutbox() ? pendingEvents : 0);
        assertThat(eventLog().eventsSince(fresh.id(), 0)).hasSize(freshEvents);
        assertThat(report.deleted("event")).isEqualTo(oldEvents + (hasOutbox() ? 0 : pendingEvents));
        assertThat(report.deleted("idempotency")).as("old-1 expired eight days before the cutoff").isEqualTo(1);
        // Record keys as the engine forms them for a command: cart id, kind of actor, the caller's key.
        assertThat(repository.findIdempotency(old.id() + "|Customer|old-1", Instant.parse("2026-06-01T10:00:00Z")))
                .isEmpty();
        assertThat(repository.findIdempotency(fresh.id() + "|Customer|new-1", clock.instant())).isPresent();
        assertThat(report.deleted("audit")).isEqualTo(1);
        assertThat(audit.events()).hasSize(1);
        assertThat(engine.maintenance().applyRetention(policy, 100).total()).isZero();
    }

    @Test
    void applyRetention_batchSize_deletesAtMostThatManyPerKindAndStore() {
        Actor shopper = Actor.customer(BOB);
        Cart old = engine.createCustomerCart(shopper, BOB, NewCart.of("EUR", "DE"));
        for (int i = 0; i < 4; i++) {
            engine.addItem(shopper, old.id(), new Sku("A"), 1);
        }
        deliverEvents();
        int stored = eventLog().eventsSince(old.id(), 0).size();
        clock.advance(Duration.ofDays(3));
        RetentionPolicy policy = RetentionPolicy.builder().deliveredEvents(Duration.ofDays(1)).build();

        RetentionReport first = engine.maintenance().applyRetention(policy, 2);

        assertThat(first.deleted("event")).isEqualTo(2);
        assertThat(eventLog().eventsSince(old.id(), 0)).hasSize(stored - 2);
        int rest = 0;
        for (int run = 0; run < stored; run++) {
            rest += engine.maintenance().applyRetention(policy, 2).deleted("event");
        }
        assertThat(rest).isEqualTo(stored - 2);
        assertThat(eventLog().eventsSince(old.id(), 0)).isEmpty();
    }

    private CartEventLog eventLog() {
        return (CartEventLog) repository;
    }

    private static List<String> ids(JsonNode records) {
        return StreamSupport.stream(records.spliterator(), false).map(r -> r.get("id").asText())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
