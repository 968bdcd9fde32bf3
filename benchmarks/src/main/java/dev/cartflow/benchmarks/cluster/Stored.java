package dev.cartflow.benchmarks.cluster;

import dev.cartflow.benchmarks.servers.LocalPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What PostgreSQL holds, read directly (the checks' ground truth, independent of every service and
 * cache): a cart's version, state and lines, its outbox events, promotion redemptions.
 */
final class Stored {
    /** A cart as stored. */
    record Cart(String id, long version, String state, Map<String, Integer> quantities) {
    }

    /** One stored event: its cart, version ({@code sequence}), index within the version and type. */
    record Event(String cartId, long version, int index, String type) {
    }

    private final LocalPostgres postgres;

    Stored(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    Cart cart(String id) throws SQLException {
        try (Connection connection = postgres.connect()) {
            long version;
            String state;
            try (PreparedStatement query = connection.prepareStatement("SELECT version, state FROM carts WHERE id = ?")) {
                query.setObject(1, UUID.fromString(id));
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new SQLException("no stored cart " + id);
                    }
                    version = row.getLong(1);
                    state = row.getString(2);
                }
            }
            Map<String, Integer> quantities = new HashMap<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT sku, sum(quantity) FROM cart_lines WHERE cart_id = ? GROUP BY sku")) {
                query.setObject(1, UUID.fromString(id));
                try (ResultSet row = query.executeQuery()) {
                    while (row.next()) {
                        quantities.put(row.getString(1), row.getInt(2));
                    }
                }
            }
            return new Cart(id, version, state, quantities);
        }
    }

    /** Every event in the outbox of the given carts, by cart, version and index. */
    List<Event> events(List<String> cartIds) throws SQLException {
        try (Connection connection = postgres.connect();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT cart_id, sequence, idx, type FROM outbox WHERE cart_id = ANY (?) ORDER BY cart_id, sequence, idx")) {
            query.setArray(1, connection.createArrayOf("uuid", cartIds.stream().map(UUID::fromString).toArray()));
            List<Event> events = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    events.add(new Event(row.getString(1), row.getLong(2), row.getInt(3), row.getString(4)));
                }
            }
            return events;
        }
    }

    /** The ids of every stored cart. */
    List<String> cartIds() throws SQLException {
        try (Connection connection = postgres.connect();
             PreparedStatement query = connection.prepareStatement("SELECT id FROM carts ORDER BY id");
             ResultSet row = query.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (row.next()) {
                ids.add(row.getString(1));
            }
            return ids;
        }
    }

    /** Outbox events not yet dispatched (of every cart). */
    long undispatched() throws SQLException {
        return count("SELECT count(*) FROM outbox WHERE dispatched_at IS NULL", List.of());
    }

    /** The redemptions of a promotion by the given carts. */
    long redemptions(String promotionId, List<String> cartIds) throws SQLException {
        return count("SELECT count(*) FROM promotion_redemptions WHERE promotion_id = ? AND cart_id = ANY (?)",
                List.of(promotionId, cartIds));
    }

    /** Whether a table exists in the database (a part's migration may not be merged yet). */
    boolean tableExists(String table) throws SQLException {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", List.of(table)) > 0;
    }

    /** A count query with text and uuid-array parameters. */
    long count(String sql, List<?> parameters) throws SQLException {
        try (Connection connection = postgres.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof List<?> ids) {
                    query.setArray(i + 1, connection.createArrayOf("uuid",
                            ids.stream().map(id -> UUID.fromString(id.toString())).toArray()));
                } else {
                    query.setObject(i + 1, parameter);
                }
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
