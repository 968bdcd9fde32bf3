package dev.cartflow.scenarios;

import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.AuditLog;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.spi.RetentionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A host's audit log as the tests see it: it keeps the entries in memory, erases a subject's entries
 * (all but the trail of erasures themselves, kept as their proof under the pseudonym) and ages
 * entries out, like an audit store of the security part would.
 */
final class RecordingAudit implements AuditLog, PersonalDataStore, RetentionStore {
    private final List<AuditEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AuditEvent event) {
        events.add(event);
    }

    synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public synchronized Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        int before = events.size();
        events.removeIf(e -> subject.equals(e.subject()) && e.operation() != CartOperation.ERASE_CUSTOMER);
        return Map.of("audit", before - events.size());
    }

    @Override
    public synchronized List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        List<PersonalRecord> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            if (subject.equals(e.subject())) {
                records.add(new PersonalRecord("audit", Integer.toString(i), "{\"operation\":\"" + e.operation()
                        + "\",\"outcome\":\"" + e.outcome() + "\",\"at\":\"" + e.at() + "\"}"));
            }
        }
        return records;
    }

    @Override
    public synchronized int deleteOlderThan(String kind, Instant cutoff, int limit) {
        if (!RetentionStore.AUDIT.equals(kind)) {
            return 0;
        }
        List<AuditEvent> old = events.stream().filter(e -> e.at().isBefore(cutoff)).limit(limit).toList();
        events.removeAll(old);
        return old.size();
    }
}
