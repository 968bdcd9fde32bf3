package dev.cartflow.core.crypto;

import dev.cartflow.model.Cart;
import dev.cartflow.spi.IdempotencyRecord;
import java.util.Set;

/**
 * What is encrypted in a cart and a stored response, and how each value's associated data names
 * where it lives: {@code ("metadata", cart id, key)} for a metadata value, {@code ("response",
 * record key)} for a stored response (the record key holds the cart id). Values stored before
 * encryption was configured (not envelopes) read as they are, and are sealed on the next write.
 */
final class CartSealing {
    private static final String QUOTED_PREFIX = "\"" + Envelope.PREFIX;

    private final FieldCipher cipher;
    private final Set<String> fields;
    private final boolean responses;

    CartSealing(EncryptionSettings settings) {
        this.cipher = new FieldCipher(settings.keys(), settings.random());
        this.fields = settings.metadataFields();
        this.responses = settings.responses();
    }

    /** The cart as stored: each configured metadata value sealed with the current key. */
    Cart seal(Cart cart) {
        String id = cart.id().toString();
        String metadata = MetadataFields.rewrite(cart.metadata(), fields,
                (name, json) -> '"' + cipher.seal(json, "metadata", id, name) + '"');
        return metadata.equals(cart.metadata()) ? cart : cart.toBuilder().metadata(metadata).build();
    }

    /** The cart as the engine sees it: each sealed metadata value opened. */
    Cart open(Cart cart) {
        String id = cart.id().toString();
        String metadata = MetadataFields.rewrite(cart.metadata(), fields,
                (name, json) -> sealed(json) ? cipher.open(unquoted(json), "metadata", id, name) : json);
        return metadata.equals(cart.metadata()) ? cart : cart.toBuilder().metadata(metadata).build();
    }

    /** Whether every configured value of a stored cart is sealed with the key new writes use. */
    boolean current(Cart stored) {
        String prefix = QUOTED_PREFIX + Envelope.FORMAT + ":" + cipher.currentKeyId() + ":";
        return MetadataFields.all(stored.metadata(), fields, json -> json.startsWith(prefix));
    }

    IdempotencyRecord seal(IdempotencyRecord record) {
        if (!responses) {
            return record;
        }
        return new IdempotencyRecord(record.key(), record.fingerprint(),
                cipher.seal(record.response(), "response", record.key()), record.expiresAt());
    }

    IdempotencyRecord open(IdempotencyRecord record) {
        if (!Envelope.looksSealed(record.response())) {
            return record;
        }
        return new IdempotencyRecord(record.key(), record.fingerprint(),
                cipher.open(record.response(), "response", record.key()), record.expiresAt());
    }

    private static boolean sealed(String json) {
        return json.startsWith(QUOTED_PREFIX) && json.endsWith("\"") && json.length() > QUOTED_PREFIX.length();
    }

    /** An envelope holds no character JSON escapes, so its string literal is its text in quotes. */
    private static String unquoted(String json) {
        return json.substring(1, json.length() - 1);
    }
}
