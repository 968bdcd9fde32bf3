package dev.cartflow.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement of {@link CartSql} written with {@code :name} parameters, prepared and bound with plain
 * JDBC. The hot statements of the repository (load by id, the single-cart save) run through this
 * instead of JDBI's statement machinery: JDBI's per-statement work (SQL parser cache, argument
 * factories per bind, mapper and result-producer set-up) was the largest share of the engine's own
 * CPU per operation in the load driver's profile. The SQL text is parsed once, when the constant is
 * built; {@code ::} casts are kept, and the SQL must not have {@code :} or {@code ?} inside string
 * literals (none of {@link CartSql}'s has).
 */
final class NamedSql {
    private final String jdbc;
    private final String[] names;

    private NamedSql(String jdbc, String[] names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    /** Parses {@code sql}: each {@code :name} becomes a {@code ?}. */
    static NamedSql of(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i++;
            } else if (c == ':' && i + 1 < sql.length() && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end - 1;
            } else if (c == '?') {
                throw new IllegalArgumentException("a ? in named SQL: " + sql);
            } else {
                out.append(c);
            }
        }
        return new NamedSql(out.toString(), names.toArray(new String[0]));
    }

    /** The JDBC text, with {@code ?} placeholders. */
    String jdbc() {
        return jdbc;
    }

    /**
     * Prepares the statement on {@code connection} and binds {@code params}; the caller closes it.
     *
     * @throws IllegalStateException when a parameter of the SQL has no value (a bug of this module)
     */
    PreparedStatement prepare(Connection connection, Params params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(jdbc);
        try {
            for (int i = 0; i < names.length; i++) {
                params.set(statement, i + 1, names[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /**
     * The values of one statement's named parameters: text, numbers, booleans, null (bound as text,
     * as every nullable parameter of {@link CartSql} is text), and arrays of them (their SQL type
     * follows the Java element type: {@code String[]} a {@code varchar[]}, which {@link CartSql}
     * casts to {@code text[]}).
     */
    static final class Params {
        private final Map<String, Object> values = new HashMap<>(96);

        /** Sets a scalar: a String, Integer, Long, Boolean or null. */
        Params bind(String name, Object value) {
            values.put(name, value);
            return this;
        }

        /** Sets a {@code text[]}. */
        Params text(String name, List<String> elements) {
            return bind(name, elements.toArray(new String[0]));
        }

        /** Sets an {@code integer[]}; elements may be null. */
        Params int4(String name, List<Integer> elements) {
            return bind(name, elements.toArray(new Integer[0]));
        }

        /** Sets a {@code bigint[]}; elements may be null. */
        Params int8(String name, List<Long> elements) {
            return bind(name, elements.toArray(new Long[0]));
        }

        /** Sets a {@code boolean[]}. */
        Params bool(String name, List<Boolean> elements) {
            return bind(name, elements.toArray(new Boolean[0]));
        }

        private void set(PreparedStatement statement, int position, String name) throws SQLException {
            Object value = values.get(name);
            if (value == null) {
                if (!values.containsKey(name)) {
                    throw new IllegalStateException("no value for :" + name);
                }
                statement.setNull(position, Types.VARCHAR);
            } else if (value instanceof String s) {
                statement.setString(position, s);
            } else if (value instanceof Integer i) {
                statement.setInt(position, i);
            } else if (value instanceof Long l) {
                statement.setLong(position, l);
            } else if (value instanceof Boolean b) {
                statement.setBoolean(position, b);
            } else if (value instanceof Object[] elements) {
                // the driver picks the array type from the Java one and encodes it in binary; through
                // Connection.createArrayOf it also looked the type up by name twice per array and built
                // an Array object: a line change (17 arrays) took 3 us (6 %) more user CPU that way
                // (issue 14, measured alternately in one JVM)
                statement.setObject(position, elements);
            } else {
                throw new IllegalStateException("cannot bind a " + value.getClass().getName() + " to :" + name);
            }
        }
    }
}
