package dev.cartflow.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A directory with a pg_dump and a pg_restore that only tell their version, for the lookup's tests. */
final class FakePgClient {
    private FakePgClient() {
    }

    static Path tools(Path parent, String name, int dumpMajor, int restoreMajor) throws IOException {
        Path bin = Files.createDirectories(parent.resolve(name));
        script(bin.resolve("pg_dump"), "pg_dump (PostgreSQL) " + dumpMajor + ".1");
        script(bin.resolve("pg_restore"), "pg_restore (PostgreSQL) " + restoreMajor + ".1");
        return bin;
    }

    private static void script(Path file, String versionLine) throws IOException {
        Files.writeString(file, "#!/bin/sh\necho '" + versionLine + "'\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
