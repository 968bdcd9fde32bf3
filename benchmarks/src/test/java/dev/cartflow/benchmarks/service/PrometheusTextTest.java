package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String SCRAPE = """
            # HELP hikaricp_connections_pending Pending threads
            # TYPE hikaricp_connections_pending gauge
            hikaricp_connections_pending{pool="HikariPool-1"} 3.0
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1048576.0
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9999999.0
            jvm_threads_live_threads 42.0
            cartservice_http_shed_total 7.0
            """;

    @Test
    void sum_labelFilter_addsOnlyTheMatchingSamples() {
        PrometheusText text = PrometheusText.parse(SCRAPE);

        assertThat(text.sum("jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(1048576.0 + 2097152.0);
        assertThat(text.sum("jvm_memory_used_bytes")).isEqualTo(1048576.0 + 2097152.0 + 9999999.0);
    }

    @Test
    void sum_withAndWithoutLabels_readsTheValue() {
        PrometheusText text = PrometheusText.parse(SCRAPE);

        assertThat(text.sum("hikaricp_connections_pending")).isEqualTo(3.0);
        assertThat(text.sum("jvm_threads_live_threads")).isEqualTo(42.0);
        assertThat(text.sum("cartservice_http_shed_total")).isEqualTo(7.0);
    }

    @Test
    void sum_unknownMetricOrPrefixOfAnother_isNaN() {
        PrometheusText text = PrometheusText.parse(SCRAPE);

        assertThat(text.sum("hikaricp_connections")).isNaN();
        assertThat(text.sum("jvm_threads_live")).isNaN();
    }
}
