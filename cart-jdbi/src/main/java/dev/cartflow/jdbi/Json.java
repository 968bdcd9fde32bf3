package dev.cartflow.jdbi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
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
        try {
            MAPPER.readTree(metadata);
            return metadata.isBlank() ? null : metadata;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
