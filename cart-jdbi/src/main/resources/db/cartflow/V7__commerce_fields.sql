-- Issue 11: what a cart is for (kind, name), where it ships (the address beyond the country) and
-- bills, its recovery link, its freeze before payment, and the participants of a shared cart.
-- Additive (expand/contract): every column is nullable or has a default, so the previous release
-- keeps reading and writing carts; its writes leave these columns as they were.
ALTER TABLE carts
    ADD COLUMN kind                   text        NOT NULL DEFAULT 'SHOPPING',
    ADD COLUMN name                   text,
    -- address_lines is null when the cart has no address; an address without street text has '{}'.
    -- Under EncryptingCartRepository only the subdivision is stored here (the rest is sealed).
    ADD COLUMN address_subdivision    text,
    ADD COLUMN address_postal_code    text,
    ADD COLUMN address_city           text,
    ADD COLUMN address_lines          text[],
    ADD COLUMN billing_country        text,
    ADD COLUMN recovery_token_hash    text,
    ADD COLUMN recovery_issued_at     timestamptz,
    ADD COLUMN recovery_issued_at_ns  integer     NOT NULL DEFAULT 0,
    ADD COLUMN recovery_expires_at    timestamptz,
    ADD COLUMN recovery_expires_at_ns integer     NOT NULL DEFAULT 0,
    ADD COLUMN frozen_at              timestamptz,
    ADD COLUMN frozen_at_ns           integer     NOT NULL DEFAULT 0,
    ADD COLUMN frozen_until           timestamptz,
    ADD COLUMN frozen_until_ns        integer     NOT NULL DEFAULT 0,
    -- the priced cart fixed at freezing, as text JSON of cart-core's PricedCartCodec
    ADD COLUMN frozen_figures         text;

-- findActiveByCustomer returns shopping carts only; carts_customer_active_idx (every kind) now
-- serves the listing of a customer's carts (CustomerCarts.cartsOf).
CREATE INDEX carts_customer_shopping_idx ON carts (customer_id, updated_at DESC)
    WHERE state = 'ACTIVE' AND kind = 'SHOPPING';

CREATE TABLE cart_participants (
    cart_id        uuid        NOT NULL REFERENCES carts (id) ON DELETE CASCADE,
    position       integer     NOT NULL,
    participant_id text        NOT NULL,
    token_hash     text        NOT NULL,
    role           text        NOT NULL,
    may_checkout   boolean     NOT NULL,
    invited_at     timestamptz NOT NULL,
    invited_at_ns  integer     NOT NULL DEFAULT 0,
    expires_at     timestamptz NOT NULL,
    expires_at_ns  integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (cart_id, position),
    UNIQUE (cart_id, participant_id)
);
