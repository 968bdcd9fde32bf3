package dev.cartflow.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.error.CartException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Currency;

/**
 * Strict readers of one value of a JSON document, shared by the cart and priced-cart codecs: a
 * missing or mistyped value is {@code INVALID_INPUT} naming the key, never the value.
 */
final class Nodes {
    private Nodes() {
    }

    static JsonNode required(JsonNode node, String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw CartException.invalidInput("missing " + key);
        }
        return value;
    }

    static JsonNode object(JsonNode node, String key) {
        JsonNode value = required(node, key);
        if (!value.isObject()) {
            throw CartException.invalidInput(key + " must be an object");
        }
        return value;
    }

    /** The object under {@code key}, or null when the key is absent or null. */
    static JsonNode optionalObject(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : object(node, key);
    }

    static JsonNode array(JsonNode node, String key) {
        JsonNode value = required(node, key);
        if (!value.isArray()) {
            throw CartException.invalidInput(key + " must be an array");
        }
        return value;
    }

    /** The array under {@code key}, or an empty array when the key is absent or null. */
    static JsonNode optionalArray(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .arrayNode() : array(node, key);
    }

    static String text(JsonNode node, String key) {
        JsonNode value = required(node, key);
        if (!value.isTextual()) {
            throw CartException.invalidInput(key + " must be text");
        }
        return value.asText();
    }

    static String optionalText(JsonNode node, String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : text(node, key);
    }

    static long wholeNumber(JsonNode node, String key) {
        JsonNode value = required(node, key);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw CartException.invalidInput(key + " must be a whole number");
        }
        return value.longValue();
    }

    static int smallNumber(JsonNode node, String key) {
        long value = wholeNumber(node, key);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw CartException.invalidInput(key + " is out of range");
        }
        return (int) value;
    }

    static boolean bool(JsonNode node, String key) {
        JsonNode value = required(node, key);
        if (!value.isBoolean()) {
            throw CartException.invalidInput(key + " must be true or false");
        }
        return value.booleanValue();
    }

    static Instant instant(JsonNode node, String key) {
        try {
            return Instant.parse(text(node, key));
        } catch (DateTimeParseException e) {
            throw CartException.invalidInput(key + " is not an ISO-8601 instant");
        }
    }

    static Currency currency(String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw CartException.invalidInput("unknown currency code");
        }
    }

    /** The constant of {@code type} named by the text under {@code key}. */
    static <E extends Enum<E>> E constant(JsonNode node, String key, Class<E> type) {
        String name = text(node, key);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw CartException.invalidInput("unknown value of " + key);
        }
    }
}
