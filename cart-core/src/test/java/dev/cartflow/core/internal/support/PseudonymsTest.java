package dev.cartflow.core.internal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PseudonymsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    /** The definition, computed here with a MAC of its own: HMAC-SHA256(kind, 0, value), first 16 bytes. */
    private static String expected(String kind, String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        mac.update(kind.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    @Test
    void of_repeatedCalls_eachEqualTheKeyedMacOfKindAndValue() throws Exception {
        Pseudonyms pseudonyms = new Pseudonyms(KEY);
        for (String value : List.of("load-driver", "svc", "", "ünïcode")) {
            String first = pseudonyms.of("service", value);
            assertThat(first).isEqualTo(expected("service", value)).hasSize(22);
            assertThat(pseudonyms.of("service", value)).isEqualTo(first);
        }
        assertThat(pseudonyms.of("staff", "svc")).isNotEqualTo(pseudonyms.of("service", "svc"));
    }

    @Test
    void of_concurrentCallers_getTheSameValuesAsOneCaller() throws Exception {
        Pseudonyms pseudonyms = new Pseudonyms(KEY);
        List<String> values = IntStream.range(0, 200).mapToObj(i -> "customer-" + i).toList();
        List<String> sequential = values.stream().map(v -> pseudonyms.of("customer", v)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = IntStream.range(0, 4)
                    .mapToObj(t -> pool.submit(() -> values.stream().map(v -> pseudonyms.of("customer", v)).toList()))
                    .toList();
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEqualTo(sequential);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sequential.get(7)).isEqualTo(expected("customer", "customer-7"));
    }
}
