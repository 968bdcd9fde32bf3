package dev.cartflow.benchmarks;

import dev.cartflow.benchmarks.DrillSteps.StepFailed;
import dev.cartflow.benchmarks.servers.LocalPostgres;
import dev.cartflow.jdbi.CartFlowSchema;
import dev.cartflow.model.CartId;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The restore drill of docs/backup.md, in two phases, each on a source server filled with carts through
 * the engine on cart-jdbi and a fresh server restored from it, compared with {@link DrillState}: the same
 * carts with the same versions and lines (the whole cart read through the engine), the same totals
 * priced by the engine, the same outbox rows, the same row count in every table, the same schema version.
 * <ul>
 *   <li>base backup: an online physical backup of a PostgreSQL 17 server ({@link BaseBackup}), and a
 *       server started on it;</li>
 *   <li>dump: {@code pg_dump --format=custom} of the source and {@code pg_restore} into a fresh
 *       PostgreSQL 17 server. pg_dump refuses a newer server than itself, so when the pg_dump found
 *       ({@link PgClient}) is older than 17 the source runs on the binaries of pg_dump's major version
 *       that the build bundles ({@link BundledPostgres}): the restore is then also a major upgrade.</li>
 * </ul>
 * Prints each step and each check, {@code ok} or {@code FAIL}, and exits 1 when one failed.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.RestoreDrill
 * [--pg-dump=PATH | --pg-bin=DIR] [carts] [seed] [work directory]} (defaults 300, 15,
 * {@code benchmarks/target/restore-drill}).
 */
public final class RestoreDrill {
    private static final int MAX_CONNECTIONS = 20;

    private RestoreDrill() {
    }

    /** The two ways the drill backs a server up and restores it. */
    enum Phase {
        BASE_BACKUP("base backup"), DUMP("dump");

        private final String label;

        Phase(String label) {
            this.label = label;
        }
    }

    /** What a test does to a restored server before it is compared, to show that a difference fails. */
    @FunctionalInterface
    interface BeforeCompare {
        /** Leaves the restored server as it is. */
        BeforeCompare NOTHING = (restored, carts) -> { };

        void change(DataSource restored, List<CartId> carts) throws SQLException;
    }

    /**
     * How to run the drill.
     *
     * @param carts         how many carts to fill per phase
     * @param seed          the seed of the random changes
     * @param work          where the servers' data, the backup and the dump go
     * @param phases        the phases to run, in their order
     * @param pgClient      where to look for pg_dump first
     * @param beforeCompare what to do to each restored server before it is compared
     * @param out           where the steps and checks are printed
     */
    record Options(int carts, long seed, Path work, Set<Phase> phases, PgClient.Lookup pgClient,
                   BeforeCompare beforeCompare, PrintStream out) {
        Options {
            phases = phases.isEmpty() ? EnumSet.noneOf(Phase.class) : EnumSet.copyOf(phases);
        }
    }

    /**
     * What one drill found.
     *
     * @param carts      the carts filled and checked per phase
     * @param checks     each check by name, true when it passed; a failed step is a failed check
     * @param stepMillis each step that ended well by name, with how long it took in milliseconds
     */
    public record Result(int carts, Map<String, Boolean> checks, Map<String, Long> stepMillis) {
        /** @return true when every check passed */
        public boolean passed() {
            return !checks.isEmpty() && checks.values().stream().allMatch(Boolean::booleanValue);
        }
    }

