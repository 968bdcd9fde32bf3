package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgsTest {
    private static final Set<String> STRESS = ServiceOptions.with("ramp", "soak", "min-growth");

    @Test
    void duration_unitsAndBareSeconds_parse() {
        assertThat(Args.duration("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(Args.duration("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(Args.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Args.duration("30")).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> Args.duration("-1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_knownNames_readsThemTypedWithDefaults() {
        Args args = Args.parse(STRESS, "--ramp=1,2,4", "--soak=60s", "--min-growth=0.1", "--service-jvm=-Xmx256m -Xss1m");

        assertThat(args.counts("ramp", "1")).containsExactly(1, 2, 4);
        assertThat(args.duration("soak", "10m")).isEqualTo(Duration.ofSeconds(60));
        assertThat(args.fraction("min-growth", 0.05)).isEqualTo(0.1);
        assertThat(args.words("service-jvm")).containsExactly("-Xmx256m", "-Xss1m");
        assertThat(args.words("service-args")).isEmpty();
        assertThat(args.number("seed", 42)).isEqualTo(42);
    }

    @Test
    void parse_unknownName_isRefusedNamingIt() {
        assertThatThrownBy(() -> Args.parse(STRESS, "--ramps=1,2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--ramps=1,2");
        assertThatThrownBy(() -> Args.parse(STRESS, "ramp=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void counts_zeroOrNegative_isRefused() {
        assertThatThrownBy(() -> Args.parse(STRESS, "--ramp=1,0").counts("ramp", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serviceOptions_variantAndUrl_areRead() throws Exception {
        ServiceOptions options = ServiceOptions.from(Args.parse(STRESS, "--variant=in-memory",
                "--url=http://127.0.0.1:9"), "http-stress", ServiceSetup.Variant.POSTGRES_REDIS);

        assertThat(options.variant()).isEqualTo(ServiceSetup.Variant.IN_MEMORY);
        assertThat(options.jar()).isNull();
        assertThat(options.serviceLog().toString()).endsWith("http-stress-service.log");
        assertThatThrownBy(() -> ServiceSetup.Variant.named("mysql")).isInstanceOf(IllegalArgumentException.class);
    }
}
