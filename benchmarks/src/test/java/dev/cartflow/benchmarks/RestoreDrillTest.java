package dev.cartflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.benchmarks.RestoreDrill.BeforeCompare;
import dev.cartflow.benchmarks.RestoreDrill.Options;
import dev.cartflow.benchmarks.RestoreDrill.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill of docs/backup.md in mvn verify, on fewer carts than the script's default: both
 * phases pass on an untouched restore, and the dump phase fails when one restored cart differs.
 */
class RestoreDrillTest {
    private static final Path WORK = Path.of("target/restore-drill-test");

    @Test
    void run_baseBackupAndDumpRestoredOnFreshServers_everyCheckPassesAndNothingIsLeft() throws Exception {
        RestoreDrill.Result result = RestoreDrill.run(20, 15, WORK);

        assertThat(result.checks()).as("the drill's checks").hasSize(2 * DrillState.CHECKS).doesNotContainValue(false);
        assertThat(result.checks().keySet()).filteredOn(check -> check.startsWith("base backup: "))
                .hasSize(DrillState.CHECKS);
        assertThat(result.checks().keySet()).filteredOn(check -> check.startsWith("dump: "))
                .hasSize(DrillState.CHECKS);
        assertThat(result.stepMillis()).containsKeys("dump: pg_dump --format=custom",
                "dump: pg_restore into it (one transaction, stop at the first error)");
        assertThat(result.carts()).isEqualTo(20);
        assertThat(result.passed()).isTrue();
        assertNothingLeft();
    }

    @Test
    void run_oneCartChangedInTheRestoredServer_theCartAndTotalChecksFail() throws Exception {
        BeforeCompare oneMoreUnitOfOneLine = (restored, carts) -> {
            try (Connection connection = restored.getConnection(); Statement statement = connection.createStatement()) {
                int changed = statement.executeUpdate("UPDATE cart_lines SET quantity = quantity + 1"
                        + " WHERE (cart_id, position) = (SELECT cart_id, position FROM cart_lines"
                        + " ORDER BY cart_id, position LIMIT 1)");
                assertThat(changed).as("lines changed").isEqualTo(1);
            }
        };

        RestoreDrill.Result result = RestoreDrill.run(new Options(5, 15, WORK, EnumSet.of(Phase.DUMP),
                PgClient.Lookup.DEFAULT, oneMoreUnitOfOneLine, System.out));

        assertThat(result.passed()).isFalse();
        Map<String, Boolean> checks = result.checks();
        assertThat(checks).hasSize(DrillState.CHECKS);
        List<String> failed = checks.entrySet().stream().filter(check -> !check.getValue()).map(Map.Entry::getKey)
                .toList();
        assertThat(failed).satisfiesExactly(
                cart -> assertThat(cart).startsWith("dump: every cart restored (5)"),
                total -> assertThat(total).isEqualTo("dump: every cart's total priced by the engine equal"));
        assertNothingLeft();
    }

    @Test
    void run_pgDumpOfAMajorWithoutBundledBinaries_theDumpPhaseFailsBeforeStartingAServer(@TempDir Path bin)
            throws Exception {
        Path sixteen = FakePgClient.tools(bin, "16", 16, 16);

        RestoreDrill.Result result = RestoreDrill.run(new Options(5, 15, WORK, EnumSet.of(Phase.DUMP),
                new PgClient.Lookup(null, sixteen.toString()), BeforeCompare.NOTHING, System.out));

        assertThat(result.passed()).isFalse();
        assertThat(result.checks()).containsExactly(Map.entry("dump: choose the source's PostgreSQL for pg_dump 16", false));
        assertThat(result.stepMillis()).containsOnlyKeys("dump: find pg_dump and pg_restore");
    }

    private static void assertNothingLeft() throws Exception {
        try (Stream<Path> left = Files.list(WORK)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("server, backup and dump files left under " + WORK)
                    .noneMatch(name -> name.startsWith("postgres-") || name.startsWith("base-backup-")
                            || name.endsWith(".dump"));
        }
    }
}
