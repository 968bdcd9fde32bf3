package dev.cartflow.jdbi;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.AuditEvent;
import dev.cartflow.spi.AuditLog;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import dev.cartflow.spi.RetentionStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit trail on PostgreSQL, in its own table {@code audit_events} (migration V4), indexed by
 * subject pseudonym and time. Every {@link #record} is one insert in its own transaction, so an
 * entry is kept even when the audited action fails later; a failing database is
 * {@code PROVIDER_UNAVAILABLE}, which fails the privileged action that was to be recorded.
 *
 * <p>As a {@link PersonalDataStore}, erasure anonymizes a customer's entries in place (the subject
 * and, where the customer was the acting shopper, the actor id become {@value #ERASED}); the rows
 * stay, since who did what is a security record. Export returns those entries as JSON. As a
 * {@link RetentionStore}, the retention job deletes entries older than the audit retention, oldest first.
 */
public final class JdbiAuditLog implements AuditLog, PersonalDataStore, RetentionStore {
    /** What an erased subject or actor id reads as. */
    public static final String ERASED = "erased";
    private static final int MAX_READ = 10_000;

    private static final String COLUMNS = "id, at, actor_kind, actor_id, operation, cart_id, subject, reason, outcome, detail";
    private static final String OF_SUBJECT = """
            subject = :subject OR (actor_kind IN ('GUEST', 'CUSTOMER') AND actor_id = :subject)""";

    private final Jdbi jdbi;

    private JdbiAuditLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * An audit log on the primary database.
     *
     * @param jdbi the primary database, migrated by {@link CartFlowSchema}
     * @return the log
     * @throws CartException {@code INVALID_INPUT} when {@code jdbi} is null
     */
    public static JdbiAuditLog create(Jdbi jdbi) {
        if (jdbi == null) {
            throw CartException.invalidInput("jdbi must not be null");
        }
        return new JdbiAuditLog(jdbi);
    }

    @Override
    public void record(AuditEvent event) {
        if (event == null) {
            throw CartException.invalidInput("audit event must not be null");
        }
        Failures.translate("record audit event", () -> jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO audit_events (at, actor_kind, actor_id, operation, cart_id, subject, reason, outcome,
                                                  detail)
                        VALUES (CAST(:at AS timestamptz), :actorKind, :actorId, :operation, CAST(:cart AS uuid), :subject,
                                :reason, :outcome, :detail)""")
                .bind("at", CartRows.text(event.at()))
                .bind("actorKind", event.actorKind())
                .bind("actorId", event.actorId())
                .bind("operation", event.operation().name())
                .bind("cart", event.cartId() == null ? null : event.cartId().toString())
                .bind("subject", event.subject())
                .bind("reason", event.reason())
                .bind("outcome", event.outcome().name())
                .bind("detail", event.detail())
                .execute()));
    }

    /**
     * The entries recorded at or after an instant, oldest first (for a host's review screen or export
     * to a SIEM).
     *
     * @param from  the earliest time
     * @param limit at most this many, 1 to 10000
     * @return the entries
     * @throws CartException {@code INVALID_INPUT} on a null instant or a limit out of range,
     *                       {@code PROVIDER_UNAVAILABLE} when the database fails
     */
    public List<AuditEvent> since(Instant from, int limit) {
        if (from == null || limit < 1 || limit > MAX_READ) {
            throw CartException.invalidInput("a start instant and a limit of 1 to " + MAX_READ + " are required");
        }
        return Failures.translate("read audit events", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM audit_events WHERE at >= CAST(:from AS timestamptz) ORDER BY at, id"
                                + " LIMIT :limit")
                .bind("from", CartRows.text(from))
                .bind("limit", limit)
                .map((rs, ctx) -> event(rs))
                .list()));
    }

    @Override
    public Map<String, Integer> eraseCustomer(CustomerId customerId, String subject) {
        requireSubject(customerId, subject);
        int anonymized = Failures.translate("erase audit events", () -> jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE audit_events
                           SET subject = CASE WHEN subject = :subject THEN :erased ELSE subject END,
                               actor_id = CASE WHEN actor_kind IN ('GUEST', 'CUSTOMER') AND actor_id = :subject
                                               THEN :erased ELSE actor_id END
                         WHERE""" + " " + OF_SUBJECT)
                .bind("subject", subject)
                .bind("erased", ERASED)
                .execute()));
        return Map.of("audit", anonymized);
    }

    @Override
    public List<PersonalRecord> exportCustomer(CustomerId customerId, String subject) {
        requireSubject(customerId, subject);
        return Failures.translate("export audit events", () -> jdbi.withHandle(h -> h.createQuery(
                        "SELECT " + COLUMNS + " FROM audit_events WHERE " + OF_SUBJECT + " ORDER BY id")
                .bind("subject", subject)
                .map((rs, ctx) -> new PersonalRecord("audit", Long.toString(rs.getLong("id")), event(rs).toJson()))
                .list()));
    }

    @Override
    public int deleteOlderThan(String kind, Instant cutoff, int limit) {
        if (kind == null || cutoff == null || limit < 1) {
            throw CartException.invalidInput("a kind, a cutoff and a positive limit are required");
        }
        if (!AUDIT.equals(kind)) {
            return 0;
        }
        return Failures.translate("delete old audit events", () -> jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM audit_events WHERE id IN (SELECT id FROM audit_events"
                                + " WHERE at < CAST(:cutoff AS timestamptz) ORDER BY at, id LIMIT :limit)")
                .bind("cutoff", CartRows.text(cutoff))
                .bind("limit", limit)
                .execute()));
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        String cart = rs.getString("cart_id");
        return new AuditEvent(CartRows.instant(rs, "at"), rs.getString("actor_kind"), rs.getString("actor_id"),
                CartOperation.valueOf(rs.getString("operation")), cart == null ? null : new CartId(UUID.fromString(cart)),
                rs.getString("subject"), rs.getString("reason"), AuditEvent.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"));
    }

    private static void requireSubject(CustomerId customerId, String subject) {
        if (customerId == null || subject == null || subject.isBlank()) {
            throw CartException.invalidInput("customer id and subject must not be null or blank");
        }
    }
}
