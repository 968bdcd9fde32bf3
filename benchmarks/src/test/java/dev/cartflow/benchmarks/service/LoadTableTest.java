package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LoadTableTest {

    @Test
    void steps_oneStep_showsItsThroughputPercentilesAndFailures() {
        StepStats stats = new StepStats();
        int requests = 500;
        for (int i = 0; i < requests; i++) {
            stats.record(StepStats.Kind.READ, i < 2 ? 409 : 200, i < 2 ? "VERSION_CONFLICT" : null, 4_000_000);
        }
        Duration elapsed = Duration.ofSeconds(2);
        StepResult result = new StepResult(4, stats, elapsed, "1.50", "2.25");

        String table = LoadTable.steps(List.of(result));

        String row = table.lines().filter(line -> line.startsWith("| 4 |")).findFirst().orElseThrow();
        long perSecond = Math.round(requests / (double) elapsed.toSeconds());
        assertThat(row).contains("| " + requests + " |", "| " + perSecond + " |",
                "| " + LoadTable.millis(stats.percentileMicros(99)) + " |", "409 VERSION_CONFLICT x2", "1.50, 2.25");
    }

    @Test
    void kinds_kindWithoutRequests_showsADash() {
        StepStats stats = new StepStats();
        stats.record(StepStats.Kind.READ, 200, 1_500_000);

        String table = LoadTable.kinds(List.of(new StepResult(1, stats, Duration.ofSeconds(1), "0", "0")));

        assertThat(table).contains("`GET /carts/{id}` | " + LoadTable.millis(stats.percentileMicros(50)));
        assertThat(table).contains("`POST /carts/{id}/checkout` | - |");
    }

    @Test
    void failures_noneAndSome_readAsZeroOrStatusCounts() {
        assertThat(LoadTable.failures(Map.of())).isEqualTo("0");
        assertThat(LoadTable.failures(new TreeMap<>(Map.of("I/O", 3L, "412", 1L))))
                .isEqualTo("412 x1, I/O x3");
    }
}
