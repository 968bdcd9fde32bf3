package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void parse_onlyAUrl_givesTheIssueDefaults() throws Exception {
        LoadOptions options = LoadOptions.parse("--url=http://127.0.0.1:8080");

        assertThat(options.url()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(options.jar()).isNull();
        assertThat(options.clients()).containsExactly(1, 4, 16);
        assertThat(options.serviceWarmup()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.measure()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.mix().percent(Mix.Action.READ)).isEqualTo(Mix.standard().percent(Mix.Action.READ));
        assertThat(options.skus()).isEmpty();
    }

    @Test
    void parse_overrides_replaceTheDefaults() throws Exception {
        LoadOptions options = LoadOptions.parse("--jar=x.jar", "--clients=2,8", "--warmup=1", "--measure=3",
                "--max-requests=100", "--service-warmup=0", "--mix=50,40,10", "--skus=MUG,TEA",
                "--service-jvm=-Xmx256m -XX:+UseSerialGC");

        assertThat(options.clients()).containsExactly(2, 8);
        assertThat(options.measure()).isEqualTo(Duration.ofSeconds(3));
        assertThat(options.serviceWarmup()).isZero();
        assertThat(options.maxRequests()).isEqualTo(100);
        assertThat(options.mix().percent(Mix.Action.CHECKOUT)).isEqualTo(10);
        assertThat(options.skus()).containsExactly("MUG", "TEA");
        assertThat(options.serviceJvm()).isEqualTo(List.of("-Xmx256m", "-XX:+UseSerialGC"));
    }

    @Test
    void parse_unknownOrMalformedArgument_isRefused() {
        assertThatThrownBy(() -> LoadOptions.parse("--url=http://127.0.0.1:1", "--client=4"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--client=4");
        assertThatThrownBy(() -> LoadOptions.parse("--url=http://127.0.0.1:1", "--clients=0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requireLoopback_otherHost_isRefusedAndLoopbackAccepted() throws Exception {
        assertThatThrownBy(() -> ServiceUnderLoad.requireLoopback(URI.create("http://10.1.2.3:8080")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
        ServiceUnderLoad.requireLoopback(URI.create("http://127.0.0.1:8080"));
        ServiceUnderLoad.requireLoopback(URI.create("http://localhost:8080"));
    }

    @Test
    void skus_productsArray_keepsOnlyWhatALoadCartCanHoldOneUnitAtATime() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"products": [
                  {"sku": "MUG", "countries": ["AT", "DE"], "min": 1, "max": 10, "step": 1, "inStock": true},
                  {"sku": "GONE", "inStock": false},
                  {"sku": "US-ONLY", "countries": ["US"]},
                  {"sku": "PAIRS", "step": 2},
                  {"sku": "BULK", "min": 6},
                  {"sku": "ONE", "max": 1},
                  {"sku": "DEMO-PAIRS", "minQuantity": 1, "maxQuantity": 10, "quantityStep": 2},
                  {"sku": "DEMO-BULK", "minQuantity": 6, "maxQuantity": 60, "quantityStep": 1},
                  {"sku": "DEMO-ONE", "minQuantity": 1, "maxQuantity": 2, "quantityStep": 1},
                  {"sku": "DEMO-OK", "minQuantity": 1, "maxQuantity": 5, "quantityStep": 1, "countries": []},
                  {"sku": "TEA"},
                  {"sku": "MUG"}
                ], "shippingMethods": [{"id": "STANDARD", "countries": ["DE"]}]}
                """);

        assertThat(ServiceLoad.skus(json)).containsExactly("MUG", "DEMO-OK", "TEA");
    }

    @Test
    void skus_otherShape_givesEveryDistinctSkuInOrder() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"sku\":\"MUG\",\"price\":{\"amount\":\"12.50\"}},{\"sku\":\"TEA\"},{\"sku\":\"MUG\"}]");

        assertThat(ServiceLoad.skus(json)).containsExactly("MUG", "TEA");
    }
}
