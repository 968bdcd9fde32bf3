package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SoakVerdictTest {
    private static SoakVerdict.Sample sample(double minute, double heap, double threads, double pool, double db) {
        return new SoakVerdict.Sample(minute, heap, threads, pool, db);
    }

    @Test
    void of_steadySamplesNoErrors_passes() {
        List<SoakVerdict.Sample> samples = List.of(sample(0, 80, 60, 10, 11), sample(1, 83, 61, 10, 11),
                sample(2, 80 * 1.09, 60 + SoakVerdict.THREAD_SLACK, 10, 11));

        SoakVerdict verdict = SoakVerdict.of(samples, 0, 0.10);

        assertThat(verdict.passed()).as(verdict.findings().toString()).isTrue();
        assertThat(verdict.findings()).hasSize(5);
    }

    @Test
    void of_heapGrowsMoreThanTheTolerance_fails() {
        SoakVerdict verdict = SoakVerdict.of(List.of(sample(0, 80, 60, 10, 11), sample(10, 80 * 1.11, 60, 10, 11)),
                0, 0.10);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings().get(0)).contains("NOT flat").contains("+11.0 %");
    }

    @Test
    void of_threadsBeyondTheSlack_fails() {
        SoakVerdict verdict = SoakVerdict.of(List.of(sample(0, 80, 60, 10, 11),
                sample(10, 80, 60 + SoakVerdict.THREAD_SLACK + 1, 10, 11)), 0, 0.10);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings().get(1)).contains("GROWING");
    }

    @Test
    void of_databaseConnectionsGrow_fails() {
        SoakVerdict verdict = SoakVerdict.of(List.of(sample(0, 80, 60, 10, 11), sample(10, 80, 60, 10, 12)), 0, 0.10);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings().get(3)).startsWith("database connections 11 -> 12").contains("GROWING");
    }

    @Test
    void of_anyError_fails() {
        SoakVerdict verdict = SoakVerdict.of(List.of(sample(0, 80, 60, 10, 11), sample(10, 80, 60, 10, 11)), 1, 0.10);

        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.findings().get(4)).isEqualTo("errors 1: SOME");
    }

    @Test
    void of_noDatabase_connectionsNotMeasuredAndStillPasses() {
        double none = Double.NaN;
        SoakVerdict verdict = SoakVerdict.of(List.of(sample(0, 50, 40, none, none), sample(1, 50, 40, none, none)),
                0, 0.10);

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.findings().get(2)).contains("not measured");
    }

    @Test
    void of_oneSample_isRefused() {
        assertThatThrownBy(() -> SoakVerdict.of(List.of(sample(0, 1, 1, 1, 1)), 0, 0.10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
