package dev.cartflow.kafka;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON payload of a cart event record, schema {@value CartEventRecords#SCHEMA_VERSION}:
 * {@code {"schema":1,"cartId":"…","version":3,"index":0,"type":"LINE_ADDED","at":"…","data":{…}}},
 * data sorted by key. Readers ignore fields they do not know, so adding a field keeps the schema;
 * anything else raises it, and a reader refuses a schema newer than its own.
 */
final class EventPayload {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventPayload() {
    }

    static byte[] encode(CartEvent event) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", CartEventRecords.SCHEMA_VERSION);
        root.put("cartId", event.cartId().toString());
        root.put("version", event.sequence());
        root.put("index", event.index());
        root.put("type", event.type().name());
        root.put("at", event.at().toString());
        ObjectNode data = root.putObject("data");
        event.sortedData().forEach(data::put);
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (JacksonException e) {
            // a tree of strings and numbers always serializes
            throw CartException.internal("cart event could not be encoded", e);
        }
    }

    static CartEvent decode(byte[] payload) {
        JsonNode root;
        try {
            root = MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new CartException(CartErrorCode.INVALID_INPUT, "cart event payload is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw CartException.invalidInput("cart event payload must be a JSON object");
        }
        JsonNode schema = root.get("schema");
        if (schema == null || !schema.canConvertToInt() || !schema.isIntegralNumber() || schema.intValue() < 1) {
            throw CartException.invalidInput("cart event payload has no valid schema version");
        }
        if (schema.intValue() > CartEventRecords.SCHEMA_VERSION) {
            throw CartException.invalidInput("cart event schema " + schema.intValue()
                    + " is newer than this reader's " + CartEventRecords.SCHEMA_VERSION);
        }
        try {
            return new CartEvent(CartId.parse(text(root, "cartId")), number(root, "version"),
                    Math.toIntExact(number(root, "index")), type(text(root, "type")),
                    Instant.parse(text(root, "at")), data(root));
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new CartException(CartErrorCode.INVALID_INPUT,
                    "cart event payload has a malformed field", e);
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual()) {
            throw CartException.invalidInput("cart event payload lacks the text field " + field);
        }
        return node.textValue();
    }

    private static long number(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw CartException.invalidInput("cart event payload lacks the whole number " + field);
        }
        return node.longValue();
    }

    private static CartEvent.Type type(String name) {
        try {
            return CartEvent.Type.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new CartException(CartErrorCode.INVALID_INPUT,
                    "cart event payload has an unknown event type", e);
        }
    }

    private static Map<String, String> data(JsonNode root) {
        JsonNode node = root.get("data");
        if (node == null || !node.isObject()) {
            throw CartException.invalidInput("cart event payload lacks the object data");
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isTextual()) {
                throw CartException.invalidInput("cart event data values must be text");
            }
            data.put(entry.getKey(), entry.getValue().textValue());
        }
        return data;
    }
}
