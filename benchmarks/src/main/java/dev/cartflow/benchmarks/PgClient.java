package dev.cartflow.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pg_dump} and {@code pg_restore} the restore drill runs, and their major version. pg_dump
 * refuses a server of a newer major version than its own ("server version mismatch"), so the drill
 * needs to know it before it chooses the server to dump. Found, first match wins: an explicit pg_dump
 * path, an explicit directory, the {@code PG_DUMP} (a pg_dump path) and {@code PG_BIN} (a directory)
 * environment variables, then the PATH. pg_restore is taken from pg_dump's directory, or from the PATH
 * when that directory has none.
 *
 * @param pgDump    the pg_dump executable
 * @param pgRestore the pg_restore executable
 * @param version   what {@code pg_dump --version} printed
 * @param major     pg_dump's major version
 */
record PgClient(Path pgDump, Path pgRestore, String version, int major) {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
    private static final long TIMEOUT_MINUTES = 10;

    /**
     * Where to look first; null fields are not given.
     *
     * @param pgDump an explicit pg_dump path
     * @param pgBin  an explicit directory holding pg_dump and pg_restore
     */
    record Lookup(String pgDump, String pgBin) {
        /** Nothing given: the environment, then the PATH. */
        static final Lookup DEFAULT = new Lookup(null, null);
    }

    /**
     * Finds the client tools and asks pg_dump its version.
     *
     * @param lookup      the explicit choices
     * @param environment the environment to read {@code PG_DUMP}, {@code PG_BIN} and {@code PATH} from
     * @return the tools
     * @throws IOException when no pg_dump is found, or it cannot tell its version
     */
    static PgClient locate(Lookup lookup, Map<String, String> environment) throws IOException {
        Path pgDump = find(lookup, environment).orElseThrow(() -> new IOException(
                "no pg_dump found (give --pg-dump=PATH or --pg-bin=DIR, set PG_DUMP or PG_BIN, or put one on the"
                        + " PATH; on Debian: apt-get install -y --no-install-recommends postgresql-client)"));
        Path sibling = pgDump.resolveSibling("pg_restore");
        Path pgRestore = Files.isExecutable(sibling) ? sibling
                : onPath("pg_restore", environment).orElseThrow(() -> new IOException("no pg_restore beside "
                        + pgDump + " or on the PATH"));
        String version = output(List.of(pgDump.toString(), "--version"));
        int major = major(version);
        int restoreMajor = major(output(List.of(pgRestore.toString(), "--version")));
        if (restoreMajor < major) {
            // an archive is readable only by a pg_restore at least as new as the pg_dump that wrote it
            throw new IOException(pgRestore + " is PostgreSQL " + restoreMajor + ", older than " + version);
        }
        return new PgClient(pgDump, pgRestore, version, major);
    }

    /**
     * The major version in a {@code --version} line such as {@code pg_dump (PostgreSQL) 15.18 (Debian ...)}.
     *
     * @throws IOException when the line names no version
     */
    static int major(String versionLine) throws IOException {
        Matcher matcher = VERSION.matcher(versionLine);
        if (!matcher.find()) {
            throw new IOException("not a PostgreSQL client's version: " + versionLine);
        }
        return Integer.parseInt(matcher.group(1));
    }

    /**
     * Dumps one database of a server on 127.0.0.1 in the custom format.
     *
     * @throws IOException when pg_dump fails; its message is pg_dump's own
     */
    void dump(int port, String user, String database, Path file) throws IOException {
        run(List.of(pgDump.toString(), "--format=custom", "--file=" + file, "--host=127.0.0.1", "--port=" + port,
                "--username=" + user, "--dbname=" + database, "--no-password"));
    }

    /**
     * Restores a custom-format dump into an empty database of a server on 127.0.0.1, all or nothing:
     * one transaction, stopping at the first error; objects owned by the connecting user.
     *
     * @throws IOException when pg_restore fails; its message is pg_restore's own
     */
    void restore(Path file, int port, String user, String database) throws IOException {
        run(List.of(pgRestore.toString(), "--dbname=" + database, "--host=127.0.0.1", "--port=" + port,
                "--username=" + user, "--no-password", "--no-owner", "--single-transaction", "--exit-on-error",
                file.toString()));
    }

    private static Optional<Path> find(Lookup lookup, Map<String, String> environment) {
        if (lookup.pgDump() != null) {
            return Optional.of(Path.of(lookup.pgDump()));
        }
        if (lookup.pgBin() != null) {
            return Optional.of(Path.of(lookup.pgBin(), "pg_dump"));
        }
        if (environment.get("PG_DUMP") != null && !environment.get("PG_DUMP").isBlank()) {
            return Optional.of(Path.of(environment.get("PG_DUMP")));
        }
        if (environment.get("PG_BIN") != null && !environment.get("PG_BIN").isBlank()) {
            return Optional.of(Path.of(environment.get("PG_BIN"), "pg_dump"));
        }
        return onPath("pg_dump", environment);
    }

    private static Optional<Path> onPath(String tool, Map<String, String> environment) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return Optional.of(Path.of(directory, tool));
            }
        }
        return Optional.empty();
    }

    private static String output(List<String> command) throws IOException {
        return run(command).lines().findFirst().orElse("");
    }

    /** Runs a command to its end; its output, or an IOException quoting it when it failed. */
    private static String run(List<String> command) throws IOException {
        // the output goes to a file, so that the time-out holds even when the tool never closes its output
        Path log = Files.createTempFile("pg-client-", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IOException(command.get(0) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + command.get(0) + " ran", e);
            }
            String out = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0) {
                throw new IOException(Path.of(command.get(0)).getFileName() + " exited " + process.exitValue()
                        + ": " + String.join(" / ", out.lines().limit(5).toList()));
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
