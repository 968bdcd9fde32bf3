package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.AuditLog;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.spi.RetentionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The contract every {@link AuditLog} that keeps events must pass. Extend it beside the
 * implementation and return a log from {@link #newLog()}; the tests use subjects of their own, so a
 * log shared between tests is fine.
 *
 * <p>What an implementation must do: keep every event recorded, in order, with every field; be a
 * {@link PersonalDataStore} whose export returns, as {@code audit} records in JSON, the events that
 * name a customer's pseudonym as subject or as the shopper who acted, and whose erasure anonymizes
 * exactly those (counted under {@code audit}; erasing again touches nothing), leaving staff ids and
 * service names alone; refuse a null event or null erasure arguments with {@code INVALID_INPUT};
 * be thread-safe.
 */
public abstract class AuditLogContract {

    /** Subclasses are the implementation-specific tests. */
    protected AuditLogContract() {
    }

    /**
     * The log under test.
     *
     * @return a log that is also a {@link PersonalDataStore}
     */
    protected abstract AuditLog newLog();

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static String subject() {
        return "s" + UUID.randomUUID().toString().replace("-", "").substring(0, 21);
    }

    private static final CustomerId CUSTOMER = new CustomerId("c-audit");

    private static AuditEvent support(String subject, CartOperation operation, String detail, int second) {
        return new AuditEvent(T0.plusSeconds(second), AuditEvent.SUPPORT, "staff-7", operation, CartId.random(),
                subject, "ticket 4711", AuditEvent.Outcome.ALLOWED, detail);
    }

    private static AuditEvent shopper(String actorId, CartOperation operation, int second) {
        return new AuditEvent(T0.plusSeconds(second), AuditEvent.CUSTOMER, actorId, operation, CartId.random(), null,
                null, AuditEvent.Outcome.DENIED, "FOREIGN_CART");
    }

    private PersonalDataStore personal(AuditLog log) {
        return assertInstanceOf(PersonalDataStore.class, log, "an audit log that keeps events is a PersonalDataStore");
    }

    @Test
    void export_eventsOfSubject_returnedInOrderWithEveryField() {
        AuditLog log = newLog();
        String subject = subject();
        AuditEvent first = support(subject, CartOperation.GET, "role:FULL", 1);
        log.record(first);
        log.record(support(subject(), CartOperation.PRICE, "role:FULL", 2));
        log.record(support(subject, CartOperation.ADD_ITEM, "role:FULL", 3));

        List<PersonalRecord> records = personal(log).exportCustomer(CUSTOMER, subject);

        assertEquals(2, records.size());
        assertTrue(records.stream().allMatch(r -> r.kind().equals("audit")));
        assertEquals(2, new HashSet<>(records.stream().map(PersonalRecord::id).toList()).size(), "ids are distinct");
        String json = records.get(0).json();
        for (String field : List.of("\"operation\":\"GET\"", "\"actorKind\":\"SUPPORT\"", "\"actorId\":\"staff-7\"",
                "\"reason\":\"ticket 4711\"", "\"outcome\":\"ALLOWED\"", "\"detail\":\"role:FULL\"",
                "\"subject\":\"" + subject + "\"", "\"cartId\":\"" + first.cartId() + "\"",
                "\"at\":\"" + first.at() + "\"")) {
            assertTrue(json.contains(field), () -> field + " missing from " + json);
        }
        assertTrue(records.get(1).json().contains("\"operation\":\"ADD_ITEM\""), "kept in the order recorded");
    }

    @Test
    void export_customerWhoActed_includesTheirDenials() {
        AuditLog log = newLog();
        String subject = subject();
        log.record(shopper(subject, CartOperation.CHECKOUT, 1));

        List<PersonalRecord> records = personal(log).exportCustomer(CUSTOMER, subject);

        assertEquals(1, records.size());
        assertTrue(records.get(0).json().contains("\"outcome\":\"DENIED\""));
    }

    @Test
    void eraseCustomer_subjectAndActor_anonymizedOnceOthersKept() {
        AuditLog log = newLog();
        String subject = subject();
        String other = subject();
        log.record(support(subject, CartOperation.GET, "role:READ_ONLY", 1));
        log.record(shopper(subject, CartOperation.GET, 2));
        log.record(support(other, CartOperation.GET, "role:READ_ONLY", 3));
        PersonalDataStore store = personal(log);

        assertEquals(Map.of("audit", 2), store.eraseCustomer(CUSTOMER, subject));

        assertEquals(List.of(), store.exportCustomer(CUSTOMER, subject));
        assertEquals(1, store.exportCustomer(CUSTOMER, other).size());
        assertEquals(Map.of("audit", 0), store.eraseCustomer(CUSTOMER, subject), "erasing again touches nothing");
    }

    @Test
    void eraseCustomer_staffIdEqualToSubject_leftAlone() {
        AuditLog log = newLog();
        String subject = subject();
        log.record(new AuditEvent(T0, AuditEvent.SUPPORT, subject, CartOperation.GET, null, null, "why",
                AuditEvent.Outcome.ALLOWED, "role:FULL"));

        assertEquals(Map.of("audit", 0), personal(log).eraseCustomer(CUSTOMER, subject));
    }

    @Test
    void record_nullEvent_invalidInput() {
        AuditLog log = newLog();
        CartException e = assertThrows(CartException.class, () -> log.record(null));
        assertEquals(CartErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void eraseAndExport_nullArguments_invalidInput() {
        PersonalDataStore store = personal(newLog());
        List<Executable> calls = List.of(
                () -> store.eraseCustomer(CUSTOMER, null),
                () -> store.eraseCustomer(null, subject()),
                () -> store.exportCustomer(CUSTOMER, null),
                () -> store.exportCustomer(null, subject()));
        for (Executable call : calls) {
            CartException e = assertThrows(CartException.class, call);
            assertEquals(CartErrorCode.INVALID_INPUT, e.code());
        }
    }

    @Test
    void record_timeWithNanoseconds_exportedAtLeastToTheMicrosecond() {
        AuditLog log = newLog();
        String subject = subject();
        Instant at = T0.plusNanos(123_456_789);
        log.record(new AuditEvent(at, AuditEvent.SYSTEM, "erasure", CartOperation.ERASE_CUSTOMER, null, subject, null,
                AuditEvent.Outcome.ALLOWED, "carts=2"));

        String json = personal(log).exportCustomer(CUSTOMER, subject).get(0).json();

        assertTrue(json.contains("\"at\":\"2026-12-01T10:00:00.123456"), json);
    }

    @Test
    void record_concurrentWriters_keepsEveryEvent() throws Exception {
        AuditLog log = newLog();
        String subject = subject();
        int threads = 8;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        log.record(support(subject, CartOperation.GET, "t" + thread + "-" + i, i));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(threads * each, personal(log).exportCustomer(CUSTOMER, subject).size());
    }

    @Test
    void deleteOlderThan_auditEntriesBeforeCutoff_deletedOldestFirstOthersKept() {
        AuditLog log = newLog();
        RetentionStore retention = assertInstanceOf(RetentionStore.class, log,
                "an audit log that keeps events is a RetentionStore, for the retention job");
        String subject = subject();
        // Far before any other test's entries, so that a shared store loses nothing of theirs.
        Instant old = Instant.parse("2001-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            log.record(new AuditEvent(old.plusSeconds(i), AuditEvent.SUPPORT, "staff-7", CartOperation.GET,
                    CartId.random(), subject, "ticket 1", AuditEvent.Outcome.ALLOWED, "old-" + i));
        }
        log.record(support(subject, CartOperation.PRICE, "recent", 1));

        assertEquals(0, retention.deleteOlderThan(RetentionStore.EVENT, Instant.parse("2002-01-01T00:00:00Z"), 10),
                "an audit log keeps no cart events");
        int first = retention.deleteOlderThan(RetentionStore.AUDIT, Instant.parse("2002-01-01T00:00:00Z"), 2);
        List<String> left = new ArrayList<>();
        personal(log).exportCustomer(CUSTOMER, subject).forEach(r -> left.add(r.json()));

        assertEquals(2, first);
        assertEquals(2, left.size(), "the newest old entry and the recent one are left: " + left);
        assertTrue(left.stream().anyMatch(j -> j.contains("old-2")) && left.stream().anyMatch(j -> j.contains("recent")),
                () -> "oldest deleted first: " + left);
        assertEquals(1, retention.deleteOlderThan(RetentionStore.AUDIT, Instant.parse("2002-01-01T00:00:00Z"), 10));
        assertThrows(CartException.class, () -> retention.deleteOlderThan(RetentionStore.AUDIT, null, 1));
        assertThrows(CartException.class, () -> retention.deleteOlderThan(RetentionStore.AUDIT, old, 0));
    }
}
