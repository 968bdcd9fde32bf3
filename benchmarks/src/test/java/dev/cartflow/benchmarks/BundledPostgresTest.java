package dev.cartflow.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The restore drill's version rule and the older PostgreSQL binaries the build bundles for it. */
class BundledPostgresTest {
    @Test
    void defaultMajor_embeddedPostgresBinariesOfTheRootPom_seventeen() {
        assertThat(BundledPostgres.defaultVersion()).startsWith("17.");
        assertThat(BundledPostgres.defaultMajor()).isEqualTo(17);
    }

    @Test
    void forPgDump_atLeastTheDefaultMajor_theDefaultBinaries() throws IOException {
        assertThat(BundledPostgres.forPgDump(17)).isEmpty();
        assertThat(BundledPostgres.forPgDump(18)).isEmpty();
    }

    @Test
    void forPgDump_debianTwelvesFifteen_theBundledFifteen() throws IOException {
        Optional<BundledPostgres> binaries = BundledPostgres.forPgDump(15);

        assertThat(binaries).get().extracting(BundledPostgres::major).isEqualTo(15);
        assertThat(binaries.get().version()).startsWith("15.");
    }

    @Test
    void forPgDump_olderMajorNotBundled_failsSayingWhichPgDumpWould() {
        assertThatThrownBy(() -> BundledPostgres.forPgDump(16)).isInstanceOf(IOException.class)
                .hasMessageContaining("no PostgreSQL 16 binaries are bundled")
                .hasMessageContaining("give a pg_dump of 15, or of 17 or later");
    }

    @Test
    void getPgBinary_thisLinuxMachine_theBundledArchive() throws IOException {
        try (InputStream archive = BundledPostgres.forPgDump(15).orElseThrow().getPgBinary("Linux", "x86_64")) {
            byte[] magic = archive.readNBytes(6);
            // an xz stream starts with FD 37 7A 58 5A 00
            assertThat(magic).containsExactly(0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00);
        }
    }

    @Test
    void getPgBinary_anotherMachine_failsNamingWhatIsMissing() {
        assertThatThrownBy(() -> BundledPostgres.forPgDump(15).orElseThrow().getPgBinary("Darwin", "aarch64"))
                .isInstanceOf(IOException.class).hasMessageContaining("postgres-darwin-aarch64.txz");
    }
}
