package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuTimesTest {
    @Test
    void parseStat_cpuLine_busyIsAllButIdleAndIoWait() {
        long[] times = CpuTimes.parseStat("cpu  100 5 50 800 20 3 2 0 0 0");

        assertThat(times[1]).isEqualTo(100 + 5 + 50 + 800 + 20 + 3 + 2);
        assertThat(times[0]).isEqualTo(100 + 5 + 50 + 3 + 2);
    }

    @Test
    void machineBusySinceAndProcessCores_computeSharesOfTheInterval() {
        CpuTimes before = new CpuTimes(100, 1000, Duration.ofMillis(500), 0);
        CpuTimes after = new CpuTimes(400, 1400, Duration.ofMillis(2_000), Duration.ofSeconds(1).toNanos());

        assertThat(after.machineBusySince(before)).isEqualTo(300.0 / 400.0);
        assertThat(after.processCoresSince(before)).isEqualTo(1.5);
    }
}
