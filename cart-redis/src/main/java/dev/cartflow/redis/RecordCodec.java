package dev.cartflow.redis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.IdempotencyRecord;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compact, versioned JSON of what this module stores: carts (through cart-core's {@link CartCodec}),
 * events and idempotency records.
 *
 * <p>Every payload starts with {@code "fv"}, the format version. A reader accepts the versions it
 * knows ({@link #MIN_READABLE} to {@link #CURRENT}) and ignores fields it does not know; anything
 * else (a newer format, a missing version, malformed JSON, a value the model rejects) decodes to
 * empty, which a cache treats as a miss. Short field names keep entries small.
 */
final class RecordCodec {
    /** The format written by this code. */
    static final int CURRENT = 1;
    /** The oldest format this code still reads. */
    static final int MIN_READABLE = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordCodec() {
    }

    // ---------------------------------------------------------------- carts

    /** The cart in cart-core's one codec, compact keys (the format earlier releases wrote here). */
    static String encode(Cart cart) {
        return CartCodec.write(cart, CartCodec.Keys.COMPACT);
    }

    /** The cart, or empty when the payload is unreadable by this version. */
    static Optional<Cart> decodeCart(String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CartCodec.read(json));
        } catch (CartException e) {
            // unknown version, enum constant, missing key, model validation: unreadable, never an error
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- events

    static String encode(CartEvent event) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("fv", CURRENT);
        n.put("c", event.cartId().toString());
        n.put("s", event.sequence());
        n.put("i", event.index());
        n.put("t", event.type().name());
        n.put("at", event.at().toString());
        ObjectNode d = n.putObject("d");
        event.sortedData().forEach(d::put);
        return n.toString();
    }

    static Optional<CartEvent> decodeEvent(String json) {
        try {
            JsonNode n = readable(json);
            if (n == null) {
                return Optional.empty();
            }
            Map<String, String> data = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : n.get("d").properties()) {
                data.put(e.getKey(), e.getValue().asText());
            }
            return Optional.of(new CartEvent(CartId.parse(n.get("c").asText()), n.get("s").asLong(),
                    n.get("i").intValue(), CartEvent.Type.valueOf(n.get("t").asText()),
                    Instant.parse(n.get("at").asText()), data));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- idempotency

    static String encode(IdempotencyRecord record) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("fv", CURRENT);
        n.put("k", record.key());
        n.put("f", record.fingerprint());
        n.put("r", record.response());
        n.put("e", record.expiresAt().toString());
        return n.toString();
    }

    static Optional<IdempotencyRecord> decodeIdempotency(String json) {
        try {
            JsonNode n = readable(json);
            if (n == null) {
                return Optional.empty();
            }
            return Optional.of(new IdempotencyRecord(n.get("k").asText(), n.get("f").asText(),
                    n.get("r").asText(), Instant.parse(n.get("e").asText())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The parsed object when its format version is readable here, else null. */
    private static JsonNode readable(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n == null || !n.isObject()) {
                return null;
            }
            JsonNode fv = n.get("fv");
            if (fv == null || !fv.canConvertToInt()) {
                return null;
            }
            int version = fv.intValue();
            return version >= MIN_READABLE && version <= CURRENT ? n : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
