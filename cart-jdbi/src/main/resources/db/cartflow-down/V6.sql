DROP INDEX IF EXISTS outbox_delivered_at_idx;
DROP INDEX IF EXISTS carts_customer_idx;
