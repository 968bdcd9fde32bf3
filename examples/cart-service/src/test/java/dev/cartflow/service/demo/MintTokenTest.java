package dev.cartflow.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.service.CartServiceApplication;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The {@code mint-token} command: its output verifies with {@link HmacTokenVerifier} under the key it was given. */
class MintTokenTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String variable, String... args) {
        return MintToken.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), name -> MintToken.KEY_VARIABLE.equals(name) ? variable : null);
    }

    private String token() {
        return out.toString(StandardCharsets.UTF_8).trim();
    }

    private static String randomKey() {
        byte[] key = new byte[HmacTokenVerifier.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static HmacTokenVerifier verifier(String base64, Instant at) {
        return new HmacTokenVerifier(Base64.getDecoder().decode(base64), Clock.fixed(at, ZoneOffset.UTC));
    }

    @Test
    void run_customerWithKeyOption_printsOnlyATokenForThatCustomer() {
        String key = randomKey();

        int status = run(null, "--customer=alice", "--key=" + key);

        assertThat(status).isZero();
        assertThat(token()).doesNotContain(" ", "\n");
        assertThat(verifier(key, Instant.now()).verify(token())).contains(new Principal.Customer("alice"));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void run_staffReadOnlyWithEnvironmentKey_printsAReadOnlySupportToken() {
        String key = randomKey();

        int status = run(key, "--staff=agent-7", "--reason=TICKET-1", "--read-only");

        assertThat(status).isZero();
        assertThat(verifier(key, Instant.now()).verify(token()))
                .contains(new Principal.Staff("agent-7", "TICKET-1", true));
    }

    @Test
    void run_lifetime_tokenExpiresAfterIt() {
        String key = randomKey();

        run(key, "--customer=alice", "--lifetime=PT1M");

        assertThat(verifier(key, Instant.now().plusSeconds(30)).verify(token())).isPresent();
        assertThat(verifier(key, Instant.now().plus(Duration.ofMinutes(2))).verify(token())).isEmpty();
    }

    @Test
    void run_noKeyAnywhere_signsWithTheDemoKeyAndWarnsOnStandardError() {
        int status = run(null, "--customer=alice");

        assertThat(status).isZero();
        assertThat(verifier(MintToken.demoKey(), Instant.now()).verify(token()))
                .contains(new Principal.Customer("alice"));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("DEMO key");
        assertThat(token()).doesNotContain("DEMO");
    }

    @Test
    void run_keyOptionAndEnvironment_theOptionWins() {
        String option = randomKey();

        run(randomKey(), "--customer=alice", "--key=" + option);

        assertThat(verifier(option, Instant.now()).verify(token())).isPresent();
    }

    @Test
    void run_staffWithoutReason_failsWithUsageAndPrintsNoToken() {
        int status = run(randomKey(), "--staff=agent-7");

        assertThat(status).isEqualTo(2);
        assertThat(token()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--reason", "usage");
    }

    @Test
    void run_customerAndStaff_failsWithUsage() {
        assertThat(run(randomKey(), "--customer=alice", "--staff=agent-7", "--reason=T-1")).isEqualTo(2);
        assertThat(token()).isEmpty();
    }

    @Test
    void run_unknownOptionOrBadLifetimeOrShortKey_failsWithUsage() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[8]);

        assertThat(run(randomKey(), "--customer=alice", "--role=admin")).isEqualTo(2);
        assertThat(run(randomKey(), "--customer=alice", "--lifetime=12h")).isEqualTo(2);
        assertThat(run(null, "--customer=alice", "--key=" + shortKey)).isEqualTo(2);
        assertThat(token()).isEmpty();
    }

    @Test
    void main_mintTokenCommand_printsATokenInsteadOfStartingTheService() {
        String key = randomKey();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CartServiceApplication.main(new String[] {"mint-token", "--customer=carol", "--key=" + key});
        } finally {
            System.setOut(original);
        }

        assertThat(verifier(key, Instant.now()).verify(token())).contains(new Principal.Customer("carol"));
    }
}
