package dev.cartflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The restore drill of docs/backup.md in mvn verify, on fewer carts than the script's default. */
class RestoreDrillTest {
    private static final Path WORK = Path.of("target/restore-drill-test");

    @Test
    void run_baseBackupRestoredOnAFreshServer_everyCheckPassesAndNothingIsLeft() throws Exception {
        RestoreDrill.Result result = RestoreDrill.run(40, 15, WORK);

        assertThat(result.checks()).as("the drill's checks").hasSize(5).doesNotContainValue(false);
        assertThat(result.carts()).isEqualTo(40);
        assertThat(result.passed()).isTrue();
        try (Stream<Path> left = Files.list(WORK)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("server and backup directories left under " + WORK)
                    .noneMatch(name -> name.startsWith("postgres-") || name.startsWith("base-backup-"));
        }
    }
}
