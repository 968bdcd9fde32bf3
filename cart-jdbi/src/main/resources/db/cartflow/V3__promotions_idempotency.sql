-- Promotion redemptions at checkout: one row per promotion and cart.
CREATE TABLE promotion_redemptions (
    promotion_id text        NOT NULL,
    cart_id      uuid        NOT NULL,
    customer_id  text,
    redeemed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (promotion_id, cart_id)
);

CREATE INDEX promotion_redemptions_customer_idx ON promotion_redemptions (promotion_id, customer_id)
    WHERE customer_id IS NOT NULL;
CREATE INDEX promotion_redemptions_cart_idx ON promotion_redemptions (cart_id);

-- Stored responses of idempotent operations, written with the cart change they answer.
CREATE TABLE idempotency_keys (
    key         text        PRIMARY KEY,
    fingerprint text        NOT NULL,
    response    text        NOT NULL,
    expires_at  timestamptz NOT NULL,
    expires_at_ns integer   NOT NULL DEFAULT 0
);

CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at);
