-- The audit trail: privileged and security-relevant actions. Shoppers appear only as keyed
-- pseudonyms (subject, and actor_id of a GUEST or CUSTOMER); erasure anonymizes them in place.
CREATE TABLE audit_events (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor_kind text        NOT NULL,
    actor_id   text        NOT NULL,
    operation  text        NOT NULL,
    cart_id    uuid,
    subject    text,
    reason     text,
    outcome    text        NOT NULL,
    detail     text        NOT NULL
);

-- A data subject's entries, for export and erasure, in time order.
CREATE INDEX audit_events_subject_idx ON audit_events (subject, at) WHERE subject IS NOT NULL;
CREATE INDEX audit_events_shopper_idx ON audit_events (actor_id, at) WHERE actor_kind IN ('GUEST', 'CUSTOMER');
-- Reading the trail by time, and retention.
CREATE INDEX audit_events_at_idx ON audit_events (at);
