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

/** The runner's {@code hints} key: set comparison, figure types, and format errors naming file and key. */
class HintExpectationsTest {
    /** A cart of one A at 20.00 with SPEND50 (50.00 on the order) and free shipping above 60.00. */
    private static final String WORLD = "{\"name\":\"h\",\"catalog\":[{\"sku\":\"A\",\"price\":\"20.00\"}],"
            + "\"promotions\":[{\"id\":\"SPEND50\",\"target\":{\"scope\":\"ORDER\"},"
            + "\"action\":{\"type\":\"PERCENT\",\"value\":\"10\"},\"conditions\":{\"minSubtotal\":\"50.00\"}}],"
            + "\"shipping\":[{\"id\":\"STD\",\"price\":\"4.90\",\"freeAbove\":\"60.00\"}],"
            + "\"steps\":[{\"op\":\"add\",\"sku\":\"A\",\"qty\":1},{\"op\":\"selectShipping\",\"method\":\"STD\"},"
            + "{\"op\":\"expect\",\"hints\":%s}]}";

    @TempDir
    Path dir;

    private String play(String hints) throws IOException {
        Path file = dir.resolve("hints-case.json");
        Files.writeString(file, String.format(WORLD, hints));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScenarioRunner.run(List.of(file), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void expect_sameHintsInAnyOrder_passes() throws IOException {
        String out = play("[{\"id\":\"shipping\",\"kind\":\"AMOUNT\",\"missing\":\"40.00\"},"
                + "{\"id\":\"SPEND50\",\"kind\":\"AMOUNT\",\"missing\":\"30.00\"}]");
        assertThat(out).isEqualTo("PASS h\n1 passed, 0 failed\n");
    }

    @Test
    void expect_wrongGapOrMissingOrExtraHint_failsNamingThem() throws IOException {
        assertThat(play("[{\"id\":\"shipping\",\"kind\":\"AMOUNT\",\"missing\":\"40.00\"},"
                + "{\"id\":\"SPEND50\",\"kind\":\"AMOUNT\",\"missing\":\"30.01\"}]"))
                .contains("FAIL h", "hints expected but missing [SPEND50 AMOUNT 30.01]",
                        "hints not expected [SPEND50 AMOUNT 30.00]");
        assertThat(play("[]")).contains("hints not expected [SPEND50 AMOUNT 30.00, shipping AMOUNT 40.00]");
        assertThat(play("[{\"id\":\"SPEND50\",\"kind\":\"UNITS\",\"missing\":1},"
                + "{\"id\":\"SPEND50\",\"kind\":\"AMOUNT\",\"missing\":\"30.00\"},"
                + "{\"id\":\"shipping\",\"kind\":\"AMOUNT\",\"missing\":\"40.00\"}]"))
                .contains("hints expected but missing [SPEND50 UNITS 1]").doesNotContain("not expected");
    }

    @Test
    void expect_unknownOrMissingKeyInAHint_failsNamingFileAndKey() throws IOException {
        assertThat(play("[{\"id\":\"SPEND50\",\"kind\":\"AMOUNT\",\"missing\":\"30.00\",\"code\":\"X\"}]"))
                .contains("FAIL h", "hints-case.json", "unknown key 'steps[2].hints[0].code'");
        assertThat(play("[{\"id\":\"SPEND50\",\"kind\":\"AMOUNT\"}]"))
                .contains("hints-case.json", "steps[2].hints[0]: needs 'missing'");
    }

    @Test
    void expect_figureOfTheWrongType_formatError() throws IOException {
        assertThat(play("[{\"id\":\"SPEND50\",\"kind\":\"AMOUNT\",\"missing\":30}]"))
                .contains("steps[2].hints[0].missing must be a decimal string");
        assertThat(play("[{\"id\":\"SPEND50\",\"kind\":\"UNITS\",\"missing\":\"2\"}]"))
                .contains("steps[2].hints[0].missing must be an integer");
        assertThat(play("[{\"id\":\"SPEND50\",\"kind\":\"UNITS\",\"missing\":1.5}]"))
                .contains("steps[2].hints[0].missing must be an integer");
        assertThat(play("[{\"id\":\"SPEND50\",\"kind\":\"AMOUNT\",\"missing\":\"30.001\"}]"))
                .contains("steps[2].hints[0].missing:");
        assertThat(play("[{\"id\":\"SPEND50\",\"kind\":\"MONEY\",\"missing\":\"30.00\"}]"))
                .contains("steps[2].hints[0].kind must be AMOUNT or UNITS");
        assertThat(play("{}")).contains("steps[2].hints must be a list");
    }
}
