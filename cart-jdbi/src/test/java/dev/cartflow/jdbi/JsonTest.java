package dev.cartflow.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The streamed metadata check and event data writer against the tree-based forms they replaced. */
class JsonTest {
    /** The check as it was: whatever readTree (trailing tokens refused) accepts, unless blank. */
    private static String byTree(String metadata) {
        if (metadata.indexOf('\u0000') >= 0 || metadata.contains("\\u0000")) {
            return null;
        }
        try {
            Json.MAPPER.readTree(metadata);
            return metadata.isBlank() ? null : metadata;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Test
    void asJsonbOrNull_anyText_agreesWithReadingATree() {
        List<String> cases = List.of("{}", "", "  ", "{} x", "{}{}", "{} {}", "123", "\"s\"", "null", "tru", "NaN",
                "{\"a\":[1,2,{\"b\":null}]}", "{\"a\":1,\"a\":2}", "{", "[1,]", "{\"a\":1e99999}", "\ud800",
                "{\"\ud800\":1}", "{\"a\":\"\\u0000\"}", "1".repeat(1500), "[".repeat(1200) + "]".repeat(1200),
                "{\"" + "k".repeat(60_000) + "\":1}",
                "{\"a\":\"" + "x".repeat(Json.MAPPER.getFactory().streamReadConstraints().getMaxStringLength() + 1)
                        + "\"}");
        for (String metadata : cases) {
            assertThat(Json.asJsonbOrNull(metadata)).as(metadata.length() > 60 ? metadata.substring(0, 60) : metadata)
                    .isEqualTo(byTree(metadata));
        }
    }

    @Test
    void asJsonbOrNull_randomTexts_agreesWithReadingATree() {
        long seed = new SplittableRandom().nextLong();
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "{}[]:,\" \\a1-.eE0tfnul";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String metadata = text.toString();
            assertThat(Json.asJsonbOrNull(metadata)).as("seed %d, text %s", seed, metadata).isEqualTo(byTree(metadata));
        }
    }

    @Test
    void writeSorted_anyStrings_writesWhatTheMapperWritesForTheSortedMap() throws JsonProcessingException {
        Map<String, String> data = new HashMap<>();
        data.put("z", "\u0001\"\\/\u00e9\ud83d\ude00");
        data.put("a", "1");
        data.put("by", "service:abc");
        data.put("", "empty key");
        for (Map<String, String> map : List.of(Map.<String, String>of(), Map.of("only", "one"), data)) {
            assertThat(Json.writeSorted(map)).isEqualTo(Json.MAPPER.writeValueAsString(new TreeMap<>(map)));
        }
    }
}
