-- Stock held by checkouts (JdbiStockReservations): one row per reservation, one per reserved
-- stock key. Both tables lead with cart_id, the cart the engine's reservation ids name
-- ("checkout-<cart id>-<version>"; another id gets a name-based UUID of itself), so a sharded
-- PostgreSQL can distribute them on the cart id together with the cart tables.
CREATE TABLE stock_reservations (
    cart_id        uuid        NOT NULL,
    reservation_id text        NOT NULL,
    -- the cart version the checkout started from; null for a reservation that names no cart
    cart_version   bigint,
    reserved_at    timestamptz NOT NULL,
    -- until when an unconfirmed checkout may hold the units; null once confirmed (the cart is
    -- checked out) and for reservations that name no cart: those are held until released
    hold_until     timestamptz,
    PRIMARY KEY (cart_id, reservation_id)
);

CREATE INDEX stock_reservations_hold_until_idx ON stock_reservations (hold_until)
    WHERE hold_until IS NOT NULL;

CREATE TABLE stock_reservation_lines (
    cart_id        uuid    NOT NULL,
    reservation_id text    NOT NULL,
    sku            text    NOT NULL,
    warehouse      text    NOT NULL,
    units          integer NOT NULL CHECK (units > 0),
    PRIMARY KEY (cart_id, reservation_id, sku, warehouse),
    FOREIGN KEY (cart_id, reservation_id) REFERENCES stock_reservations (cart_id, reservation_id)
        ON DELETE CASCADE
);

-- what the reservations hold of one stock key, summed under that key's advisory lock
CREATE INDEX stock_reservation_lines_stock_idx ON stock_reservation_lines (sku, warehouse) INCLUDE (units);
