package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.core.privacy.ErasureReport;
import dev.cartflow.core.privacy.RetentionPolicy;
import dev.cartflow.core.privacy.RetentionReport;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.spi.RetentionStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may erase and export, what the audit trail records, and how the engine treats its stores. */
class CustomerDataTest {
    private static final CustomerId ALICE = new CustomerId("alice-in-core");
    private final TestWorld world = new TestWorld();
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private final CartEngine engine = world.builder().audit(audit::add)
            .pseudonymKey("core-data-protection".getBytes(StandardCharsets.UTF_8)).build();

    private Cart aliceCart() {
        Cart cart = engine.createCustomerCart(Actor.customer(ALICE), ALICE, NewCart.of("EUR", "DE"));
        engine.addItem(Actor.customer(ALICE), cart.id(), new Sku("C"), 2);
        return cart;
    }

    @Test
    void erase_fullSupportOrGrantedService_allowed() {
        Cart cart = aliceCart();

        ErasureReport report = engine.dataProtection().erase(Actor.support("s-1", "DP-1"), ALICE);

        assertThat(report.count("repository", "cart")).isEqualTo(1);
        assertThat(report.count("repository", "line")).isEqualTo(1);
        assertThat(world.repository.find(cart.id())).isEmpty();
        aliceCart();
        assertThat(engine.dataProtection().erase(Actor.service("desk", Set.of(CartOperation.ERASE_CUSTOMER)), ALICE)
                .count("repository", "cart")).isEqualTo(1);
    }

