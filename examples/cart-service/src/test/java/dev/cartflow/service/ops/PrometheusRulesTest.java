package dev.cartflow.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rule files of deploy/prometheus through Debian's promtool: valid, and their unit tests pass. */
class PrometheusRulesTest {
    @BeforeAll
    static void promtoolIsInstalled() {
        PrometheusServer.requireInstalled();
    }

    @Test
    void checkRules_recordingAndAlertFiles_succeed() {
        List<String> arguments = new ArrayList<>(List.of("check", "rules"));
        PrometheusServer.RULE_FILES.forEach(file -> arguments.add(file.toString()));

        PrometheusServer.Result result = PrometheusServer.promtool(arguments.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void testRules_unitTestsOfTheMainAlerts_pass() {
        PrometheusServer.Result result = PrometheusServer.promtool("test", "rules",
                Path.of("deploy", "prometheus", "cartflow-rules.test.yml").toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS").doesNotContain("FAILED");
    }
}
