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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_FAST_SECOND || seconds >= END_FAST_SECOND) {
            return instant.truncatedTo(ChronoUnit.MICROS).toString();
        }
        // Every save formats several instants; DateTimeFormatter's general machinery was about 5 % of
        // a line change's CPU, so years 1000 to 9999 are written digit by digit.
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int second = (int) Math.floorMod(seconds, 86_400L);
        char[] out = new char[27];
        digits(out, 0, date.getYear(), 4);
        out[4] = '-';
        digits(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        digits(out, 11, second / 3600, 2);
        out[13] = ':';
        digits(out, 14, second / 60 % 60, 2);
        out[16] = ':';
        digits(out, 17, second % 60, 2);
        out[19] = '.';
        digits(out, 20, instant.getNano() / 1000, 6);
        out[26] = 'Z';
        return new String(out);
    }

    /** 1000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years written as four digits. */
    private static final long FIRST_FAST_SECOND = -30_610_224_000L;
    private static final long END_FAST_SECOND = 253_402_300_800L;

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
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
     * The 1-based position of each column of {@link CartSql#SELECT_CARTS}, by its name or alias. Its
     * rows are read by position: every read by name makes the driver build a map of all the row's
     * column names, lower-cased, once per result set, and every load of a cart reads one.
     */
    private static final Map<String, Integer> CART_COLUMNS = selectList(CartSql.SELECT_CARTS);
    private static final int ID = column("id");
    private static final int OWNER_KIND = column("owner_kind");
    private static final int GUEST_TOKEN_HASH = column("guest_token_hash");
    private static final int CUSTOMER_ID = column("customer_id");
    private static final int CUSTOMER_GROUP = column("customer_group");
    private static final int CURRENCY = column("currency");
    private static final int COUNTRY = column("country");
    private static final int STATE = column("state");
    private static final int VERSION = column("version");
    private static final int METADATA_TEXT = column("metadata_text");
    private static final int SHIPPING_METHOD = column("shipping_method");
    private static final int REGION = column("region");
    private static final int CODES = column("codes");
    private static final int LINES = column("lines");
    private static final int[] CREATED_AT = instantColumns("created_at");
    private static final int[] UPDATED_AT = instantColumns("updated_at");
    private static final int[] EXPIRES_AT = instantColumns("expires_at");
    private static final int[] ABANDONED_AT = instantColumns("abandoned_at");

    /** The position of a column of {@link CartSql#SELECT_CARTS}; a name it does not select is a bug of this module. */
    static int column(String name) {
        Integer position = CART_COLUMNS.get(name);
        if (position == null) {
            throw new IllegalArgumentException("SELECT_CARTS has no column " + name);
        }
        return position;
    }

    /** The positions of an instant's {@code <name>_us} and {@code <name>_ns} columns. */
    static int[] instantColumns(String name) {
        return new int[] {column(name + "_us"), column(name + "_ns")};
    }

    /** The names of a select list (alias after {@code AS}, else the column after its table prefix) to positions. */
    static Map<String, Integer> selectList(String select) {
        String list = select.substring(select.indexOf("SELECT") + "SELECT".length(), select.lastIndexOf("FROM carts c"));
        Map<String, Integer> positions = new HashMap<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i == list.length() ? ',' : list.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                String item = list.substring(start, i).trim();
                int as = item.lastIndexOf(" AS ");
                String name = as >= 0 && item.indexOf(')', as) < 0 ? item.substring(as + 4).trim()
                        : item.substring(item.lastIndexOf('.') + 1);
                if (positions.put(name, positions.size() + 1) != null) {
                    throw new IllegalArgumentException("SELECT_CARTS names " + name + " twice");
                }
                start = i + 1;
            }
        }
        return Map.copyOf(positions);
    }

    /**
     * An instant of {@link CartSql#SELECT_CARTS} at {@code columns} ({@link #instantColumns}):
     * microseconds since the epoch (null for no instant) and the nanoseconds below them.
     */
    static Instant micros(ResultSet rs, int[] columns) throws SQLException {
        long micros = rs.getLong(columns[0]);
        if (rs.wasNull()) {
            return null;
        }
        return CommerceColumns.micros(micros, rs.getInt(columns[1]));
    }

    static Cart cart(ResultSet rs, StatementContext ctx) throws SQLException {
        CartOwner owner = "GUEST".equals(rs.getString(OWNER_KIND))
                ? new CartOwner.Guest(rs.getString(GUEST_TOKEN_HASH))
                : new CartOwner.Customer(new CustomerId(rs.getString(CUSTOMER_ID)));
        String[] codes = (String[]) rs.getArray(CODES).getArray();
        CommerceColumns.Content more = CommerceColumns.read(rs);
        return new Cart(
                new CartId(UUID.fromString(rs.getString(ID))),
                owner,
                rs.getString(CUSTOMER_GROUP),
                Currency.getInstance(rs.getString(CURRENCY)),
                rs.getString(COUNTRY),
                CartState.valueOf(rs.getString(STATE)),
                rs.getLong(VERSION),
                lines(rs.getString(LINES)),
                Arrays.asList(codes),
                rs.getString(SHIPPING_METHOD),
                rs.getString(METADATA_TEXT),
                micros(rs, CREATED_AT),
                micros(rs, UPDATED_AT),
                micros(rs, EXPIRES_AT),
                micros(rs, ABANDONED_AT),
                rs.getString(REGION),
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
