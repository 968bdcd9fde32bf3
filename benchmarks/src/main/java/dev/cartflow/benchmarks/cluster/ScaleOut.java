package dev.cartflow.benchmarks.cluster;

import dev.cartflow.benchmarks.servers.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The multi-process check as a program ({@code benchmarks/scale-out.sh}): starts the topology on
 * loopback (one PostgreSQL, a three-master Redis Cluster, one Kafka broker, three cart-service
 * processes), runs every check of {@link ScaleOutSuite}, prints a table of verdicts with their
 * figures, appends {@code scale-out.jsonl} rows when {@code CARTFLOW_RESULTS} is set, and exits 1
 * when a check failed.
 *
 * <p>Options: {@code --clients=16}, {@code --seed=14}, {@code --jar=<exec jar>} (default: the
 * {@code cartservice.exec-jar} property or the cart-service build's jar),
 * {@code --service-jvm="-Xmx256m -XX:TieredStopAtLevel=1"}, {@code --work=benchmarks/target/scale-out}.
 */
public final class ScaleOut {
    /** The services' JVM options unless {@code --service-jvm} says otherwise. */
    static final List<String> SERVICE_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");

    private ScaleOut() {
    }

    /**
     * Runs the checks and prints the table.
     *
     * @param args {@code --name=value} options (see the class comment)
     * @throws Exception when the topology cannot be started
     */
    public static void main(String[] args) throws Exception {
        int clients = 16;
        long seed = 14;
        Path jar = ServiceProcess.defaultJar();
        List<String> serviceJvm = SERVICE_JVM;
        Path work = Path.of("benchmarks", "target", "scale-out");
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            String value = pair.length > 1 ? pair[1] : "";
            switch (pair[0]) {
                case "clients" -> clients = Integer.parseInt(value);
                case "seed" -> seed = Long.parseLong(value);
                case "jar" -> jar = Path.of(value);
                case "service-jvm" -> serviceJvm = value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
                case "work" -> work = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + arg
                        + " (--clients= --seed= --jar= --service-jvm= --work=)");
            }
        }
        Files.createDirectories(work);
        Instant started = Instant.now();
        System.out.printf("scale-out: %s, %d cores, load %s, %d clients, services %s%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), clients, serviceJvm);
        long begin = System.nanoTime();
        List<Verdict> verdicts;
        try (Topology topology = Topology.start(work, jar, serviceJvm, 3)) {
            System.out.printf("topology up in %.1f s: PostgreSQL %s, Redis Cluster %s, Kafka %s, services %s (ready after %s)%n",
                    (System.nanoTime() - begin) / 1e9, topology.postgres().jdbcUrl(), topology.redis().clusterNodesProperty(),
                    topology.kafka().bootstrapServers(), topology.instances(),
                    topology.startups().stream().map(d -> String.format("%.1f s", d.toMillis() / 1000.0)).toList());
            verdicts = new ScaleOutSuite(topology, clients, seed).all();
        }
        System.out.println();
        System.out.println(table(verdicts));
        System.out.printf("finished in %.0f s, load %s%n", Duration.ofNanos(System.nanoTime() - begin).toMillis() / 1000.0,
                loadAverage());
        String results = System.getenv("CARTFLOW_RESULTS");
        if (results != null && !results.isBlank()) {
            System.out.println("rows appended to " + Results.append(Path.of(results), Results.rows(verdicts, started)));
        }
        if (verdicts.stream().anyMatch(v -> v.status() == Verdict.Status.FAIL)) {
            System.exit(1);
        }
    }

    /** The verdicts as a Markdown table. */
    static String table(List<Verdict> verdicts) {
        List<String> lines = new ArrayList<>();
        lines.add("| check | verdict | figures | detail |");
        lines.add("|---|---|---|---|");
        for (Verdict verdict : verdicts) {
            lines.add("| " + verdict.check() + " | " + verdict.status() + " | " + verdict.figuresText().replace("|", "/")
                    + " | " + verdict.detail().replace("|", "/") + " |");
        }
        return String.join(System.lineSeparator(), lines);
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException | RuntimeException unavailable) {
            return "?";
        }
    }
}
