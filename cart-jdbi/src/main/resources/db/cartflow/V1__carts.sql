-- CartFlow carts, lines and codes. Additive changes only in later versions (expand/contract, see docs/jdbi.md).
CREATE TABLE carts (
    id               uuid        PRIMARY KEY,
    owner_kind       text        NOT NULL CHECK (owner_kind IN ('GUEST', 'CUSTOMER')),
    guest_token_hash text,
    customer_id      text,
    customer_group   text,
    currency         text        NOT NULL,
    country          text        NOT NULL,
    state            text        NOT NULL,
    version          bigint      NOT NULL CHECK (version >= 1),
    metadata         jsonb,
    metadata_text    text        NOT NULL,
    shipping_method  text,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    expires_at       timestamptz NOT NULL,
    abandoned_at     timestamptz,
    -- PostgreSQL keeps microseconds; the nanoseconds below them (0-999) are kept apart so that an
    -- instant reads back exactly as written. Queries use the timestamptz columns.
    created_at_ns    integer     NOT NULL DEFAULT 0,
    updated_at_ns    integer     NOT NULL DEFAULT 0,
    expires_at_ns    integer     NOT NULL DEFAULT 0,
    abandoned_at_ns  integer     NOT NULL DEFAULT 0,
    CONSTRAINT carts_owner_check CHECK (
        (owner_kind = 'GUEST' AND guest_token_hash IS NOT NULL AND customer_id IS NULL)
        OR (owner_kind = 'CUSTOMER' AND customer_id IS NOT NULL AND guest_token_hash IS NULL))
);

-- A customer's active cart (findActiveByCustomer).
CREATE INDEX carts_customer_active_idx ON carts (customer_id, updated_at DESC) WHERE state = 'ACTIVE';
-- Expiry and purge jobs (findExpiringBefore).
CREATE INDEX carts_expires_at_idx ON carts (expires_at, id);
-- Abandonment job (findInactiveSince).
CREATE INDEX carts_inactive_idx ON carts (updated_at, id) WHERE state = 'ACTIVE' AND abandoned_at IS NULL;

CREATE TABLE cart_lines (
    cart_id                   uuid        NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    position                  integer     NOT NULL,
    line_id                   text        NOT NULL,
    sku                       text        NOT NULL,
    warehouse                 text        NOT NULL,
    quantity                  integer     NOT NULL CHECK (quantity > 0),
    added_unit_price_minor    bigint,
    added_unit_price_currency text,
    added_at                  timestamptz NOT NULL,
    added_at_ns               integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (cart_id, position),
    CONSTRAINT cart_lines_sku_warehouse_key UNIQUE (cart_id, sku, warehouse),
    CONSTRAINT cart_lines_line_id_key UNIQUE (cart_id, line_id)
);

CREATE TABLE cart_codes (
    cart_id  uuid    NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    position integer NOT NULL,
    code     text    NOT NULL,
    PRIMARY KEY (cart_id, position),
    CONSTRAINT cart_codes_code_key UNIQUE (cart_id, code)
);
