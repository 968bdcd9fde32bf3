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

    /** Host metadata in stored form; the rule is {@link MetadataText}'s. */
    static String normalizeMetadata(String json, int maxBytes) {
        return MetadataText.normalize(json, maxBytes);
    }
}
