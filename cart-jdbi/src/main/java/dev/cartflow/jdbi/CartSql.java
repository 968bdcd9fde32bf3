package dev.cartflow.jdbi;

/**
 * The SQL text of the cart tables, apart from the code that binds and maps it. Every statement is
 * parameterized; values travel as text, numbers or arrays of them and are cast in SQL. A loaded
 * cart's instants travel as microseconds since the epoch ({@code _us}), which the client reads as a
 * number instead of parsing a timestamp.
 */
final class CartSql {
    static final String SELECT_CARTS = """
            SELECT c.id::text AS id, c.owner_kind, c.guest_token_hash, c.customer_id, c.customer_group,
                   c.currency, c.country, c.state, c.version, c.metadata_text, c.shipping_method,
                   (extract(epoch FROM c.created_at) * 1000000)::bigint AS created_at_us,
                   (extract(epoch FROM c.updated_at) * 1000000)::bigint AS updated_at_us,
                   (extract(epoch FROM c.expires_at) * 1000000)::bigint AS expires_at_us,
                   (extract(epoch FROM c.abandoned_at) * 1000000)::bigint AS abandoned_at_us,
                   c.created_at_ns, c.updated_at_ns, c.expires_at_ns, c.abandoned_at_ns, c.region,
                   c.kind, c.name, c.address_subdivision, c.address_postal_code, c.address_city, c.address_lines,
                   c.billing_country, c.recovery_token_hash,
                   (extract(epoch FROM c.recovery_issued_at) * 1000000)::bigint AS recovery_issued_at_us,
                   c.recovery_issued_at_ns,
                   (extract(epoch FROM c.recovery_expires_at) * 1000000)::bigint AS recovery_expires_at_us,
                   c.recovery_expires_at_ns, (extract(epoch FROM c.frozen_at) * 1000000)::bigint AS frozen_at_us,
                   c.frozen_at_ns, (extract(epoch FROM c.frozen_until) * 1000000)::bigint AS frozen_until_us,
                   c.frozen_until_ns, c.frozen_figures,
                   (SELECT json_agg(json_build_array(p.participant_id, p.token_hash, p.role, p.may_checkout,
                                    (extract(epoch FROM p.invited_at) * 1000000)::bigint, p.invited_at_ns,
                                    (extract(epoch FROM p.expires_at) * 1000000)::bigint, p.expires_at_ns)
                                    ORDER BY p.position)::text
                      FROM cart_participants p WHERE p.cart_id = c.id) AS participants,
                   ARRAY(SELECT k.code FROM cart_codes k WHERE k.cart_id = c.id ORDER BY k.position) AS codes,
                   (SELECT json_agg(json_build_array(l.line_id, l.sku, l.warehouse, l.quantity,
                                    l.added_unit_price_minor, l.added_unit_price_currency,
                                    (extract(epoch FROM l.added_at) * 1000000)::bigint, l.added_at_ns)
                                    ORDER BY l.position)::text
                      FROM cart_lines l WHERE l.cart_id = c.id) AS lines
              FROM carts c
            """;

    /** The columns of issue 11's content (V7), in {@link #CART_COLUMNS} order. */
    private static final String COMMERCE_COLUMNS = """
            kind, name, address_subdivision, address_postal_code, address_city, address_lines, billing_country,
            recovery_token_hash, recovery_issued_at, recovery_issued_at_ns, recovery_expires_at,
            recovery_expires_at_ns, frozen_at, frozen_at_ns, frozen_until, frozen_until_ns, frozen_figures""";

    private static final String COMMERCE_VALUES = """
            :kind, :name, :addressSubdivision, :addressPostalCode, :addressCity,
            CASE WHEN :hasAddress THEN CAST(:addressLines AS text[]) END, :billingCountry, :recoveryTokenHash,
            CAST(:recoveryIssuedAt AS timestamptz), :recoveryIssuedAtNs, CAST(:recoveryExpiresAt AS timestamptz),
            :recoveryExpiresAtNs, CAST(:frozenAt AS timestamptz), :frozenAtNs, CAST(:frozenUntil AS timestamptz),
            :frozenUntilNs, :frozenFigures""";

