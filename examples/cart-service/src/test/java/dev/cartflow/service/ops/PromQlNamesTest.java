package dev.cartflow.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {
    @Test
    void of_functionsMatchersLabelListsAndNumbers_leavesOnlyTheMetricNames() {
        String expr = "histogram_quantile(0.99, sum by (operation, le) (rate(cartflow_operations_seconds_bucket"
                + "{code!=\"none\",uri=~\"/carts/{id}\"}[5m]))) > 1e3 and on (job) up == 0";

        assertThat(PromQlNames.of(expr)).containsExactlyInAnyOrder("cartflow_operations_seconds_bucket", "up");
    }

    @Test
    void of_recordingRuleNamesAndSubqueries_areNamesWithTheirColons() {
        String expr = "cartflow:operations_errors:rate5m / ignoring(x) deriv(max(cartflow_outbox_pending)[10m:1m])";

        assertThat(PromQlNames.of(expr)).containsExactlyInAnyOrder("cartflow:operations_errors:rate5m",
                "cartflow_outbox_pending");
    }
}
