package dev.cartflow.scenarios;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Plays scenario files (docs/scenario-format.md) against the real engine and prints one line per
 * scenario and a closing {@code N passed, N failed}. Exit status 0 when all pass, 1 otherwise, 2 on
 * bad arguments.
 */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /**
     * Command line entry: the arguments are scenario files or folders (searched recursively for
     * {@code *.json}).
     *
     * @param args files and folders
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: cartflow-scenarios FILE_OR_FOLDER...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String arg : args) {
            try {
                files.addAll(collect(Path.of(arg)));
            } catch (IOException e) {
                System.err.println("cannot read " + arg + ": " + e.getMessage());
                System.exit(2);
            }
        }
        Summary summary = run(files, System.out);
        System.exit(summary.failed() == 0 ? 0 : 1);
    }

    /** The result of a run. */
    public record Summary(int passed, int failed, List<String> failures) {
    }

    /**
     * Plays files and prints a line for each and the closing line.
     *
     * @param files scenario files
     * @param out   where to print
     * @return counts and the failure lines
     */
    public static Summary run(List<Path> files, PrintStream out) {
        int passed = 0;
        List<String> failures = new ArrayList<>();
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (Path file : files) {
            ScenarioPlayer.Outcome outcome = ScenarioPlayer.play(file, start);
            if (outcome.passed()) {
                passed++;
                out.println("PASS " + outcome.name());
            } else {
                String line = "FAIL " + outcome.name() + " (" + outcome.file() + "): "
                        + String.join(" | ", outcome.failures());
                failures.add(line);
                out.println(line);
            }
        }
        out.println(passed + " passed, " + failures.size() + " failed");
        return new Summary(passed, failures.size(), failures);
    }

    /**
     * The scenario files at a path: the file itself, or every {@code *.json} below a folder, sorted.
     *
     * @param path a scenario file or a folder of them
     * @return the files, sorted by path
     * @throws IOException when the folder cannot be read
     */
    public static List<Path> collect(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                return walk.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".json")).sorted().toList();
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file");
        }
        return List.of(path);
    }
}
