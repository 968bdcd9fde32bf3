package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceStressTest {
    private static final double NONE = Double.NaN;

    private static ServiceStress.Row row(int clients, int answered503, double pending, double lockWaits, double cpu) {
        StepStats stats = new StepStats();
        stats.record(StepStats.Kind.READ, 200, 1_000_000L);
        for (int i = 0; i < answered503; i++) {
            stats.record(StepStats.Kind.READ, 503, "PROVIDER_UNAVAILABLE", 1_000_000L);
        }
        return new ServiceStress.Row(new StepResult(clients, stats, Duration.ofSeconds(1), "1", "1"),
                new SignalSampler.Signals(pending, NONE, 10, NONE, NONE, 32, answered503, lockWaits, NONE, cpu, 1.0));
    }

    @Test
    void firstFailures_signalsAppearingAlongTheRamp_listedInTheOrderTheyFirstAppeared() {
        List<String> lines = ServiceStress.firstFailures(List.of(row(1, 0, 0, 0, 0.5), row(4, 0, 0, 0, 0.95),
                row(16, 0, 3, 0, 0.97), row(64, 12, 9, 1, 0.99)));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("4 clients: CPU");
        assertThat(lines.get(1)).startsWith("16 clients: pool").contains("max 3");
        assertThat(lines.get(2)).startsWith("64 clients: locks");
        assertThat(lines.get(3)).startsWith("64 clients: shedding: 12 answers 503");
    }

    @Test
    void firstFailures_quietRamp_saysNothingGaveOut() {
        assertThat(ServiceStress.firstFailures(List.of(row(1, 0, NONE, NONE, 0.2))))
                .containsExactly("nothing: no pool wait, lock wait, saturated CPU, shedding or timeout within the ramp");
    }

    @Test
    void rowLine_countsThe503sApartFromOtherFailures() {
        ServiceStress.Row row = row(8, 3, 0, 0, 0.5);

        assertThat(row.status(503)).isEqualTo(3);
        assertThat(row.line()).startsWith("| 8 | ").contains("| 3 | 0 | 0 |");
        assertThat(row.json("in-memory", java.time.Instant.EPOCH)).containsEntry("status_503", 3L)
                .containsEntry("suite", ServiceStress.SUITE).containsEntry("variant", "in-memory");
    }
}
