package dev.cartflow.jdbi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.Sku;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Rows to the model and instants to columns: a cart row of {@link CartSql#SELECT_CARTS} (lines,
 * codes and participants aggregated; the V7 columns in {@link CommerceColumns}), an outbox row, and the split of an instant into a timestamptz (microseconds)
 * and a companion {@code _ns} column (the nanoseconds below).
 */
final class CartRows {
    private CartRows() {
    }

    /**
     * The microseconds part of an instant, for a timestamptz column (PostgreSQL's precision); the
     * nanoseconds below go to a companion {@code _ns} column, see {@link #nanos}.
     */
    static String text(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** The nanoseconds below the microsecond, 0 to 999. */
    static int nanos(Instant instant) {
        return instant.getNano() % 1000;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, String column, String nanosColumn) throws SQLException {
        Instant micros = instant(rs, column);
        return micros == null ? null : micros.plusNanos(rs.getInt(nanosColumn));
    }

    static Cart cart(ResultSet rs, StatementContext ctx) throws SQLException {
        CartOwner owner = "GUEST".equals(rs.getString("owner_kind"))
                ? new CartOwner.Guest(rs.getString("guest_token_hash"))
                : new CartOwner.Customer(new CustomerId(rs.getString("customer_id")));
        String[] codes = (String[]) rs.getArray("codes").getArray();
        CommerceColumns.Content more = CommerceColumns.read(rs);
        return new Cart(
                new CartId(UUID.fromString(rs.getString("id"))),
                owner,
                rs.getString("customer_group"),
                Currency.getInstance(rs.getString("currency")),
                rs.getString("country"),
                CartState.valueOf(rs.getString("state")),
                rs.getLong("version"),
                lines(rs.getString("lines")),
                Arrays.asList(codes),
                rs.getString("shipping_method"),
                rs.getString("metadata_text"),
                instant(rs, "created_at", "created_at_ns"),
                instant(rs, "updated_at", "updated_at_ns"),
                instant(rs, "expires_at", "expires_at_ns"),
                instant(rs, "abandoned_at", "abandoned_at_ns"),
                rs.getString("region"),
                more.kind(),
                more.name(),
                more.address(),
                more.billingCountry(),
                more.participants(),
                more.recovery(),
                more.freeze());
    }

    private static List<LineItem> lines(String json) {
        if (json == null) {
            return List.of();
        }
        JsonNode array = Json.read(json);
        List<LineItem> lines = new ArrayList<>(array.size());
        for (JsonNode row : array) {
            Money price = row.get(4).isNull() ? null
                    : Money.ofMinor(row.get(4).asLong(), Currency.getInstance(row.get(5).asText()));
            long micros = row.get(6).asLong();
            Instant addedAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L + row.get(7).asInt());
            lines.add(new LineItem(new LineId(row.get(0).asText()), new Sku(row.get(1).asText()),
                    row.get(3).asInt(), row.get(2).asText(), price, addedAt));
        }
        return lines;
    }

    static CartEvent event(ResultSet rs, StatementContext ctx) throws SQLException {
        return new CartEvent(
                new CartId(UUID.fromString(rs.getString("cart_id"))),
                rs.getLong("sequence"),
                rs.getInt("idx"),
                CartEvent.Type.valueOf(rs.getString("type")),
                instant(rs, "at", "at_ns"),
                Json.readStringMap(rs.getString("data")));
    }
}
