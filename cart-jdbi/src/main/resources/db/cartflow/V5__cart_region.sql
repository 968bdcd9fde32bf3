-- The data-residency region of a cart (docs/data-protection.md). Nullable: carts stored before
-- regions have none. Additive (expand/contract): the previous release ignores the column.
ALTER TABLE carts ADD COLUMN region text;
