package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The load driver's pgbench scripts: the repository's captured statements with their values as literals. */
class PgbenchScriptsTest {
    private static final String SENTINEL = LoadDriver.cartId(999_999_998).toString();
    private final PgbenchScripts scripts = new PgbenchScripts(SENTINEL);

    @Test
    void statement_sentinelIdAndVersions_becomeThePickedCartAndTheLoadedVersion() {
        long version = PgbenchScripts.SENTINEL_VERSION;
        SqlCapture.Sent sent = new SqlCapture.Sent("UPDATE carts SET version = ? WHERE id = CAST(? AS uuid)\n  AND version = ?",
                Map.of(1, version + 1, 2, SENTINEL, 3, version));

        assertThat(scripts.statement(sent)).isEqualTo("UPDATE carts SET version = (:version + 1) WHERE id = CAST("
                + PgbenchScripts.ID + " AS uuid) AND version = :version");
    }

    @Test
    void arrayValue_ofAJavaArray_takesTheTypeTheDriverSendsItAs() {
        SqlCapture.ArrayValue longs = SqlCapture.ArrayValue.of(new Long[] {7L, null});

        assertThat(longs.type()).isEqualTo("int8");
        assertThat(longs.elements()).containsExactly(7L, null);
        assertThat(SqlCapture.ArrayValue.of(new String[] {"a"}).type()).isEqualTo("text");
        assertThat(SqlCapture.ArrayValue.of(new Integer[] {1}).type()).isEqualTo("int4");
        assertThat(SqlCapture.ArrayValue.of(new Boolean[] {true}).type()).isEqualTo("bool");
        assertThatThrownBy(() -> SqlCapture.ArrayValue.of(new Double[] {1.0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statement_textArraysAndNull_areLiteralsWithColonsAndQuotesEscaped() {
        SqlCapture.Sent sent = new SqlCapture.Sent("SELECT ?, ?, ?, ?", Map.of(1, "{\"by\":null} 'x'", 2,
                new SqlCapture.ArrayValue("text", new Object[] {"checkout|" + SENTINEL, "a"}), 3, true, 4, 42));
        Map<Integer, Object> withNull = new java.util.TreeMap<>(sent.parameters());
        withNull.put(5, null);

        String rendered = scripts.statement(new SqlCapture.Sent("SELECT ?, ?, ?, ?, ?", withNull));

        assertThat(rendered).isEqualTo("SELECT E'{\"by\"\\x3anull} ''x''', CAST(ARRAY[(E'checkout|' || "
                + PgbenchScripts.ID + "), E'a'] AS text[]), true, 42, NULL");
    }

    @Test
    void statement_boundForm_sendsEveryValueNotOfThePickedCartAsAVariable() {
        PgbenchScripts bound = new PgbenchScripts(SENTINEL, "c");
        Map<Integer, Object> values = new java.util.TreeMap<>(Map.of(1, "{\"by\":null} 'x'",
                2, new SqlCapture.ArrayValue("text", new Object[] {"a,b", "q\"\\"}),
                3, new SqlCapture.ArrayValue("text", new Object[] {SENTINEL, "a"}),
                4, true, 5, 42, 6, PgbenchScripts.SENTINEL_VERSION, 7, SENTINEL,
                8, new SqlCapture.ArrayValue("int4", new Object[] {1, 2})));
        values.put(9, null);

        String rendered = bound.statement(new SqlCapture.Sent("SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?", values));

        assertThat(rendered).isEqualTo("SELECT :c1, :c2, CAST(ARRAY[" + PgbenchScripts.ID + ", :c3] AS text[]), :c4, :c5,"
                + " :version, " + PgbenchScripts.ID + ", :c6, NULL");
        assertThat(bound.variables()).containsExactlyInAnyOrderEntriesOf(Map.of("c1", "{\"by\":null} 'x'",
                "c2", "{\"a,b\",\"q\\\"\\\\\"}", "c3", "a", "c4", "true", "c5", "42", "c6", "{1,2}"));
        assertThat(scripts.variables()).isEmpty();
    }

    @Test
    void statement_parameterNotCaptured_fails() {
        assertThatThrownBy(() -> scripts.statement(new SqlCapture.Sent("SELECT ?, ?", Map.of(1, "a"))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void script_loadFirst_picksACartAndStoresTheLoadedRowWhenAsked() {
        List<SqlCapture.Sent> sent = List.of(new SqlCapture.Sent("SELECT version FROM carts", Map.of()),
                new SqlCapture.Sent("COMMIT", Map.of()));

        assertThat(scripts.script(sent, 3, 9, true))
                .isEqualTo("\\set n random(3, 9)\nSELECT version FROM carts \\gset\nCOMMIT;\n");
    }
}
