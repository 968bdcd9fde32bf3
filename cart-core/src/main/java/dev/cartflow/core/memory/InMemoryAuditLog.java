package dev.cartflow.core.memory;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.AuditLog;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.spi.RetentionStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The audit trail in memory, for tests and single-node hosts: the most recent {@code capacity}
 * events in the order recorded (the oldest are dropped first), readable with {@link #events()}.
 * Thread-safe under one lock.
 *
 * <p>As a {@link PersonalDataStore}, erasure anonymizes a customer's entries (the subject and, where
 * the customer was the actor, the actor id become {@value #ERASED}); the entries themselves stay,
 * since the trail of who did what is a security record. Export returns the entries that name the
 * customer as subject or actor.
 */
public final class InMemoryAuditLog implements AuditLog, PersonalDataStore, RetentionStore {
    /** What an erased subject or actor id reads as. */
    public static final String ERASED = "erased";
    /** The capacity of {@link #InMemoryAuditLog()}. */
    public static final int DEFAULT_CAPACITY = 10_000;

    private record Entry(long id, AuditEvent event) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private long nextId = 1;

    /** A trail of the last {@value #DEFAULT_CAPACITY} events. */
    public InMemoryAuditLog() {
        this(DEFAULT_CAPACITY);
    }

    /**
     * A trail of the last {@code capacity} events.
     *
     * @param capacity how many events are kept, at least 1
     * @throws CartException {@code INVALID_INPUT} when {@code capacity} is below 1
     */
    public InMemoryAuditLog(int capacity) {
        if (capacity < 1) {
            throw CartException.invalidInput("audit log capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void record(AuditEvent event) {
        if (event == null) {
            throw CartException.invalidInput("audit event must not be null");
        }
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(new Entry(nextId++, event));
    }

    /**
     * The events kept, oldest first.
     *
     * @return a copy
     */
    public synchronized List<AuditEvent> events() {
        return entries.stream().map(Entry::event).toList();
    }

    @Override
    public synchronized Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        requireSubject(customerId, subject);
        int anonymized = 0;
        List<Entry> kept = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            AuditEvent e = entry.event();
            boolean subjectMatches = subject.equals(e.subject());
            boolean actorMatches = isShopper(e) && subject.equals(e.actorId());
            if (subjectMatches || actorMatches) {
                kept.add(new Entry(entry.id(), new AuditEvent(e.at(), e.actorKind(), actorMatches ? ERASED : e.actorId(),
                        e.operation(), e.cartId(), subjectMatches ? ERASED : e.subject(), e.reason(), e.outcome(),
                        e.detail())));
                anonymized++;
            } else {
                kept.add(entry);
            }
        }
        entries.clear();
        entries.addAll(kept);
        return Map.of("audit", anonymized);
    }

    @Override
    public synchronized List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        requireSubject(customerId, subject);
        List<PersonalRecord> records = new ArrayList<>();
        for (Entry entry : entries) {
            AuditEvent e = entry.event();
            if (subject.equals(e.subject()) || isShopper(e) && subject.equals(e.actorId())) {
                records.add(new PersonalRecord("audit", Long.toString(entry.id()), e.toJson()));
            }
        }
        return records;
    }

    /** Only a guest's or customer's actor id is a pseudonym; staff ids and service names never match one. */
    private static boolean isShopper(AuditEvent e) {
        return AuditEvent.CUSTOMER.equals(e.actorKind()) || AuditEvent.GUEST.equals(e.actorKind());
    }

    private static void requireSubject(CustomerId customerId, String subject) {
        if (customerId == null || subject == null || subject.isBlank()) {
            throw CartException.invalidInput("customer id and subject must not be null or blank");
        }
    }

    /** Deletes entries older than {@code cutoff} for the retention job, oldest first (audit entries only). */
    @Override
    public synchronized int deleteOlderThan(String kind, Instant cutoff, int limit) {
        if (kind == null || cutoff == null || limit < 1) {
            throw CartException.invalidInput("a kind, a cutoff and a positive limit are required");
        }
        if (!AUDIT.equals(kind)) {
            return 0;
        }
        List<Entry> old = entries.stream().filter(e -> e.event().at().isBefore(cutoff))
                .sorted(Comparator.comparing((Entry e) -> e.event().at()).thenComparingLong(Entry::id))
                .limit(limit).toList();
        entries.removeAll(old);
        return old.size();
    }
}
