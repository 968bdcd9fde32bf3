-- Transactional outbox: events written in the same transaction as the cart change they describe.
-- Rows stay after dispatch (dispatched_at set) so that eventsSince can serve catch-up reads;
-- OutboxDispatcher.purgeDispatchedBefore removes old ones.
CREATE TABLE outbox (
    id              bigserial   PRIMARY KEY,
    cart_id         uuid        NOT NULL,
    sequence        bigint      NOT NULL,
    idx             integer     NOT NULL,
    type            text        NOT NULL,
    at              timestamptz NOT NULL,
    at_ns           integer     NOT NULL DEFAULT 0,
    data            jsonb       NOT NULL,
    dispatched_at   timestamptz,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    CONSTRAINT outbox_event_key UNIQUE (cart_id, sequence, idx)
);

-- Undispatched events: the dispatcher's queue heads and per-cart backlog.
CREATE INDEX outbox_pending_idx ON outbox (id) WHERE dispatched_at IS NULL;
CREATE INDEX outbox_pending_cart_idx ON outbox (cart_id, id) WHERE dispatched_at IS NULL;
