package dev.cartflow.benchmarks.service;

import java.io.IOException;
import java.net.URI;
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

/**
 * The load's parameters, each {@code --name=value} on the command line, with the defaults of the
 * issue: after 30 s of warming the service up at the largest client count, steps of 1, 4 and 16
 * clients, each 10 s of warm-up and then 20 s measured or {@code max-requests} measured actions,
 * whichever comes first.
 *
 * @param jar           the executable jar to start (ignored with {@code url})
 * @param url           a service already running on loopback, or null to start the jar
 * @param serviceWarmup the unmeasured run at the largest client count before the first step
 * @param clients       the concurrent clients of each step
 * @param warmup        each step's unmeasured warm-up
 * @param measure       each step's measured time at most
 * @param maxRequests   each step's measured requests at most
 * @param mix           the shares of reads, line changes and checkouts
 * @param seed          the first client's random seed (client n uses seed + n)
 * @param skus          the products to add, or empty to take them from {@code GET /products}
 * @param serviceJvm    JVM options for the started service
 * @param serviceLog    where the started service's output goes
 */
record LoadOptions(Path jar, URI url, Duration serviceWarmup, List<Integer> clients, Duration warmup,
                   Duration measure, long maxRequests, Mix mix, long seed, List<String> skus, List<String> serviceJvm,
                   Path serviceLog) {
    private static final Set<String> NAMES = Set.of("jar", "url", "clients", "warmup", "measure", "max-requests",
            "mix", "seed", "skus", "service-jvm", "service-log", "service-warmup");

    /** Parses {@code --name=value} arguments; an unknown name is an error, so a typo never runs silently. */
    static LoadOptions parse(String... args) throws IOException {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 2 ? arg.substring(2, eq) : null;
            if (name == null || !NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown argument " + arg
                        + "; expected --name=value with name one of " + NAMES);
            }
            given.put(name, arg.substring(eq + 1));
        }
        URI url = given.containsKey("url") ? URI.create(given.get("url")) : null;
        Path jar = given.containsKey("jar") ? Path.of(given.get("jar"))
                : url == null ? newestExecJar(Path.of("examples/cart-service/target")) : null;
        List<Integer> clients = Arrays.stream(given.getOrDefault("clients", "1,4,16").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        if (clients.isEmpty() || clients.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("clients must be positive counts, got " + clients);
        }
        List<String> skus = given.containsKey("skus") ? List.of(given.get("skus").split(",")) : List.of();
        List<String> jvm = given.containsKey("service-jvm") && !given.get("service-jvm").isBlank()
                ? List.of(given.get("service-jvm").trim().split("\\s+")) : List.of();
        return new LoadOptions(jar, url, seconds(given.getOrDefault("service-warmup", "30")), clients,
                seconds(given.getOrDefault("warmup", "10")),
                seconds(given.getOrDefault("measure", "20")),
                Long.parseLong(given.getOrDefault("max-requests", "500000")),
                Mix.parse(given.getOrDefault("mix", "70,25,5")), Long.parseLong(given.getOrDefault("seed", "42")),
                skus, jvm, Path.of(given.getOrDefault("service-log", "benchmarks/target/service-load-service.log")));
    }

    private static Duration seconds(String text) {
        Duration duration = Duration.ofSeconds(Long.parseLong(text.trim()));
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a duration in seconds must not be negative: " + text);
        }
        return duration;
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
