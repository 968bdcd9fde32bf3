package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code --name=value} command-line options against a fixed set of names (an unknown name is an
 * error, so a typo never runs silently), with the typed readings the load suites share.
 */
final class Args {
    private final Map<String, String> given;

    private Args(Map<String, String> given) {
        this.given = given;
    }

    /** Parses the arguments; each must be {@code --name=value} with a name in {@code names}. */
    static Args parse(Set<String> names, String... args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !names.contains(name)) {
                throw new IllegalArgumentException("unknown argument " + arg
                        + "; expected --name=value with name one of " + new TreeSet<>(names));
            }
            given.put(name, arg.substring(eq + 1));
        }
        return new Args(given);
    }

    boolean has(String name) {
        return given.containsKey(name);
    }

    String text(String name, String otherwise) {
        return given.getOrDefault(name, otherwise);
    }

    long number(String name, long otherwise) {
        return given.containsKey(name) ? Long.parseLong(given.get(name).trim()) : otherwise;
    }

    double fraction(String name, double otherwise) {
        return given.containsKey(name) ? Double.parseDouble(given.get(name).trim()) : otherwise;
    }

    /** A duration in whole seconds ({@code 30}) or with a unit ({@code 60s}, {@code 10m}, {@code 500ms}). */
    Duration duration(String name, String otherwise) {
        return duration(given.getOrDefault(name, otherwise));
    }

    static Duration duration(String text) {
        String value = text.trim().toLowerCase(java.util.Locale.ROOT);
        Duration duration;
        if (value.endsWith("ms")) {
            duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        } else if (value.endsWith("s")) {
            duration = Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        } else if (value.endsWith("m")) {
            duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        } else {
            duration = Duration.ofSeconds(Long.parseLong(value));
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration must not be negative: " + text);
        }
        return duration;
    }

    /** Positive whole numbers separated by commas. */
    List<Integer> counts(String name, String otherwise) {
        List<Integer> counts = Arrays.stream(given.getOrDefault(name, otherwise).split(",")).map(String::trim)
                .map(Integer::valueOf).toList();
        if (counts.isEmpty() || counts.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException(name + " must be positive counts, got " + counts);
        }
        return counts;
    }

    /** Values separated by commas, none when the option is absent or empty. */
    List<String> list(String name) {
        String value = given.getOrDefault(name, "");
        return value.isBlank() ? List.of() : Arrays.stream(value.split(",")).map(String::trim).toList();
    }

    /** Values separated by white space (JVM options, Spring Boot arguments), none when absent. */
    List<String> words(String name) {
        String value = given.getOrDefault(name, "");
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /** The jar given as {@code --jar=}, else the newest executable jar of the service's build. */
    Path jar() throws IOException {
        return has("jar") ? Path.of(given.get("jar")) : newestExecJar(Path.of("examples/cart-service/target"));
    }

    private static Path newestExecJar(Path folder) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(folder, "cartflow-cart-service-*-exec.jar")) {
                found.forEach(jars::add);
            }
        }
        return jars.stream().max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                .orElseThrow(() -> new IllegalArgumentException("no executable jar in " + folder
                        + "; build it (mvn -B -q -pl examples/cart-service -am package -DskipTests) or pass --jar="));
    }
}
