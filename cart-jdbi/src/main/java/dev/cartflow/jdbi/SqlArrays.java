package dev.cartflow.jdbi;

import java.util.List;
import org.jdbi.v3.core.argument.Argument;

/**
 * Arrays bound as one parameter each, straight to the driver's {@code createArrayOf}. JDBI's
 * {@code bindArray} resolves the generic type of every array on every call, which the profile of
 * the load driver showed as a tenth of the engine's CPU per change; the element type is known
 * here, so it is named once.
 */
final class SqlArrays {
    private SqlArrays() {
    }

    /** A {@code text[]} parameter. */
    static Argument text(List<String> values) {
        String[] array = values.toArray(new String[0]);
        return (position, statement, ctx) ->
                statement.setArray(position, statement.getConnection().createArrayOf("text", array));
    }

    /** An {@code integer[]} parameter; elements may be null. */
    static Argument int4(List<Integer> values) {
        Integer[] array = values.toArray(new Integer[0]);
        return (position, statement, ctx) ->
                statement.setArray(position, statement.getConnection().createArrayOf("int4", array));
    }

    /** A {@code bigint[]} parameter; elements may be null. */
    static Argument int8(List<Long> values) {
        Long[] array = values.toArray(new Long[0]);
        return (position, statement, ctx) ->
                statement.setArray(position, statement.getConnection().createArrayOf("int8", array));
    }

    /** A {@code boolean[]} parameter. */
    static Argument bool(List<Boolean> values) {
        Boolean[] array = values.toArray(new Boolean[0]);
        return (position, statement, ctx) ->
                statement.setArray(position, statement.getConnection().createArrayOf("bool", array));
    }
}
