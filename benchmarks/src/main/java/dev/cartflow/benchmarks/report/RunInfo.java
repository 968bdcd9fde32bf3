package dev.cartflow.benchmarks.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What benchmarks/run-all.sh recorded about a run in {@code <results>/run/}: {@code run.properties}
 * ({@code mode}, {@code started}, {@code ended}, {@code load_start}, {@code load_end}, {@code build})
 * and {@code commands.tsv} (one line per suite: suite, status, command, tab-separated).
 *
 * @param quick     whether it was a {@code --quick} run
 * @param started   when the run started, or {@code unknown}
 * @param ended     when it ended, or {@code unknown}
 * @param loadStart /proc/loadavg at the start, or {@code unknown}
 * @param loadEnd   /proc/loadavg at the end, or {@code unknown}
 * @param build     the build command, or empty
 * @param commands  each suite's command and what became of it, in run order
 */
record RunInfo(boolean quick, String started, String ended, String loadStart, String loadEnd, String build,
               List<Command> commands) {

    /**
     * One suite's step of the run.
     *
     * @param suite   the suite, for example {@code jdbi-load}
     * @param status  {@code ran}, {@code failed (exit N)} or {@code skipped: why}
     * @param command the command line, or empty when skipped
     */
    record Command(String suite, String status, String command) {
    }

    RunInfo {
        commands = List.copyOf(commands);
    }

    /** The run recorded in {@code results/run}; a run without that folder is a full run with nothing known. */
    static RunInfo read(Path results) {
        Path run = results.resolve("run");
        Properties properties = new Properties();
        Path file = run.resolve("run.properties");
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            }
            List<Command> commands = new ArrayList<>();
            Path tsv = run.resolve("commands.tsv");
            if (Files.exists(tsv)) {
                for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] parts = line.split("\t", 3);
                    commands.add(new Command(parts[0], parts.length > 1 ? parts[1] : "unknown",
                            parts.length > 2 ? parts[2] : ""));
                }
            }
            return new RunInfo(properties.getProperty("mode", "full").equals("quick"),
                    properties.getProperty("started", "unknown"), properties.getProperty("ended", "unknown"),
                    properties.getProperty("load_start", "unknown"), properties.getProperty("load_end", "unknown"),
                    properties.getProperty("build", ""), commands);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run's record in " + run, e);
        }
    }

    /** The step of {@code suite}, if the run recorded one. */
    Optional<Command> command(String suite) {
        return commands.stream().filter(c -> c.suite().equals(suite)).reduce((first, last) -> last);
    }
}
