package dev.cartflow.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MachineTest {
    @TempDir
    Path temp;

    @Test
    void probe_procFiles_readsTheCpuModelAndTheMemoryInGibibytes() throws Exception {
        Path proc = Files.createDirectories(temp.resolve("proc"));
        Files.writeString(proc.resolve("cpuinfo"), "processor\t: 0\nmodel name\t: Example CPU 9000\nflags\t: x\n"
                + "processor\t: 1\nmodel name\t: Example CPU 9000\n");
        long kib = 8 * 1024 * 1024;
        Files.writeString(proc.resolve("meminfo"), "MemTotal:       " + kib + " kB\nMemFree:  1 kB\n");
        Path osRelease = Files.writeString(temp.resolve("os-release"), "NAME=\"X\"\nPRETTY_NAME=\"Example Linux 12\"\n");

        Machine machine = Machine.probe(proc, osRelease);

        assertThat(machine.cpuModel()).isEqualTo("Example CPU 9000");
        assertThat(machine.memory()).isEqualTo("8.0 GiB");
        assertThat(machine.os()).startsWith("Example Linux 12, kernel ");
        assertThat(machine.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(machine.jdk()).contains(System.getProperty("java.runtime.version"));
    }

    @Test
    void probe_missingFiles_saysUnknown() {
        Machine machine = Machine.probe(temp.resolve("no-proc"), temp.resolve("no-os-release"));

        assertThat(machine.cpuModel()).isEqualTo("unknown");
        assertThat(machine.memory()).isEqualTo("unknown");
    }
}
