package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgbenchCeilingTest {
    @Test
    void tps_pgbenchReport_readsTheTpsLine() {
        String report = """
                number of transactions actually processed: 12345
                latency average = 1.296 ms
                initial connection time = 3.120 ms
                tps = 3086.250000 (without initial connection time)
                """;

        assertThat(PgbenchCeiling.tps(report)).isEqualTo(3086.25);
        assertThatThrownBy(() -> PgbenchCeiling.tps("no figures")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writeScripts_cartCount_eachScriptPicksAmongThoseCarts(@TempDir Path dir) throws Exception {
        long carts = 1234;

        PgbenchCeiling.writeScripts(carts, dir);

        for (String script : new String[] {"read.sql", "change.sql", "checkout.sql"}) {
            assertThat(Files.readString(dir.resolve(script))).startsWith("\\set n random(1, " + carts + ")\n");
        }
        assertThat(Files.readString(dir.resolve("read.sql"))).contains("FROM cart_lines l").doesNotContain("UPDATE");
        String change = Files.readString(dir.resolve("change.sql"));
        assertThat(change).contains("\\gset").contains("AND version = :v").contains("INSERT INTO outbox")
                .contains("'QUANTITY_CHANGED'").contains("quantity % 3 + 1");
        assertThat(Files.readString(dir.resolve("checkout.sql"))).contains("'CHECKED_OUT'")
                .contains("CASE state WHEN 'ACTIVE'");
    }
}
