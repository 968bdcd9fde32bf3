package dev.cartflow.core.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Plays the pricing scenario files shipped in cart-tck with the pricing-only player, so that the
 * hand-worked figures in them are proven against this pricer before the real runner plays them.
 */
class PricingScenarioFilesTest {
    /** The files of cart-tck; another folder may be named with {@code -Dpricing.scenarios=...}. */
    static final Path DIR = Path.of(System.getProperty("pricing.scenarios",
            Path.of("..", "cart-tck", "src", "test", "resources", "scenarios", "pricing").toString()));

    @TestFactory
    Stream<DynamicTest> play_eachPricingScenarioFile_figuresMatch() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(),
                () -> ScenarioPlayer.play(f)));
    }
}
