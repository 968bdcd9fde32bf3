package dev.cartflow.benchmarks.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The load's bookkeeping and the rows it becomes, without servers. */
class LedgerTest {
    @Test
    void acknowledged_randomAdds_sumPerCartAndSkuAndHighestVersion() {
        SplittableRandom random = new SplittableRandom(7);
        Ledger ledger = new Ledger();
        Map<String, Long> expected = new LinkedHashMap<>();
        long highest = 0;
        for (int i = 0; i < 200; i++) {
            String sku = "S" + random.nextInt(3);
            int quantity = 1 + random.nextInt(4);
            long version = 2 + random.nextInt(500);
            ledger.acknowledged("cart", sku, quantity, version);
            expected.merge(sku, (long) quantity, Long::sum);
            highest = Math.max(highest, version);
        }
        for (Map.Entry<String, Long> sku : expected.entrySet()) {
            assertThat(ledger.acknowledgedQuantity("cart", sku.getKey())).isEqualTo(sku.getValue());
        }
        assertThat(ledger.acknowledgedChanges("cart")).isEqualTo(200);
        assertThat(ledger.acknowledgedVersion("cart")).isEqualTo(highest);
        assertThat(ledger.acknowledgedVersion("other")).isZero();
    }

    @Test
    void read_versionBelowTheAcknowledgedFloor_countsAsStale() {
        Ledger ledger = new Ledger();
        ledger.read(5, 5);
        ledger.read(5, 9);
        ledger.read(5, 4);
        assertThat(ledger.reads()).isEqualTo(3);
        assertThat(ledger.staleReads()).isEqualTo(1);
    }

    @Test
    void refused_sameStatusAndCode_countedTogether() {
        Ledger ledger = new Ledger();
        ledger.refused(409, "CART_NOT_ACTIVE");
        ledger.refused(409, "CART_NOT_ACTIVE");
        ledger.refused(503, "");
        assertThat(ledger.refusals()).containsExactly(Map.entry("409 CART_NOT_ACTIVE", 2L), Map.entry("503", 1L));
    }

    @Test
    void row_verdictWithFigures_isOneJsonObjectOfTheSharedFormat() throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("clients", 16);
        figures.put("unresolved", 2L);
        Verdict verdict = Verdict.of("concurrent-adds", false, figures, "why");
        Instant started = Instant.parse("2026-12-01T19:00:00Z");
        JsonNode row = new ObjectMapper().readTree(Results.row(verdict, started));
        assertThat(row.path("suite").asText()).isEqualTo(Results.SUITE);
        assertThat(row.path("variant").asText()).isEqualTo(verdict.check());
        assertThat(row.path("passed").asBoolean(true)).isFalse();
        assertThat(row.path("clients").isInt()).isTrue();
        assertThat(row.path("clients").asInt()).isEqualTo(16);
        assertThat(row.path("errors").asLong()).isEqualTo(2L);
        assertThat(row.path("started").asText()).isEqualTo(started.toString());
        assertThat(ScaleOut.table(List.of(verdict))).contains("| concurrent-adds | FAIL | clients=16, unresolved=2 | why |");
    }
}
