package dev.cartflow.jdbi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;

/** The module's own jsonb mapping (no jdbi3-jackson2): event data and metadata. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // a map of strings always serializes: failing here is a bug
            throw CartException.internal("cannot write JSON", e);
        }
    }

    /**
     * A map of strings as a JSON object with its keys in order, as {@code write(new TreeMap<>(data))}
     * writes it, streamed: every change writes its events' data, and the sorted copy and the
     * serializer look-up were work for nothing.
     */
    static String writeSorted(Map<String, String> data) {
        String[] keys = data.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        StringWriter out = new StringWriter(16 + 24 * keys.length);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            for (String key : keys) {
                g.writeStringField(key, data.get(key));
            }
            g.writeEndObject();
        } catch (IOException e) {
            // writing strings to a StringWriter does not fail: failing here is a bug
            throw CartException.internal("cannot write JSON", e);
        }
        return out.toString();
    }

    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "stored JSON is malformed", e);
        }
    }

    static Map<String, String> readStringMap(String text) {
        try {
            return MAPPER.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new CartException(CartErrorCode.PROVIDER_UNAVAILABLE, "stored event data is malformed", e);
        }
    }

    /**
     * The metadata text if it is well-formed JSON that PostgreSQL can store as jsonb, else null. The
     * exact text is always stored besides, so it reads back verbatim.
     */
    static String asJsonbOrNull(String metadata) {
        if (metadata.indexOf('\u0000') >= 0 || metadata.contains("\\u0000")) {
            return null;
        }
        if (metadata.length() > MAPPER.getFactory().streamReadConstraints().getMaxStringLength()) {
            // a string value this long is refused by a tree, which reads it, not by a skip
            return readsAsTree(metadata) ? metadata : null;
        }
        // Streamed, not read into a tree (every save checks its cart's metadata): one value and
        // nothing after it, as readTree with FAIL_ON_TRAILING_TOKENS accepts; blank text is none.
        try (JsonParser p = MAPPER.getFactory().createParser(metadata)) {
            if (p.nextToken() == null) {
                return null;
            }
            p.skipChildren();
            return p.nextToken() == null ? metadata : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean readsAsTree(String text) {
        try {
            MAPPER.readTree(text);
            return !text.isBlank();
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
