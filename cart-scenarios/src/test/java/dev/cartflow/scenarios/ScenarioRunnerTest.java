package dev.cartflow.scenarios;

import static org.assertj.core.api.Assertions.assertThat;


import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioRunnerTest {
    @TempDir
    Path dir;

    private String play(String json) throws IOException {
        Path file = dir.resolve("s.json");
        Files.writeString(file, json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioRunner.run(List.of(file), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_unknownKey_failsNamingFileAndKey() throws IOException {
        String out = play("{\"name\":\"x\",\"catalog\":[{\"sku\":\"A\",\"price\":\"1.00\",\"prize\":1}],\"steps\":[]}");
        assertThat(out).contains("FAIL x", "s.json", "catalog[0].prize").endsWith("0 passed, 1 failed\n");
    }

    @Test
    void run_unknownStepKey_failsNamingKey() throws IOException {
        String out = play("{\"name\":\"x\",\"catalog\":[],\"steps\":[{\"op\":\"add\",\"sku\":\"A\",\"quantity\":1}]}");
        assertThat(out).contains("steps[0].quantity");
    }

    @Test
    void run_wrongExpectedFigure_failsWithDifference() throws IOException {
        String out = play("{\"name\":\"x\",\"catalog\":[{\"sku\":\"A\",\"price\":\"1.00\"}],\"steps\":["
                + "{\"op\":\"add\",\"sku\":\"A\",\"qty\":2},{\"op\":\"expect\",\"lineCount\":3}]}");
        assertThat(out).contains("FAIL x", "lineCount expected 3, got 1").contains("0 passed, 1 failed");
    }

    @Test
    void run_expectedErrorThatDoesNotHappen_fails() throws IOException {
        String out = play("{\"name\":\"x\",\"catalog\":[{\"sku\":\"A\",\"price\":\"1.00\"}],\"steps\":["
                + "{\"op\":\"add\",\"sku\":\"A\",\"qty\":2,\"expectError\":\"OUT_OF_STOCK\"}]}");
        assertThat(out).contains("expected error OUT_OF_STOCK but it succeeded");
    }

    @Test
    void run_passingScenario_countsPass() throws IOException {
        String out = play("{\"name\":\"ok\",\"catalog\":[{\"sku\":\"A\",\"price\":\"1.00\",\"stock\":1}],\"steps\":["
                + "{\"op\":\"add\",\"sku\":\"A\",\"qty\":2,\"expectError\":\"OUT_OF_STOCK\"},"
                + "{\"op\":\"expect\",\"lineCount\":0,\"state\":\"ACTIVE\"}]}");
        assertThat(out).isEqualTo("PASS ok\n1 passed, 0 failed\n");
    }
}
