-- Every unique key of a table that holds cart rows includes the cart id, so that a sharded
-- PostgreSQL (Citus: create_distributed_table on the cart id) can distribute it; docs/scaling.md.
-- The outbox's key leads with id, so lookups by id (marking events dispatched) keep their index.
ALTER TABLE outbox DROP CONSTRAINT outbox_pkey;
ALTER TABLE outbox ADD CONSTRAINT outbox_pkey PRIMARY KEY (id, cart_id);
