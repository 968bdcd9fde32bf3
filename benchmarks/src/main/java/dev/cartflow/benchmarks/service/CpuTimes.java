package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The machine's CPU time from {@code /proc/stat} (all cores: busy and total jiffies) and a
 * process's CPU time, read at the start and end of a step to say how busy the machine and the
 * service were in between.
 *
 * @param busy    jiffies not idle or waiting for I/O
 * @param total   all jiffies
 * @param process the process's CPU time so far (zero when unknown)
 * @param at      {@link System#nanoTime()} of the reading
 */
record CpuTimes(long busy, long total, Duration process, long at) {

    /** Reads the machine's times and, for a pid of 0 or more, that process's CPU time. */
    static CpuTimes read(long pid) {
        long[] machine = machine();
        Duration process = pid < 0 ? Duration.ZERO : ProcessHandle.of(pid)
                .flatMap(handle -> handle.info().totalCpuDuration()).orElse(Duration.ZERO);
        return new CpuTimes(machine[0], machine[1], process, System.nanoTime());
    }

    /** The first line of {@code /proc/stat} as busy and total jiffies; zeros off Linux. */
    private static long[] machine() {
        try {
            return parseStat(Files.readAllLines(Path.of("/proc/stat")).get(0));
        } catch (IOException | RuntimeException unavailable) {
            return new long[] {0, 0};
        }
    }

    /** {@code cpu user nice system idle iowait irq softirq steal ...} as busy and total jiffies. */
    static long[] parseStat(String cpuLine) {
        long[] fields = Arrays.stream(cpuLine.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
        long total = 0;
        for (int i = 0; i < Math.min(fields.length, 8); i++) {
            total += fields[i];
        }
        long idle = fields[3] + (fields.length > 4 ? fields[4] : 0);
        return new long[] {total - idle, total};
    }

    /** The machine's busy share (0 to 1) since {@code earlier}. */
    double machineBusySince(CpuTimes earlier) {
        long total = this.total - earlier.total;
        return total <= 0 ? Double.NaN : (double) (busy - earlier.busy) / total;
    }

    /** The process's CPU use since {@code earlier}, in cores (1.0 is one core fully busy). */
    double processCoresSince(CpuTimes earlier) {
        long wall = at - earlier.at;
        return wall <= 0 ? Double.NaN : (double) process.minus(earlier.process).toNanos() / wall;
    }
}
