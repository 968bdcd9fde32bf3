package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class StepStatsTest {

    @Test
    void percentileMicros_seededLatencies_matchTheNearestRankOfTheSortedValues() {
        StepStats stats = new StepStats();
        List<Long> micros = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            long value = 100 + random.nextLong(200_000);
            micros.add(value);
            stats.record(StepStats.Kind.READ, 200, TimeUnit.MICROSECONDS.toNanos(value));
        }
        Collections.sort(micros);
        for (double percentile : new double[] {50, 99, 99.9}) {
            long expected = micros.get((int) Math.ceil(percentile / 100 * micros.size()) - 1);
            // HdrHistogram keeps three significant digits: within 0.1 % of the exact value
            assertThat(stats.percentileMicros(percentile)).as("p" + percentile)
                    .isCloseTo(expected, Percentage.withPercentage(0.1));
            assertThat(stats.percentileMicros(StepStats.Kind.READ, percentile))
                    .isEqualTo(stats.percentileMicros(percentile));
        }
        assertThat(stats.maxMicros()).isCloseTo(micros.get(micros.size() - 1), Percentage.withPercentage(0.1));
        assertThat(stats.requests(StepStats.Kind.CHECKOUT)).isZero();
    }

    @Test
    void failures_mixedStatuses_keepsEveryStatusButTheSuccessfulOnes() {
        StepStats stats = new StepStats();
        stats.record(StepStats.Kind.READ, 200, 1_000);
        stats.record(StepStats.Kind.CREATE, 201, 1_000);
        stats.record(StepStats.Kind.ADD_LINE, 422, "OUT_OF_STOCK", 1_000);
        stats.record(StepStats.Kind.ADD_LINE, 422, "OUT_OF_STOCK", 1_000);
        stats.record(StepStats.Kind.SET_QUANTITY, 422, "QUANTITY_LIMIT", 1_000);
        stats.record(StepStats.Kind.CHECKOUT, StepStats.IO_ERROR, 1_000);
        stats.record(StepStats.Kind.READ, 503, 1_000);

        assertThat(stats.failures()).containsExactly(Map.entry("422 OUT_OF_STOCK", 2L),
                Map.entry("422 QUANTITY_LIMIT", 1L), Map.entry("503", 1L), Map.entry("I/O", 1L));
        assertThat(stats.statuses()).containsEntry(422, 3L).containsEntry(StepStats.IO_ERROR, 1L);
        assertThat(stats.statuses()).containsEntry(200, 1L).containsEntry(201, 1L);
        assertThat(stats.requests()).isEqualTo(7);
    }

    @Test
    void add_twoClients_sumsRequestsKindsAndStatuses() {
        StepStats first = new StepStats();
        first.record(StepStats.Kind.READ, 200, 2_000_000);
        first.record(StepStats.Kind.SET_QUANTITY, 409, "VERSION_CONFLICT", 3_000_000);
        StepStats second = new StepStats();
        second.record(StepStats.Kind.READ, 200, 9_000_000);

        first.add(second);

        assertThat(first.requests()).isEqualTo(3);
        assertThat(first.requests(StepStats.Kind.READ)).isEqualTo(2);
        assertThat(first.statuses()).containsEntry(200, 2L).containsEntry(409, 1L);
        assertThat(first.failures()).containsExactly(Map.entry("409 VERSION_CONFLICT", 1L));
        assertThat(first.maxMicros()).isCloseTo(9_000, Percentage.withPercentage(0.1));
    }
}
