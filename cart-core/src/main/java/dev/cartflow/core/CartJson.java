package dev.cartflow.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;

/**
 * The engine's JSON: carts in stored responses (through the one {@link CartCodec}, compact keys) and
 * host metadata.
 */
final class CartJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CartJson() {
    }

    /** The cart as compact JSON text. */
    static String write(Cart cart) {
        return CartCodec.write(cart, CartCodec.Keys.COMPACT);
    }

    /** Reads a cart in any format {@link CartCodec#read} knows; anything else fails with {@code INVALID_INPUT}. */
    static Cart read(String json) {
        return CartCodec.read(json);
    }

    /**
     * Parses host metadata: must be a JSON object of at most {@code maxBytes} UTF-8 bytes; returns
     * it in compact form.
     */
    static String normalizeMetadata(String json, int maxBytes) {
        if (json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > maxBytes) {
            throw CartException.invalidInput("metadata is larger than " + maxBytes + " bytes");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw CartException.invalidInput("metadata must be a JSON object");
            }
            return node.toString();
        } catch (JsonProcessingException e) {
            throw CartException.invalidInput("metadata is not valid JSON");
        }
    }
}