    static final String CART_COLUMNS = """
            id, owner_kind, guest_token_hash, customer_id, customer_group, currency, country, state, version,
            metadata, metadata_text, shipping_method, created_at, updated_at, expires_at, abandoned_at,
            created_at_ns, updated_at_ns, expires_at_ns, abandoned_at_ns, region,
            """ + COMMERCE_COLUMNS;

    static final String CART_VALUES = """
            CAST(:id AS uuid), :ownerKind, :tokenHash, :customerId, :customerGroup, :currency, :country, :state,
            :version, CAST(:metadataJson AS jsonb), :metadata, :shippingMethod, CAST(:createdAt AS timestamptz),
            CAST(:updatedAt AS timestamptz), CAST(:expiresAt AS timestamptz), CAST(:abandonedAt AS timestamptz),
            :createdAtNs, :updatedAtNs, :expiresAtNs, :abandonedAtNs, :region,
            """ + COMMERCE_VALUES;

    static final String CART_ASSIGNMENTS = """
            owner_kind = EXCLUDED.owner_kind, guest_token_hash = EXCLUDED.guest_token_hash,
            customer_id = EXCLUDED.customer_id, customer_group = EXCLUDED.customer_group,
            currency = EXCLUDED.currency, country = EXCLUDED.country, state = EXCLUDED.state,
            version = EXCLUDED.version, metadata = EXCLUDED.metadata, metadata_text = EXCLUDED.metadata_text,
            shipping_method = EXCLUDED.shipping_method, created_at = EXCLUDED.created_at,
            updated_at = EXCLUDED.updated_at, expires_at = EXCLUDED.expires_at,
            abandoned_at = EXCLUDED.abandoned_at, created_at_ns = EXCLUDED.created_at_ns,
            updated_at_ns = EXCLUDED.updated_at_ns, expires_at_ns = EXCLUDED.expires_at_ns,
            abandoned_at_ns = EXCLUDED.abandoned_at_ns, region = EXCLUDED.region,
            kind = EXCLUDED.kind, name = EXCLUDED.name, address_subdivision = EXCLUDED.address_subdivision,
            address_postal_code = EXCLUDED.address_postal_code, address_city = EXCLUDED.address_city,
            address_lines = EXCLUDED.address_lines, billing_country = EXCLUDED.billing_country,
            recovery_token_hash = EXCLUDED.recovery_token_hash, recovery_issued_at = EXCLUDED.recovery_issued_at,
            recovery_issued_at_ns = EXCLUDED.recovery_issued_at_ns, recovery_expires_at = EXCLUDED.recovery_expires_at,
            recovery_expires_at_ns = EXCLUDED.recovery_expires_at_ns, frozen_at = EXCLUDED.frozen_at,
            frozen_at_ns = EXCLUDED.frozen_at_ns, frozen_until = EXCLUDED.frozen_until,
            frozen_until_ns = EXCLUDED.frozen_until_ns, frozen_figures = EXCLUDED.frozen_figures""";

    static final String INSERT_CART =
            "INSERT INTO carts (" + CART_COLUMNS + ") VALUES (" + CART_VALUES + ") ON CONFLICT (id) DO NOTHING";

