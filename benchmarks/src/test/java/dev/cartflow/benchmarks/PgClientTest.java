package dev.cartflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the restore drill finds pg_dump and pg_restore and reads their major version. */
class PgClientTest {
    @TempDir
    Path directory;

    @Test
    void major_debianVersionLine_theMajorVersion() throws IOException {
        assertThat(PgClient.major("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)")).isEqualTo(15);
        assertThat(PgClient.major("pg_restore (PostgreSQL) 17.2")).isEqualTo(17);
    }

    @Test
    void major_notAPostgresClient_fails() {
        assertThatThrownBy(() -> PgClient.major("mysqldump  Ver 10.19")).isInstanceOf(IOException.class)
                .hasMessageContaining("not a PostgreSQL client's version");
    }

    @Test
    void locate_optionBeforeEnvironmentBeforePath_theFirstGivenWins() throws IOException {
        Path onPath = tools("path", 16, 16);
        Path fromEnvironment = tools("environment", 17, 17);
        Path fromOption = tools("option", 18, 18);
        Map<String, String> environment = Map.of("PATH", onPath.toString(), "PG_BIN", fromEnvironment.toString());

        assertThat(PgClient.locate(PgClient.Lookup.DEFAULT, Map.of("PATH", onPath.toString())).major()).isEqualTo(16);
        PgClient fromEnv = PgClient.locate(PgClient.Lookup.DEFAULT, environment);
        assertThat(fromEnv.major()).isEqualTo(17);
        assertThat(fromEnv.pgRestore()).isEqualTo(fromEnvironment.resolve("pg_restore"));
        assertThat(PgClient.locate(new PgClient.Lookup(null, fromOption.toString()), environment).major())
                .isEqualTo(18);
        assertThat(PgClient.locate(new PgClient.Lookup(fromOption.resolve("pg_dump").toString(), null), environment)
                .pgDump()).isEqualTo(fromOption.resolve("pg_dump"));
    }

    @Test
    void locate_pgRestoreOlderThanPgDump_fails() throws IOException {
        Path mixed = tools("mixed", 17, 15);

        assertThatThrownBy(() -> PgClient.locate(new PgClient.Lookup(null, mixed.toString()), Map.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("older than");
    }

    @Test
    void locate_nothingAnywhere_failsSayingWhereItLooked() {
        assertThatThrownBy(() -> PgClient.locate(PgClient.Lookup.DEFAULT, Map.of("PATH", directory.toString())))
                .isInstanceOf(IOException.class).hasMessageContaining("no pg_dump found").hasMessageContaining("PG_BIN");
    }

    private Path tools(String name, int dumpMajor, int restoreMajor) throws IOException {
        return FakePgClient.tools(directory, name, dumpMajor, restoreMajor);
    }
}
