package dev.cartflow.jdbi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A data source that records what the repository sends through JDBC, for {@link PgbenchScripts}:
 * each executed statement with its parameters (arrays with their elements), and the transaction
 * boundaries. It wraps a real pool; everything else passes through. A load driver tool, not used
 * by the tests.
 */
final class SqlCapture {
    /** One statement as sent: its SQL with {@code ?} placeholders and the values bound, by position from 1. */
    record Sent(String sql, Map<Integer, Object> parameters) {
    }

    /**
     * The elements of an array parameter, with the element type given to {@code createArrayOf}, or
     * the one the driver picks for a Java array given to {@code setObject}.
     */
    record ArrayValue(String type, Object[] elements) {
        static ArrayValue of(Object[] elements) {
            Class<?> component = elements.getClass().getComponentType();
            String type = component == String.class ? "text" : component == Integer.class ? "int4"
                    : component == Long.class ? "int8" : component == Boolean.class ? "bool" : null;
            if (type == null) {
                throw new IllegalArgumentException("no SQL type for an array of " + component.getName());
            }
            return new ArrayValue(type, elements.clone());
        }
    }

    private final DataSource target;
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final Map<Array, ArrayValue> arrays = Collections.synchronizedMap(new IdentityHashMap<>());

    SqlCapture(DataSource target) {
        this.target = target;
    }

    /** The recording data source. */
    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = call(method, target, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    /** What was sent since the last call, and forgets it. */
    List<Sent> take() {
        synchronized (sent) {
            List<Sent> out = List.copyOf(sent);
            sent.clear();
            return out;
        }
    }

    private Connection connection(Connection real) {
        Connection[] self = new Connection[1];
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "setAutoCommit" -> {
                    if (!(Boolean) args[0] && real.getAutoCommit()) {
                        sent.add(new Sent("BEGIN", Map.of()));
                    }
                }
                case "commit" -> sent.add(new Sent("COMMIT", Map.of()));
                case "rollback" -> sent.add(new Sent("ROLLBACK", Map.of()));
                default -> {
                }
            }
            Object result = call(method, real, args);
            if (result instanceof Array array && method.getName().equals("createArrayOf")) {
                arrays.put(array, new ArrayValue((String) args[0], ((Object[]) args[1]).clone()));
            }
            if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")) {
                return statement(statement, (String) args[0], self[0]);
            }
            return result;
        };
        self[0] = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                handler);
        return self[0];
    }

    private PreparedStatement statement(PreparedStatement real, String sql, Connection connection) {
        Map<Integer, Object> parameters = new TreeMap<>();
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("getConnection")) {
                        return connection;
                    }
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                        Object value = name.equals("setNull") ? null : args[1];
                        parameters.put(i, value instanceof Array a && arrays.containsKey(a) ? arrays.get(a)
                                : value instanceof Object[] elements ? ArrayValue.of(elements) : value);
                    } else if (name.equals("clearParameters")) {
                        parameters.clear();
                    } else if (name.startsWith("execute") && (args == null || args.length == 0)) {
                        sent.add(new Sent(sql, new TreeMap<>(parameters)));
                    }
                    return call(method, real, args);
                });
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