    /**
     * Runs the drill.
     *
     * @param args optional: {@code --pg-dump=PATH} or {@code --pg-bin=DIR}, then the number of carts, the
     *             seed and the work directory
     * @throws IOException when a server cannot be stopped
     */
    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        String pgDump = null;
        String pgBin = null;
        for (String arg : args) {
            if (arg.startsWith("--pg-dump=")) {
                pgDump = arg.substring("--pg-dump=".length());
            } else if (arg.startsWith("--pg-bin=")) {
                pgBin = arg.substring("--pg-bin=".length());
            } else {
                positional.add(arg);
            }
        }
        int carts = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 300;
        long seed = positional.size() > 1 ? Long.parseLong(positional.get(1)) : 15;
        Path work = Path.of(positional.size() > 2 ? positional.get(2) : "benchmarks/target/restore-drill");
        Result result = run(new Options(carts, seed, work, EnumSet.allOf(Phase.class),
                new PgClient.Lookup(pgDump, pgBin), BeforeCompare.NOTHING, System.out));
        System.out.println(result.passed() ? "restore drill: PASS" : "restore drill: FAIL");
        System.exit(result.passed() ? 0 : 1);
    }

    /**
     * Runs both phases, with the pg_dump of the environment or the PATH, printing to standard output.
     *
     * @param carts how many carts to fill per phase
     * @param seed  the seed of the random changes
     * @param work  where the servers' data, the backup and the dump go
     * @return what the drill found
     * @throws IOException when a server cannot be stopped
     */
    public static Result run(int carts, long seed, Path work) throws IOException {
        return run(new Options(carts, seed, work, EnumSet.allOf(Phase.class), PgClient.Lookup.DEFAULT,
                BeforeCompare.NOTHING, System.out));
    }

    /**
     * Runs the phases asked for; every server it starts is stopped, and every directory and file it
     * makes under the work directory removed, before it returns. A phase whose step fails is left there
     * (the failure is printed and is a failed check) and the next one runs.
     *
     * @throws IOException when a server cannot be stopped
     */
    static Result run(Options options) throws IOException {
        DrillSteps steps = new DrillSteps(options.out());
        for (Phase phase : options.phases()) {
            try {
                if (phase == Phase.BASE_BACKUP) {
                    baseBackup(options, steps);
                } else {
                    dump(options, steps);
                }
            } catch (StepFailed printedAndRecorded) {
                steps.note(phase.label + ": left after the failed step");
            }
        }
        return new Result(options.carts(), steps.checks(), steps.millis());
    }

    private static void baseBackup(Options options, DrillSteps steps) throws StepFailed, IOException {
        String phase = Phase.BASE_BACKUP.label;
        Path backup = options.work().toAbsolutePath().resolve("base-backup-" + System.nanoTime());
        try (LocalPostgres source = steps.run(phase + ": start PostgreSQL " + BundledPostgres.defaultVersion()
                + " (the source)", () -> LocalPostgres.start(options.work(), MAX_CONNECTIONS))) {
            Filled filled = fill(phase, source, options, steps);
            steps.run(phase + ": take an online base backup (pg_backup_start, copy, pg_backup_stop, WAL)", () -> {
                try (Connection connection = source.connect()) {
                    BaseBackup.take(connection, backup);
                }
                return null;
            });
            try (EmbeddedPostgres restored = steps.run(phase + ": start a fresh server on the backup (WAL replay)",
                    () -> startOn(backup))) {
                String url = "jdbc:postgresql://127.0.0.1:" + restored.getPort() + "/" + LocalPostgres.DATABASE;
                compare(phase, dataSource(url, source.username()), filled, options, steps);
            }
        } finally {
            BaseBackup.delete(backup);
        }
    }

    private static void dump(Options options, DrillSteps steps) throws StepFailed, IOException {
        String phase = Phase.DUMP.label;
        PgClient client = steps.run(phase + ": find pg_dump and pg_restore",
                () -> PgClient.locate(options.pgClient(), System.getenv()),
                found -> found.version() + " at " + found.pgDump() + ", " + found.pgRestore());
        int serverMajor = BundledPostgres.defaultMajor();
        BundledPostgres binaries = steps.run(phase + ": choose the source's PostgreSQL for pg_dump " + client.major(),
                () -> BundledPostgres.forPgDump(client.major()),
                chosen -> chosen.map(older -> "pg_dump " + client.major() + " refuses PostgreSQL " + serverMajor
                                + ", so the source runs on the bundled PostgreSQL " + older.version())
                        .orElse("pg_dump " + client.major() + " dumps PostgreSQL " + serverMajor + " directly"))
                .orElse(null);
        String sourceVersion = binaries == null ? BundledPostgres.defaultVersion() : binaries.version();
        Path dumpFile = options.work().toAbsolutePath().resolve("cartflow-" + System.nanoTime() + ".dump");
        try {
            Filled filled;
            try (LocalPostgres source = steps.run(phase + ": start PostgreSQL " + sourceVersion + " (the source)",
                    () -> LocalPostgres.start(options.work(), MAX_CONNECTIONS, binaries))) {
                filled = fill(phase, source, options, steps);
                steps.run(phase + ": pg_dump --format=custom", () -> {
                    client.dump(source.port(), source.username(), LocalPostgres.DATABASE, dumpFile);
                    return Files.size(dumpFile);
                }, bytes -> bytes + " bytes");
            }
            // the source is gone before the restore starts: the dump alone carries the carts
            try (LocalPostgres restored = steps.run(phase + ": start a fresh PostgreSQL "
                    + BundledPostgres.defaultVersion(), () -> LocalPostgres.start(options.work(), MAX_CONNECTIONS))) {
                steps.run(phase + ": pg_restore into it (one transaction, stop at the first error)", () -> {
                    client.restore(dumpFile, restored.port(), restored.username(), LocalPostgres.DATABASE);
                    return null;
                });
                compare(phase, dataSource(restored.jdbcUrl(), restored.username()), filled, options, steps);
            }
        } finally {
            Files.deleteIfExists(dumpFile);
        }
    }

    /** A filled source: the carts made and everything the comparison reads. */
    private record Filled(List<CartId> ids, DrillState state) {
    }

    private static Filled fill(String phase, LocalPostgres source, Options options, DrillSteps steps)
            throws StepFailed {
        DataSource data = dataSource(source.jdbcUrl(), source.username());
        steps.run(phase + ": apply the schema (Flyway)",
                () -> CartFlowSchema.of(data).migrate(),
                applied -> applied + " migrations on PostgreSQL " + quietVersion(data));
        List<CartId> ids = steps.run(phase + ": fill " + options.carts() + " carts through the engine (seed "
                + options.seed() + ")", () -> DrillShop.fill(DrillShop.engine(data), options.carts(),
                new Random(options.seed())));
        DrillState state = steps.run(phase + ": read the source's carts, totals, outbox, row counts",
                () -> DrillState.read(data, ids), read -> read.outbox().size() + " outbox rows");
        return new Filled(ids, state);
    }

    private static void compare(String phase, DataSource restored, Filled source, Options options,
                                DrillSteps steps) throws StepFailed {
        if (options.beforeCompare() != BeforeCompare.NOTHING) {
            steps.run(phase + ": change the restored server before the comparison (a test's)", () -> {
                options.beforeCompare().change(restored, source.ids());
                return null;
            });
        }
        DrillState after = steps.run(phase + ": read the restored server's carts, totals, outbox, row counts",
                () -> DrillState.read(restored, source.ids()), read -> "PostgreSQL " + quietVersion(restored));
        steps.check(source.state().compare(phase, after));
    }

    /** A server on a base backup's directory, kept when it stops (the drill deletes it itself). */
    private static EmbeddedPostgres startOn(Path backup) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(freePort())
                .setDataDirectory(backup)
                .setCleanDataDirectory(false)
                // replaying the backup's WAL on a busy machine takes longer than the default 10 s
                .setPGStartupWait(Duration.ofSeconds(120))
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
    }

    /** The server's version for the log; what went wrong instead, since a log line must not fail a step. */
    private static String quietVersion(DataSource data) {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version")) {
            version.next();
            return version.getString(1);
        } catch (SQLException e) {
            return "(version unknown: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
            socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        }
    }

    private static DataSource dataSource(String url, String user) {
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setUrl(url);
        data.setUser(user);
        return data;
    }
}
