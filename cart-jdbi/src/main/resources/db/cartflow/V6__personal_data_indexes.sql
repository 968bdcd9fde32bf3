-- Erasure and export find a customer's carts in any state (V1 indexes only active ones), and the
-- retention job finds delivered outbox rows by age: both without a scan of the table.
CREATE INDEX carts_customer_idx ON carts (customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX outbox_delivered_at_idx ON outbox (at) WHERE dispatched_at IS NOT NULL;
