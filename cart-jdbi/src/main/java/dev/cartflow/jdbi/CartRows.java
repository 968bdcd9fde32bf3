package dev.cartflow.jdbi;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
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
import java.io.IOException;
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

    /**
     * An instant of {@link CartSql#SELECT_CARTS}: microseconds since the epoch in {@code <name>_us}
     * (null for no instant) and the nanoseconds below them in {@code <name>_ns}.
     */
    static Instant micros(ResultSet rs, String name) throws SQLException {
        long micros = rs.getLong(name + "_us");
        if (rs.wasNull()) {
            return null;
        }
        return CommerceColumns.micros(micros, rs.getInt(name + "_ns"));
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
                micros(rs, "created_at"),
                micros(rs, "updated_at"),
                micros(rs, "expires_at"),
                micros(rs, "abandoned_at"),
                rs.getString("region"),
                more.kind(),
                more.name(),
                more.address(),
                more.billingCountry(),
                more.participants(),
                more.recovery(),
                more.freeze());
    }

    /**
     * The lines aggregated by {@link CartSql#SELECT_CARTS}: an array of {@code [line id, sku,
     * warehouse, quantity, price minor, price currency, added-at micros, added-at nanos]} rows, read
     * with a streaming parser (no tree: every load of a cart runs this).
     */
    static List<LineItem> lines(String json) {
        if (json == null) {
            return List.of();
        }
        try (JsonParser p = Json.MAPPER.getFactory().createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            List<LineItem> lines = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                String lineId = string(p);
                String sku = string(p);
                String warehouse = string(p);
                int quantity = number(p).intValue();
                Long priceMinor = nullableNumber(p);
                String priceCurrency = p.nextToken() == JsonToken.VALUE_NULL ? null : p.getValueAsString();
                long micros = number(p).longValue();
                int nanos = number(p).intValue();
                expect(p.nextToken(), JsonToken.END_ARRAY);
                Money price = priceMinor == null ? null
                        : Money.ofMinor(priceMinor, Currency.getInstance(priceCurrency));
                lines.add(new LineItem(new LineId(lineId), new Sku(sku), quantity, warehouse, price,
                        CommerceColumns.micros(micros, nanos)));
            }
            expect(p.currentToken(), JsonToken.END_ARRAY);
            return lines;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "stored lines are malformed", e);
        }
    }

    private static String string(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_STRING);
        return p.getText();
    }

    private static Long number(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    private static Long nullableNumber(JsonParser p) throws IOException {
        JsonToken token = p.nextToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(token, JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("expected " + expected + ", found " + actual);
        }
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