    @Test
    void erase_anyoneElse_accessDeniedAndNothingErased() {
        Cart cart = aliceCart();
        List<Actor> refused = List.of(Actor.supportReadOnly("s-2", "DP-2"), Actor.customer(ALICE),
                Actor.customer(new CustomerId("mallory")), Actor.guest("some-token"),
                Actor.service("reports", EnumSet.complementOf(EnumSet.of(CartOperation.ERASE_CUSTOMER))));

        for (Actor actor : refused) {
            assertCode(() -> engine.dataProtection().erase(actor, ALICE), CartErrorCode.ACCESS_DENIED);
        }

        assertThat(world.repository.find(cart.id())).isPresent();
        assertThat(audit).hasSize(refused.size()).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
            assertThat(e.operation()).isEqualTo(CartOperation.ERASE_CUSTOMER);
            assertThat(e.toString()).doesNotContain(ALICE.value(), "mallory", "some-token");
        });
    }

    @Test
    void export_customerItselfReadOnlySupportGrantedService_allowedOthersDenied() throws Exception {
        aliceCart();
        for (Actor actor : List.of(Actor.customer(ALICE), Actor.supportReadOnly("s-3", "DP-3"),
                Actor.service("desk", Set.of(CartOperation.EXPORT_CUSTOMER)))) {
            JsonNode root = new ObjectMapper().readTree(engine.dataProtection().export(actor, ALICE));
            assertThat(root.get("stores").get("repository").get("cart")).hasSize(1);
        }
        for (Actor actor : List.of(Actor.customer(new CustomerId("mallory")), Actor.guest("t"),
                Actor.service("desk", Set.of(CartOperation.ERASE_CUSTOMER)))) {
            assertCode(() -> engine.dataProtection().export(actor, ALICE), CartErrorCode.ACCESS_DENIED);
        }
    }

    @Test
    void erase_audited_requestAndOutcomeUnderPseudonymWithReason() {
        aliceCart();

        ErasureReport report = engine.dataProtection().erase(Actor.support("s-4", "ticket DP-4"), ALICE);

        assertThat(audit).extracting(AuditEvent::detail).containsExactly("requested", "touched=" + report.total());
        assertThat(audit).allSatisfy(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.ALLOWED);
            assertThat(e.actorKind()).isEqualTo("SUPPORT");
            assertThat(e.actorId()).isEqualTo("s-4");
            assertThat(e.reason()).isEqualTo("ticket DP-4");
            assertThat(e.subject()).isEqualTo(report.subject()).isNotEqualTo(ALICE.value()).hasSize(22);
            assertThat(e.at()).isEqualTo(world.clock.instant());
        });
    }

    @Test
    void export_byCustomer_auditedWithCustomerPseudonymAsActor() {
        aliceCart();

        engine.dataProtection().export(Actor.customer(ALICE), ALICE);

        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.actorKind()).isEqualTo("CUSTOMER");
            assertThat(e.actorId()).isEqualTo(e.subject()).isNotEqualTo(ALICE.value());
            assertThat(e.detail()).as("the cart, its CREATED and LINE_ADDED events").isEqualTo("records=3");
        });
    }

    @Test
    void erase_auditLogFails_providerUnavailableAndNothingErased() {
        CartEngine failing = world.builder().audit(e -> {
            throw new IllegalStateException("audit store down");
        }).build();
        Cart cart = aliceCart();

        assertCode(() -> failing.dataProtection().erase(Actor.support("s", "r"), ALICE),
                CartErrorCode.PROVIDER_UNAVAILABLE);
        assertCode(() -> failing.dataProtection().export(Actor.support("s", "r"), ALICE),
                CartErrorCode.PROVIDER_UNAVAILABLE);

        assertThat(world.repository.find(cart.id())).isPresent();
    }

    @Test
    void erase_repositoryCannotErase_internalAndNothingTouched() {
        Cart cart = aliceCart();
        List<String> asked = new ArrayList<>();
        CartEngine plain = world.builder().repository(new DelegatingRepository(world.repository))
                .personalDataStore("notes", store("notes", asked, Map.of("note", 1), List.of())).build();

        assertCode(() -> plain.dataProtection().erase(Actor.support("s", "r"), ALICE), CartErrorCode.INTERNAL);

        assertThat(asked).isEmpty();
        assertThat(world.repository.find(cart.id())).isPresent();
    }

    @Test
    void erase_extraStore_askedAndReportedUnderItsName() throws Exception {
        aliceCart();
        List<String> asked = new ArrayList<>();
        CartEngine withNotes = world.builder().audit(audit::add).personalDataStore("order-notes",
                store("order-notes", asked, Map.of("note", 2, "empty", 0),
                        List.of(new PersonalRecord("note", "n-1", "{\"text\":\"ring twice\"}")))).build();

        JsonNode export = new ObjectMapper().readTree(withNotes.dataProtection().export(Actor.customer(ALICE), ALICE));
        ErasureReport report = withNotes.dataProtection().erase(Actor.support("s", "r"), ALICE);

        assertThat(export.get("stores").get("order-notes").get("note").get(0).get("data").get("text").asText())
                .isEqualTo("ring twice");
        assertThat(report.touched().get("order-notes")).containsExactly(Map.entry("note", 2));
        assertThat(asked).containsExactly("export", "erase");
    }

    @Test
    void export_storeReturnsMalformedRecord_providerUnavailable() {
        aliceCart();
        CartEngine broken = world.builder().personalDataStore("notes", store("notes", new ArrayList<>(), Map.of(),
                List.of(new PersonalRecord("note", "n-1", "{\"text\": \"unterminated")))).build();

        assertCode(() -> broken.dataProtection().export(Actor.support("s", "r"), ALICE),
                CartErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void erase_laterStoreFails_earlierStoresErasedAndRepeatingFinishes() {
        Cart cart = aliceCart();
        boolean[] down = {true};
        PersonalDataStore flaky = new PersonalDataStore() {
            @Override
            public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
                if (down[0]) {
                    throw new IllegalStateException("connection refused");
                }
                return Map.of("note", 1);
            }

            @Override
            public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
                return List.of();
            }
        };
        CartEngine engineWithFlaky = world.builder().personalDataStore("notes", flaky).build();

        assertThatThrownBy(() -> engineWithFlaky.dataProtection().erase(Actor.support("s", "r"), ALICE))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("notes", "repeat").doesNotContain(ALICE.value());
                });
        assertThat(world.repository.find(cart.id())).isEmpty();
        down[0] = false;
        ErasureReport finished = engineWithFlaky.dataProtection().erase(Actor.support("s", "r"), ALICE);
        assertThat(finished.touched()).containsOnlyKeys("notes");
    }

    @Test
    void erase_throughEntry_observedAsEraseCustomer() {
        List<String> seen = new CopyOnWriteArrayList<>();
        CartEngine observed = world.builder().observer(new CartObserver() {
            @Override
            public void operationFinished(CartOperation operation, Outcome outcome, CartErrorCode code,
                                          Duration duration) {
                seen.add(operation + " " + outcome);
            }
        }).build();

        observed.dataProtection().erase(Actor.support("s", "r"), ALICE);
        assertCode(() -> observed.dataProtection().export(Actor.guest("t"), ALICE), CartErrorCode.ACCESS_DENIED);

        assertThat(seen).containsExactly("ERASE_CUSTOMER SUCCESS", "EXPORT_CUSTOMER REJECTED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"repository", "promotionUsage", "audit", "maintenanceStore", "", "Upper", "1st",
            "with space", "a/b"})
    void personalDataStore_reservedOrMalformedName_invalidInput(String name) {
        assertCode(() -> world.builder().personalDataStore(name, store(name, new ArrayList<>(), Map.of(), List.of())),
                CartErrorCode.INVALID_INPUT);
    }

    @Test
    void personalDataStore_sameNameTwiceOrNullStore_invalidInput() {
        CartEngineBuilder builder = world.builder().personalDataStore("notes",
                store("notes", new ArrayList<>(), Map.of(), List.of()));

        assertCode(() -> builder.personalDataStore("notes", store("notes", new ArrayList<>(), Map.of(), List.of())),
                CartErrorCode.INVALID_INPUT);
        assertCode(() -> builder.personalDataStore("other", null), CartErrorCode.INVALID_INPUT);
    }

    @Test
    void applyRetention_auditLogAndExtraStoreThatRetain_askedPerKindWithTheCutoff() {
        List<String> calls = new CopyOnWriteArrayList<>();
        RetainingAudit retainingAudit = new RetainingAudit(calls);
        CartEngine retaining = world.builder().audit(retainingAudit).build();
        Instant now = world.clock.instant();

        RetentionReport report = retaining.maintenance().applyRetention(RetentionPolicy.builder()
                .auditEntries(Duration.ofDays(400)).idempotencyRecords(Duration.ofHours(1)).build(), 50);

        assertThat(calls).containsExactly("audit<" + now.minus(Duration.ofDays(400)) + "#50",
                "idempotency<" + now.minus(Duration.ofHours(1)) + "#50");
        assertThat(report.deleted("audit")).isEqualTo(7);
        assertThat(report.deleted("idempotency")).isZero();
        assertThat(report.deleted()).containsOnlyKeys("audit", "idempotency");
    }

    @Test
    void retentionPolicy_badDurations_invalidInput() {
        assertCode(() -> RetentionPolicy.builder().build(), CartErrorCode.INVALID_INPUT);
        assertCode(() -> RetentionPolicy.builder().deliveredEvents(null), CartErrorCode.INVALID_INPUT);
        assertCode(() -> RetentionPolicy.builder().auditEntries(Duration.ofSeconds(-1)), CartErrorCode.INVALID_INPUT);
        assertCode(() -> RetentionPolicy.builder().expiredCarts(Duration.ofDays(40_000)), CartErrorCode.INVALID_INPUT);
        assertCode(() -> engine.maintenance().applyRetention(null, 10), CartErrorCode.INVALID_INPUT);
        RetentionPolicy policy = RetentionPolicy.builder().idempotencyRecords(Duration.ZERO).build();
        assertCode(() -> engine.maintenance().applyRetention(policy, 0), CartErrorCode.INVALID_INPUT);
    }

    /** An audit log that can age its entries out; reports 7 deleted audit entries per call. */
    private record RetainingAudit(List<String> calls) implements dev.cartflow.spi.AuditLog, RetentionStore {
        @Override
        public void record(AuditEvent event) {
        }

        @Override
        public int deleteOlderThan(String kind, Instant cutoff, int limit) {
            calls.add(kind + "<" + cutoff + "#" + limit);
            return kind.equals(RetentionStore.AUDIT) ? 7 : 0;
        }
    }

    private static PersonalDataStore store(String name, List<String> asked, Map<String, Integer> erased,
                                           List<PersonalRecord> records) {
        return new PersonalDataStore() {
            @Override
            public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
                asked.add("erase");
                return erased;
            }

            @Override
            public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
                asked.add("export");
                return records;
            }
        };
    }

    private static void assertCode(ThrowingCallable call, CartErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
