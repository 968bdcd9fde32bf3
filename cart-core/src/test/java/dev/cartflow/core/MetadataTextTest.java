package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataTextTest {
    private static final int LIMIT = 4096;

    private static String normalize(String json) {
        return MetadataText.normalize(json, LIMIT);
    }

    private static void invalid(String json, int limit) {
        assertThatThrownBy(() -> MetadataText.normalize(json, limit)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    private static void invalid(String json) {
        invalid(json, LIMIT);
    }

    @Test
    void normalize_object_compactFormKeepingKeyOrder() {
        assertThat(normalize(" { \"z\" : 1 ,\n \"a\" : [ true, null, \"x\" ], \"o\": {} } "))
                .isEqualTo("{\"z\":1,\"a\":[true,null,\"x\"],\"o\":{}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "{\"a\":1} []", "{\"a\":1}\"tail\"", "{} 1", "{}]"})
    void normalize_trailingContent_invalidInputInsteadOfDropped(String json) {
        invalid(json);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1E-400", "1e5", "0.1000000000000000000000000000001",
            "123456789012345678901234567890", "-0", "1.50", "2E+3"})
    void normalize_number_keptVerbatimNotRewritten(String number) {
        assertThat(normalize("{\"n\":" + number + ",\"l\":[" + number + "]}"))
                .isEqualTo("{\"n\":" + number + ",\"l\":[" + number + "]}");
    }

    @Test
    void normalize_sizeLimit_checkedOnStoredForm() {
        String body = "{\"n\":1e5,\"s\":\"" + "x".repeat(80) + "\"}";
        int stored = body.getBytes(StandardCharsets.UTF_8).length;
        assertThat(MetadataText.normalize(body, stored)).isEqualTo(body);
        invalid(body, stored - 1);
        String padded = "{\n    \"n\" : 1e5,\n    \"s\" : \"" + "x".repeat(80) + "\"\n}\n";
        assertThat(padded.length()).isGreaterThan(stored);
        assertThat(MetadataText.normalize(padded, stored)).isEqualTo(body);
        String multiByte = "{\"s\":\"" + "\u00e9".repeat(10) + "\"}";
        invalid(multiByte, multiByte.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1,\"a\":2}", "{\"o\":{\"k\":1,\"k\":1}}", "{\"a\":1,\"b\":{},\"a\":[]}"})
    void normalize_duplicateKey_invalidInput(String json) {
        invalid(json);
    }

    @Test
    void normalize_nesting_boundedDepth() {
        String deepest = "{\"a\":" + "[".repeat(MetadataText.MAX_DEPTH - 1) + "]".repeat(MetadataText.MAX_DEPTH - 1) + "}";
        assertThat(normalize(deepest)).isEqualTo(deepest);
        invalid("{\"a\":" + "[".repeat(MetadataText.MAX_DEPTH) + "]".repeat(MetadataText.MAX_DEPTH) + "}");
        invalid("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}", 1 << 20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"k\":\"\\ud800\"}", "{\"\\udfff\":1}", "{\"k\":\"a\\ud83d\"}", "{\"k\":[\"\\udc00\\ud800\"]}",
            "{\"k\":\"\ud800\"}", "{\"k\":\"\\u0000\"}"})
    void normalize_escapeDecodingToLoneSurrogateOrNul_invalidInput(String json) {
        invalid(json);
    }

    @Test
    void normalize_escapedPairAndControlCharacters_kept() {
        assertThat(normalize("{\"k\":\"\\ud83d\\uded2\\n\\t\"}")).isEqualTo("{\"k\":\"\ud83d\uded2\\n\\t\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[]", "1", "\"s\"", "null", "{", "{\"a\":}", "{'a':1}", "{\"a\":NaN}",
            "{\"a\":01}", "{\"a\":1e}", "{\"a\":1e99999}", "{\"a\":1E-100000}", "{\"a\":Infinity}", "{a:1}"})
    void normalize_notAnAcceptableObject_invalidInput(String json) {
        invalid(json);
    }

    @Test
    void normalize_null_invalidInput() {
        invalid(null);
    }

    @Test
    void normalize_numberExponentAtBound_kept() {
        assertThat(normalize("{\"a\":1e9999,\"b\":1e-0009999}")).isEqualTo("{\"a\":1e9999,\"b\":1e-0009999}");
    }

    @Test
    void normalize_hugeInput_refusedWithoutParsing() {
        String huge = "{\"a\":\"" + "x".repeat(10_000_000) + "\"}";
        long start = System.nanoTime();
        invalid(huge, 1024);
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void normalize_invalidJson_messageNeverQuotesTheText() {
        assertThatThrownBy(() -> normalize("{\"mail\": secret-mail@example.org}"))
                .isInstanceOf(CartException.class).hasMessageNotContaining("secret");
    }
}