    /** The version guard of a change: the cart row when it is still at {@code :expectedVersion}; returns its id. */
    static final String GUARDED_UPDATE = """
            UPDATE carts SET owner_kind = :ownerKind, guest_token_hash = :tokenHash, customer_id = :customerId,
                   customer_group = :customerGroup, currency = :currency, country = :country, state = :state,
                   version = :version, metadata = CAST(:metadataJson AS jsonb), metadata_text = :metadata,
                   shipping_method = :shippingMethod, created_at = CAST(:createdAt AS timestamptz),
                   updated_at = CAST(:updatedAt AS timestamptz), expires_at = CAST(:expiresAt AS timestamptz),
                   abandoned_at = CAST(:abandonedAt AS timestamptz), created_at_ns = :createdAtNs,
                   updated_at_ns = :updatedAtNs, expires_at_ns = :expiresAtNs, abandoned_at_ns = :abandonedAtNs,
                   region = :region, kind = :kind, name = :name, address_subdivision = :addressSubdivision,
                   address_postal_code = :addressPostalCode, address_city = :addressCity,
                   address_lines = CASE WHEN :hasAddress THEN CAST(:addressLines AS text[]) END,
                   billing_country = :billingCountry, recovery_token_hash = :recoveryTokenHash,
                   recovery_issued_at = CAST(:recoveryIssuedAt AS timestamptz),
                   recovery_issued_at_ns = :recoveryIssuedAtNs,
                   recovery_expires_at = CAST(:recoveryExpiresAt AS timestamptz),
                   recovery_expires_at_ns = :recoveryExpiresAtNs, frozen_at = CAST(:frozenAt AS timestamptz),
                   frozen_at_ns = :frozenAtNs, frozen_until = CAST(:frozenUntil AS timestamptz),
                   frozen_until_ns = :frozenUntilNs, frozen_figures = :frozenFigures
             WHERE id = CAST(:id AS uuid) AND version = :expectedVersion
            RETURNING id""";

    /**
     * The children of the guarded cart (CTE {@code written}) are deleted with it; each delete returns
     * a row per deleted child so that the inserts of the new children can wait for it (see
     * {@link CartChildren}).
     */
    static final String OLD_CHILDREN = """
            old_lines AS (DELETE FROM cart_lines WHERE cart_id IN (SELECT id FROM written) RETURNING 1),
            old_codes AS (DELETE FROM cart_codes WHERE cart_id IN (SELECT id FROM written) RETURNING 1),
            old_participants AS (DELETE FROM cart_participants WHERE cart_id IN (SELECT id FROM written) RETURNING 1)""";

    /** Version guard of one cart of a multi-cart write; on success its lines and codes are deleted in the same statement. */
    static final String UPDATE_CART = "WITH written AS (" + GUARDED_UPDATE + "),\n" + OLD_CHILDREN
            + "\nSELECT count(*) FROM written";

    /** A new cart's row, or nothing when the id exists; returns its id. */
    static final String INSERT_CART_RETURNING = INSERT_CART + " RETURNING id";

    /** Import: insert, or replace a lower version; the replaced cart's lines and codes are deleted. */
    static final String UPSERT_IF_NEWER = "WITH written AS (INSERT INTO carts (" + CART_COLUMNS
            + ") VALUES (" + CART_VALUES + ") ON CONFLICT (id) DO UPDATE SET " + CART_ASSIGNMENTS
            + " WHERE carts.version < EXCLUDED.version RETURNING id), "
            + "old_lines AS (DELETE FROM cart_lines WHERE cart_id IN (SELECT id FROM written)), "
            + "old_codes AS (DELETE FROM cart_codes WHERE cart_id IN (SELECT id FROM written)), "
            + "old_participants AS (DELETE FROM cart_participants WHERE cart_id IN (SELECT id FROM written)) "
            + "SELECT count(*) FROM written";

    /*
     * The inserts of everything below the cart rows, one CTE per kind of child, each from parallel
     * arrays. %s is where CartChildren puts the condition of a guarded write (before ORDER BY and
     * ON CONFLICT).
     */

    static final String NEW_LINES = """
            new_lines AS (
                INSERT INTO cart_lines (cart_id, position, line_id, sku, warehouse, quantity, added_unit_price_minor,
                                        added_unit_price_currency, added_at, added_at_ns)
                SELECT CAST(u.cart_id AS uuid), u.position, u.line_id, u.sku, u.warehouse, u.quantity, u.price_minor,
                       u.price_currency, CAST(u.added_at AS timestamptz), u.added_at_ns
                  FROM unnest(CAST(:lineCarts AS text[]), CAST(:linePositions AS integer[]),
                              CAST(:lineIds AS text[]), CAST(:skus AS text[]), CAST(:warehouses AS text[]),
                              CAST(:quantities AS integer[]), CAST(:priceMinors AS bigint[]),
                              CAST(:priceCurrencies AS text[]), CAST(:addedAts AS text[]),
                              CAST(:addedAtNs AS integer[]))
                       AS u(cart_id, position, line_id, sku, warehouse, quantity, price_minor, price_currency,
                            added_at, added_at_ns)
                %s)""";

