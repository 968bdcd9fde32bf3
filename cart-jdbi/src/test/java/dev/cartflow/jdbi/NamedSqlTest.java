package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain-JDBC statements of the repository: named parameters to placeholders, values bound by name. */
class NamedSqlTest {
    private static PostgresFixture db;

    @BeforeAll
    static void start() {
        db = PostgresFixture.create(2);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void of_namesCastsAndColonsInLiterals_replacesOnlyTheNames() {
        NamedSql sql = NamedSql.of("SELECT CAST(:id AS uuid), :n::text, ':', x::int FROM t WHERE a = :id_2");

        assertThat(sql.jdbc()).isEqualTo("SELECT CAST(? AS uuid), ?::text, ':', x::int FROM t WHERE a = ?");
    }

    @Test
    void of_questionMark_isRefused() {
        assertThatThrownBy(() -> NamedSql.of("SELECT ? + :a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prepare_valuesOfEveryKind_bindsEachByItsName() throws Exception {
        NamedSql sql = NamedSql.of("SELECT :text, :int4 + 1, :int8 * 2, NOT :flag, :nothing, CAST(:texts AS text[]),"
                + " CAST(:ints AS integer[]), CAST(:longs AS bigint[]), CAST(:flags AS boolean[]), :text || '!'");
        String text = "caf\u00e9 'quoted'";
        int int4 = 41;
        long int8 = 1L << 40;
        NamedSql.Params params = new NamedSql.Params().bind("text", text).bind("int4", int4).bind("int8", int8)
                .bind("flag", true).bind("nothing", null).text("texts", List.of("a", "b,c"))
                .int4("ints", Arrays.asList(1, null)).int8("longs", List.of(int8)).bool("flags", List.of(false));

        try (Connection c = db.dataSource.getConnection(); PreparedStatement s = sql.prepare(c, params);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(text);
            assertThat(rs.getInt(2)).isEqualTo(int4 + 1);
            assertThat(rs.getLong(3)).isEqualTo(int8 * 2);
            assertThat(rs.getBoolean(4)).isFalse();
            assertThat(rs.getString(5)).isNull();
            assertThat((Object[]) rs.getArray(6).getArray()).containsExactly("a", "b,c");
            assertThat((Object[]) rs.getArray(7).getArray()).containsExactly(1, null);
            assertThat((Object[]) rs.getArray(8).getArray()).containsExactly(int8);
            assertThat((Object[]) rs.getArray(9).getArray()).containsExactly(false);
            assertThat(rs.getString(10)).isEqualTo(text + "!");
        }
    }

    @Test
    void prepare_missingValue_failsNamingTheParameter() throws Exception {
        NamedSql sql = NamedSql.of("SELECT :present, :absent");

        try (Connection c = db.dataSource.getConnection()) {
            assertThatThrownBy(() -> sql.prepare(c, new NamedSql.Params().bind("present", "x")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(":absent");
        }
    }

    @Test
    void selectList_ofSelectCarts_givesEachColumnTheDriversPosition() throws Exception {
        java.util.Map<String, Integer> positions = CartRows.selectList(CartSql.SELECT_CARTS);

        try (Connection c = db.dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(CartSql.SELECT_CARTS + " WHERE false");
             ResultSet rs = s.executeQuery()) {
            java.sql.ResultSetMetaData meta = rs.getMetaData();
            assertThat(positions).hasSize(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                assertThat(positions.get(meta.getColumnLabel(i))).as(meta.getColumnLabel(i)).isEqualTo(i);
            }
        }
        assertThatThrownBy(() -> CartRows.column("no_such_column")).isInstanceOf(IllegalArgumentException.class);
    }
}
