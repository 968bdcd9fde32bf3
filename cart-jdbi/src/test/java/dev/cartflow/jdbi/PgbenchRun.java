package dev.cartflow.jdbi;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One pgbench run of the three scripts of {@link PgbenchScripts} weighted 70/25/5 ({@code -M
 * prepared}), for {@link LoadDriver}: its report row, its CPU time (through time(1) when it is
 * there) and its result row for benchmarks/run-all.sh. {@code variant} names the scripts' form:
 * {@code pgbench} for the bound form (the ceiling the targets are judged on), {@code pgbench-constants}
 * for the constants form; {@code variables} are the bound form's ({@code -D}).
 */
final class PgbenchRun {
    private PgbenchRun() {
    }

    /** One form of the three scripts: its variant name, its folder and its variables. */
    record Scripts(String variant, Path dir, java.util.Map<String, String> variables) {
    }

    static String run(CpuUsage cpu, String pgbench, String url, String schema, Scripts form, int workers,
                      int seconds, String results) throws Exception {
        String variant = form.variant();
        Path scripts = form.dir();
        Instant started = Instant.now();
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        String user = "postgres";
        String password = "";
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                String[] parts = kv.split("=", 2);
                if (parts[0].equals("user")) {
                    user = parts[1];
                } else if (parts[0].equals("password") && parts.length > 1) {
                    password = parts[1];
                }
            }
        }
        Path times = scripts.resolve("pgbench-" + workers + ".cpu");
        List<String> timed = Files.isExecutable(Path.of("/usr/bin/time"))
                ? List.of("/usr/bin/time", "-f", "%U %S", "-o", times.toString()) : List.of();
        List<String> command = new ArrayList<>(timed);
        command.addAll(List.of(pgbench, "-n", "-M", "prepared", "-h", uri.getHost(), "-p",
                Integer.toString(uri.getPort()), "-U", user, "-c", Integer.toString(workers), "-j",
                Integer.toString(Math.min(workers, 4)), "-T", Integer.toString(seconds), "-r",
                "-f", scripts.resolve("read.sql") + "@70",
                "-f", scripts.resolve("change.sql") + "@25",
                "-f", scripts.resolve("checkout.sql") + "@5"));
        form.variables().forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGOPTIONS", "-c search_path=" + schema);
        builder.environment().put("PGPASSWORD", password);
        return cpu.external(variant, workers, seconds, () -> {
            try {
                Process process = builder.start();
                String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IllegalStateException("pgbench failed:\n" + out);
                }
                return row(out, variant, scripts, workers, seconds, started, results);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, () -> clientNanos(times));
    }

    /** The user and system time written by time(1), or -1. */
    private static long clientNanos(Path times) {
        try {
            String[] f = Files.readString(times).trim().split("\\s+");
            return (long) ((Double.parseDouble(f[f.length - 2]) + Double.parseDouble(f[f.length - 1])) * 1e9);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String row(String output, String variant, Path scripts, int workers, int seconds, Instant started,
                              String results) throws IOException {
        Files.writeString(scripts.resolve("pgbench-" + workers + ".txt"), output);
        double tps = 0;
        double latency = 0;
        long failed = 0;
        for (String line : output.split("\n")) {
            if (line.startsWith("tps = ")) {
                tps = Double.parseDouble(line.substring(6).split(" ")[0]);
            } else if (line.startsWith("latency average = ")) {
                latency = Double.parseDouble(line.substring(18).split(" ")[0]);
            } else if (line.startsWith("number of failed transactions: ")) {
                failed = Long.parseLong(line.substring(31).split(" ")[0]);
            }
        }
        LoadDriver.appendResult(results, LoadDriver.row("variant", variant, "clients", workers, "throughput", tps,
                "latency_avg_ms", latency, "errors", failed, "seconds", seconds, "started", started.toString()));
        return String.format("%-8s %-8d %10.0f %10s %10s %10s   (latency avg %.2f ms; per-script detail in %s)",
                variant, workers, tps, "-", "-", "-", latency, scripts.resolve("pgbench-" + workers + ".txt"));
    }
}
