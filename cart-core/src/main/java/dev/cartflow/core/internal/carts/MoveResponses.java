package dev.cartflow.core.internal.carts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.core.LineMoveResult;
import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.core.internal.pipeline.StoredResponses;
import dev.cartflow.error.CartException;

/**
 * The stored response of a line move, in the envelope of every stored response
 * ({@code {"format":2,"kind":"move",...}}) with both carts in the cart codec.
 */
final class MoveResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KIND = "move";

    private MoveResponses() {
    }

    static String write(LineMoveResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", StoredResponses.FORMAT);
        root.put("kind", KIND);
        root.set("from", tree(CartCodec.write(result.from(), CartCodec.Keys.COMPACT)));
        root.set("to", tree(CartCodec.write(result.to(), CartCodec.Keys.COMPACT)));
        return root.toString();
    }

    /** Reads a stored move; a response we cannot read is our own data, so {@code INTERNAL}. */
    static LineMoveResult read(String json) {
        JsonNode root = tree(json);
        if (root.path("format").asInt() != StoredResponses.FORMAT || !KIND.equals(root.path("kind").asText())
                || !root.path("from").isObject() || !root.path("to").isObject()) {
            throw CartException.internal("stored response is not a move in format " + StoredResponses.FORMAT, null);
        }
        try {
            return new LineMoveResult(CartCodec.read(root.get("from").toString()),
                    CartCodec.read(root.get("to").toString()));
        } catch (RuntimeException e) {
            throw CartException.internal("unreadable stored move", e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw CartException.internal("a stored move is not JSON", e);
        }
    }
}
