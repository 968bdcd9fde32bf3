package dev.cartflow.jdbi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * pgbench scripts made of the statements the repository sent for one operation ({@link SqlCapture}),
 * so that pgbench runs exactly the engine's SQL: the same statements, in the same transactions,
 * with the same values, only the cart and its version replaced by pgbench variables. The operation
 * was captured on a sentinel cart ({@link #SENTINEL_VERSION}); every value equal to its id (also
 * inside strings and arrays) becomes the id of the cart pgbench picked, the sentinel version the
 * version the script's load read ({@code :version}, from {@code \gset}), and the next version
 * {@code :version + 1}.
 *
 * <p>Two forms. With the values as <em>constants</em> (the original form) every other value is a
 * literal in the SQL: pgbench's {@code -M prepared} statements then carry them pre-parsed in their
 * plans (a timestamp or an array is parsed once per connection), which no client whose values change
 * can do. With the values <em>bound</em> every value that does not depend on the picked cart is a
 * pgbench variable ({@link #variables()}, given to pgbench with {@code -D}), sent as a parameter and
 * parsed by the server on every call, as the engine's values are.
 */
final class PgbenchScripts {
    /** The stored version of the sentinel cart an operation is captured on: no other value of it equals this. */
    static final long SENTINEL_VERSION = 7_777_777L;
    /** Cart n's id in SQL, as {@link LoadDriver#cartId} computes it. */
    static final String ID = "('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))";

    private final String sentinelId;
    /** The bound form's variables by name, in order of use; null for the constants form. */
    private final Map<String, String> variables;
    private final String prefix;

    /** The constants form. */
    PgbenchScripts(String sentinelId) {
        this(sentinelId, null);
    }

    /**
     * The bound form when {@code prefix} is not null: its variables are named {@code prefix} and a
     * number, so that the variables of several scripts given to one pgbench do not collide.
     */
    PgbenchScripts(String sentinelId, String prefix) {
        this.sentinelId = sentinelId;
        this.prefix = prefix;
        this.variables = prefix == null ? null : new LinkedHashMap<>();
    }

    /** The bound form's variables ({@code -D name=value} for pgbench); empty for the constants form. */
    Map<String, String> variables() {
        return variables == null ? Map.of() : Map.copyOf(variables);
    }

    /**
     * The script of one operation: picks cart {@code first} to {@code last}, then the statements
     * sent; the first statement (the load) stores the columns of its row as variables when {@code gset}.
     */
    String script(List<SqlCapture.Sent> sent, int first, int last, boolean gset) {
        StringBuilder out = new StringBuilder("\\set n random(" + first + ", " + last + ")\n");
        for (int i = 0; i < sent.size(); i++) {
            out.append(statement(sent.get(i)));
            out.append(i == 0 && gset ? " \\gset\n" : ";\n");
        }
        return out.toString();
    }

    /** The statement with its parameters as literals, on one line. */
    String statement(SqlCapture.Sent sent) {
        String sql = sent.sql().replaceAll("\\s+", " ").strip();
        StringBuilder out = new StringBuilder();
        int parameter = 1;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                if (!sent.parameters().containsKey(parameter)) {
                    throw new IllegalStateException("parameter " + parameter + " not captured in " + sql);
                }
                out.append(literal(sent.parameters().get(parameter++)));
            } else {
                out.append(c);
            }
        }
        if (parameter != sent.parameters().size() + 1) {
            throw new IllegalStateException("captured " + sent.parameters().size() + " parameters, the SQL has "
                    + (parameter - 1) + ": " + sql);
        }
        return out.toString();
    }

    private String literal(Object value) {
        if (variables != null && value != null) {
            String bound = boundText(value);
            if (bound != null) {
                String name = prefix + (variables.size() + 1);
                variables.put(name, bound);
                return ":" + name;
            }
        }
        if (value == null) {
            return "NULL";
        } else if (value instanceof SqlCapture.ArrayValue array) {
            List<String> elements = new ArrayList<>();
            for (Object element : array.elements()) {
                elements.add(literal(element));
            }
            return "CAST(ARRAY[" + String.join(", ", elements) + "] AS " + array.type() + "[])";
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            long number = ((Number) value).longValue();
            return number == SENTINEL_VERSION ? ":version" : number == SENTINEL_VERSION + 1 ? "(:version + 1)"
                    : Long.toString(number);
        } else if (value instanceof Boolean b) {
            return b.toString();
        } else if (value instanceof String s) {
            return text(s);
        }
        throw new IllegalStateException("no literal for a " + value.getClass().getName() + " parameter");
    }

    /**
     * The text a value is sent as when bound, or null when it stays in the SQL: null, the versions
     * and anything holding the sentinel id depend on the picked cart.
     */
    private String boundText(Object value) {
        if (value instanceof SqlCapture.ArrayValue array) {
            if (Arrays.stream(array.elements()).anyMatch(e -> e == null || boundText(e) == null)) {
                return null;
            }
            List<String> elements = new ArrayList<>();
            for (Object element : array.elements()) {
                elements.add(element instanceof String s ? arrayElement(s) : boundText(element));
            }
            return "{" + String.join(",", elements) + "}";
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            long number = ((Number) value).longValue();
            return number == SENTINEL_VERSION || number == SENTINEL_VERSION + 1 ? null : Long.toString(number);
        } else if (value instanceof Boolean b) {
            return b.toString();
        } else if (value instanceof String s) {
            return s.contains(sentinelId) ? null : s;
        }
        return null;
    }

    /** An element of PostgreSQL's array text form, quoted so that commas, braces and blanks stay in it. */
    private static String arrayElement(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * A string literal; the sentinel id inside it becomes the picked cart's id. Colons are escaped
     * ({@code \x3a}): pgbench would read {@code :name} inside a literal as one of its variables.
     */
    private String text(String value) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = value.indexOf(sentinelId); at >= 0; at = value.indexOf(sentinelId, from)) {
            if (at > from) {
                parts.add(escaped(value.substring(from, at)));
            }
            parts.add(ID);
            from = at + sentinelId.length();
        }
        if (from < value.length() || parts.isEmpty()) {
            parts.add(escaped(value.substring(from)));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
    }

    private static String escaped(String value) {
        StringBuilder out = new StringBuilder("E'");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("''");
                case ':' -> out.append("\\x3a");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** For the report: how many statements of each kind a script has. */
    static String shape(List<SqlCapture.Sent> sent) {
        List<String> kinds = new ArrayList<>();
        for (SqlCapture.Sent s : sent) {
            String sql = s.sql().strip();
            kinds.add(sql.length() > 24 ? sql.substring(0, 24).replaceAll("\\s+", " ") + "..." : sql);
        }
        return sent.size() + " statements: " + String.join(" | ", kinds);
    }
}
