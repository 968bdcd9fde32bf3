package dev.cartflow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Says whether the {@code pg_dump} on the PATH can dump a server: pg_dump refuses a server of a newer
 * major version than its own, so Debian 12's PostgreSQL 15 client cannot dump the 17 server the tests
 * run (and the embedded binaries hold no pg_dump at all). The drill reports it beside its result.
 */
final class PgDumpProbe {
    private PgDumpProbe() {
    }

    /**
     * A sentence on pg_dump and this server, for the drill's report: it runs {@code pg_dump --schema-only}
     * against the server and quotes what pg_dump said when it failed.
     */
    static String describe(DataSource server, int port, String user, String database) throws SQLException {
        int serverMajor;
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version_num")) {
            version.next();
            serverMajor = Integer.parseInt(version.getString(1)) / 10_000;
        }
        String version = run("pg_dump", "--version");
        if (version == null) {
            return "none on the PATH; the server is PostgreSQL " + serverMajor;
        }
        String failure = run("pg_dump", "--schema-only", "--file=/dev/null", "--host=127.0.0.1",
                "--port=" + port, "--username=" + user, "--dbname=" + database);
        return failure == null
                ? version + ": its run failed to start"
                : failure.isEmpty() ? version + ": dumps this PostgreSQL " + serverMajor + " server"
                : version + ": cannot dump this PostgreSQL " + serverMajor + " server: "
                        + failure.lines().findFirst().orElse("") + " (the drill's base backup needs no client tool)";
    }

    /**
     * Runs a command; its output when it failed, or for {@code --version} its output; empty when a dump
     * succeeded; null when it cannot be run.
     */
    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            boolean versionAsked = command.length == 2 && command[1].equals("--version");
            return process.exitValue() == 0 && !versionAsked ? "" : out;
        } catch (IOException notInstalled) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
