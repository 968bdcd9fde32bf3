package dev.cartflow.core.internal.privacy;

import dev.cartflow.core.internal.pipeline.EngineConfig;
import dev.cartflow.core.internal.pipeline.Entry;
import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.privacy.CustomerData;
import dev.cartflow.core.privacy.ErasureReport;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.AuditEvent.Outcome;
import dev.cartflow.spi.PersonalDataStore;
import java.util.List;

/**
 * Erasure and export as engine operations: each enters through {@link Entry}, checks its input, then
 * who may ({@link PrivacyAccess}), and is recorded in the audit trail before its result is given.
 *
 * <p>An erasure is recorded before it starts (so that an erasure that cannot be recorded is not
 * done) and again with its outcome: {@code ALLOWED} with the number of records touched, or
 * {@code FAILED} with the code. An export is recorded once its document is built and before it is
 * returned, so that no export leaves unrecorded. A refusal is recorded as {@code DENIED}.
 */
public final class DataProtection implements CustomerData {
    private final EngineConfig config;
    private final Entry entry;
    private final PrivacyAudit audit;

    /** Data protection of an engine with this wiring, entered through {@code entry}. */
    public DataProtection(EngineConfig config, Entry entry) {
        this.config = config;
        this.entry = entry;
        this.audit = new PrivacyAudit(config);
    }

    @Override
    public ErasureReport erase(Actor actor, CustomerId customerId) {
        return entry.run(CartOperation.ERASE_CUSTOMER, () -> audited(actor, customerId, CartOperation.ERASE_CUSTOMER,
                (stores, subject) -> {
                    audit.record(actor, CartOperation.ERASE_CUSTOMER, subject, Outcome.ALLOWED, "requested");
                    ErasureReport report = Erasure.run(stores, customerId, subject);
                    audit.recordQuietly(actor, CartOperation.ERASE_CUSTOMER, subject, Outcome.ALLOWED,
                            "touched=" + report.total());
                    return report;
                }));
    }

    @Override
    public String export(Actor actor, CustomerId customerId) {
        return entry.run(CartOperation.EXPORT_CUSTOMER, () -> audited(actor, customerId,
                CartOperation.EXPORT_CUSTOMER, (stores, subject) -> {
                    Export.Document document = Export.build(stores, customerId, subject, config.now());
                    audit.record(actor, CartOperation.EXPORT_CUSTOMER, subject, Outcome.ALLOWED,
                            "records=" + document.records());
                    return document.json();
                }));
    }

    /** The work of one request over the stores, given the customer's pseudonym. */
    @FunctionalInterface
    private interface Work<T> {
        T run(List<Stores.Named<PersonalDataStore>> stores, String subject);
    }

    private <T> T audited(Actor actor, CustomerId customerId, CartOperation operation, Work<T> work) {
        Failures.required(actor, "actor");
        Failures.required(customerId, "customer id");
        String subject = config.pseudonyms().of("customer", customerId.value());
        try {
            PrivacyAccess.authorize(actor, operation, customerId);
        } catch (CartException denied) {
            audit.recordQuietly(actor, operation, subject, Outcome.DENIED, denied.code().name());
            throw denied;
        }
        List<Stores.Named<PersonalDataStore>> stores = Stores.personal(config);
        try {
            return work.run(stores, subject);
        } catch (CartException e) {
            audit.recordQuietly(actor, operation, subject, Outcome.FAILED, e.code().name());
            throw e;
        } catch (RuntimeException e) {
            audit.recordQuietly(actor, operation, subject, Outcome.FAILED, CartErrorCode.INTERNAL.name());
            throw e;
        }
    }
}
