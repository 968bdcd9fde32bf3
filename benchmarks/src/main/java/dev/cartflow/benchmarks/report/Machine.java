package dev.cartflow.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the figures were measured on, read where the report is written (the same machine as the
 * suites: run-all.sh runs both).
 *
 * @param cores     processors available to the JVM
 * @param cpuModel  the first {@code model name} of /proc/cpuinfo, or {@code unknown}
 * @param memory    total memory from /proc/meminfo, for example {@code 7.7 GiB}, or {@code unknown}
 * @param os        the distribution's name and the kernel
 * @param jdk       the JVM's name and runtime version
 */
record Machine(int cores, String cpuModel, String memory, String os, String jdk) {

    /** This machine, from {@code /proc} and {@code /etc/os-release}. */
    static Machine probe() {
        return probe(Path.of("/proc"), Path.of("/etc/os-release"));
    }

    /** The machine described by a {@code /proc}-like directory and an os-release file. */
    static Machine probe(Path proc, Path osRelease) {
        String cpu = field(lines(proc.resolve("cpuinfo")), "model name", ":").orElse("unknown");
        String memory = field(lines(proc.resolve("meminfo")), "MemTotal", ":")
                .map(Machine::gibibytes).orElse("unknown");
        String distribution = field(lines(osRelease), "PRETTY_NAME", "=")
                .map(v -> v.replace("\"", "")).orElse(System.getProperty("os.name"));
        String os = distribution + ", kernel " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        return new Machine(Runtime.getRuntime().availableProcessors(), cpu, memory, os, jdk);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | SecurityException e) {
            return List.of(); // not Linux, or not readable: the field says unknown
        }
    }

    private static Optional<String> field(List<String> lines, String key, String separator) {
        for (String line : lines) {
            int at = line.indexOf(separator);
            if (at > 0 && line.substring(0, at).strip().equals(key)) {
                return Optional.of(line.substring(at + 1).strip());
            }
        }
        return Optional.empty();
    }

    /** {@code 8049616 kB} as {@code 7.7 GiB}; the text itself when it is not in kB. */
    private static String gibibytes(String meminfoValue) {
        String[] parts = meminfoValue.split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB") && parts[0].matches("\\d+")) {
            return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(parts[0]) / (1024.0 * 1024.0));
        }
        return meminfoValue;
    }
}