    static final String NEW_CODES = """
            new_codes AS (
                INSERT INTO cart_codes (cart_id, position, code)
                SELECT CAST(u.cart_id AS uuid), u.position, u.code
                  FROM unnest(CAST(:codeCarts AS text[]), CAST(:codePositions AS integer[]),
                              CAST(:codes AS text[])) AS u(cart_id, position, code)
                %s)""";

    static final String NEW_PARTICIPANTS = """
            new_participants AS (
                INSERT INTO cart_participants (cart_id, position, participant_id, token_hash, role, may_checkout,
                                               invited_at, invited_at_ns, expires_at, expires_at_ns)
                SELECT CAST(u.cart_id AS uuid), u.position, u.participant_id, u.token_hash, u.role, u.may_checkout,
                       CAST(u.invited_at AS timestamptz), u.invited_at_ns, CAST(u.expires_at AS timestamptz),
                       u.expires_at_ns
                  FROM unnest(CAST(:participantCarts AS text[]), CAST(:participantPositions AS integer[]),
                              CAST(:participantIds AS text[]), CAST(:participantTokens AS text[]),
                              CAST(:participantRoles AS text[]), CAST(:participantCheckouts AS boolean[]),
                              CAST(:participantInvited AS text[]), CAST(:participantInvitedNs AS integer[]),
                              CAST(:participantExpires AS text[]), CAST(:participantExpiresNs AS integer[]))
                       AS u(cart_id, position, participant_id, token_hash, role, may_checkout, invited_at,
                            invited_at_ns, expires_at, expires_at_ns)
                %s)""";

    static final String NEW_EVENTS = """
            new_events AS (
                INSERT INTO outbox (cart_id, sequence, idx, type, at, at_ns, data)
                SELECT CAST(u.cart_id AS uuid), u.sequence, u.idx, u.type, CAST(u.at AS timestamptz), u.at_ns,
                       CAST(u.data AS jsonb)
                  FROM unnest(CAST(:eventCarts AS text[]), CAST(:sequences AS bigint[]),
                              CAST(:indexes AS integer[]), CAST(:types AS text[]), CAST(:ats AS text[]),
                              CAST(:atNs AS integer[]), CAST(:datas AS text[]))
                       WITH ORDINALITY AS u(cart_id, sequence, idx, type, at, at_ns, data, ord)
                %s
                 ORDER BY u.ord)""";

    /** Returns a row per record written; a live record with the same key is left alone (and the caller rolls back). */
    static final String NEW_KEYS = """
            new_keys AS (
                INSERT INTO idempotency_keys AS k (key, fingerprint, response, expires_at, expires_at_ns)
                SELECT u.key, u.fingerprint, u.response, CAST(u.expires_at AS timestamptz), u.expires_at_ns
                  FROM unnest(CAST(:keys AS text[]), CAST(:fingerprints AS text[]), CAST(:responses AS text[]),
                              CAST(:keyExpiries AS text[]), CAST(:keyExpiryNs AS integer[]))
                       AS u(key, fingerprint, response, expires_at, expires_at_ns)
                %s
                ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, response = EXCLUDED.response,
                       expires_at = EXCLUDED.expires_at, expires_at_ns = EXCLUDED.expires_at_ns
                 WHERE k.expires_at < CAST(:now AS timestamptz)
                RETURNING 1)""";

    static final String SELECT_EVENTS = """
            SELECT cart_id::text AS cart_id, sequence, idx, type, at, at_ns, data::text AS data
              FROM outbox
            """;

    private CartSql() {
    }
}
