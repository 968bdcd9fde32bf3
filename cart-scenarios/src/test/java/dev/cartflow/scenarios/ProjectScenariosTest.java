package dev.cartflow.scenarios;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Plays every scenario file of the project (src/test/resources/scenarios) through the runner. */
class ProjectScenariosTest {
    private static Path root() {
        return Path.of(System.getProperty("cartflow.scenarios.dir", "src/test/resources/scenarios"));
    }

    @TestFactory
    Stream<DynamicTest> scenarios_projectFiles_allPass() throws IOException {
        List<Path> files = ScenarioRunner.collect(root());
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(root().relativize(file).toString(), () -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ScenarioRunner.Summary summary = ScenarioRunner.run(List.of(file),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(summary.failures()).as(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(summary.passed()).isEqualTo(1);
        }));
    }
}
