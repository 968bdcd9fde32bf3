DROP TABLE IF EXISTS stock_reservation_lines;
DROP TABLE IF EXISTS stock_reservations;
