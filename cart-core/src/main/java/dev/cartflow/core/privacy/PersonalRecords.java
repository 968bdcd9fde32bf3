package dev.cartflow.core.privacy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.core.codec.CartCodec;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.PersonalRecord;
import java.util.Map;
import java.util.Optional;

/**
 * The shared vocabulary of the cart stores' {@link dev.cartflow.spi.PersonalDataStore}
 * implementations (in memory, cart-jdbi, cart-redis), so that every store reports the same kinds and
 * exports the same record shapes, and finds a customer's records by the same links.
 *
 * <p>A customer's carts are the carts it owns and the guest carts merged into them: a merge leaves a
 * {@code MERGED} event on the customer's cart whose {@code from} names the guest cart
 * ({@link #mergedFrom}), and the guest cart (now {@code MERGED}) still holds the guest's lines. A
 * guest cart adopted at sign-in became the customer's own. A cart's stored responses are found by the
 * cart id in their key ({@link #cartOfIdempotencyKey}).
 */
public final class PersonalRecords {
    /** Carts (kind of record). */
    public static final String CART = "cart";
    /** Cart lines. */
    public static final String LINE = "line";
    /** Coupon codes on carts. */
    public static final String CODE = "code";
    /** Cart events deleted (delivered outbox rows, an event log). */
    public static final String EVENT = "event";
    /** Outbox events not delivered yet, kept in order with their content replaced by {@link #ERASED_DATA}. */
    public static final String UNDELIVERED_EVENT = "undeliveredEvent";
    /** Stored responses of idempotent operations. */
    public static final String IDEMPOTENCY = "idempotency";
    /** Promotion redemptions, kept for the promotions' use counts with their owner removed. */
    public static final String REDEMPTION = "redemption";
    /** Index entries naming the customer (a store's secondary index). */
    public static final String INDEX = "index";

    /** The data an undelivered event carries once its cart's customer was erased. */
    public static final Map<String, String> ERASED_DATA = Map.of("erased", "true");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PersonalRecords() {
    }

    /**
     * A cart as exported: its verbose codec document.
     *
     * @param cart the cart
     * @return the record, id the cart id
     */
    public static PersonalRecord cart(Cart cart) {
        return new PersonalRecord(CART, cart.id().toString(), CartCodec.write(cart, CartCodec.Keys.VERBOSE));
    }

    /**
     * An event as exported.
     *
     * @param event the event
     * @return the record, id {@code cartId/sequence/index}
     */
    public static PersonalRecord event(CartEvent event) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("cartId", event.cartId().toString());
        node.put("sequence", event.sequence());
        node.put("index", event.index());
        node.put("type", event.type().name());
        node.put("at", event.at().toString());
        ObjectNode data = node.putObject("data");
        event.sortedData().forEach(data::put);
        return new PersonalRecord(EVENT, event.cartId() + "/" + event.sequence() + "/" + event.index(), json(node));
    }

    /**
     * A stored response as exported (the response is the engine's own serialized text).
     *
     * @param record the record
     * @return the record, id its key
     */
    public static PersonalRecord idempotency(IdempotencyRecord record) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("key", record.key());
        node.put("expiresAt", record.expiresAt().toString());
        node.put("response", record.response());
        return new PersonalRecord(IDEMPOTENCY, record.key(), json(node));
    }

    /**
     * A redemption as exported.
     *
     * @param cartId      the cart checked out
     * @param promotionId the promotion redeemed
     * @return the record, id {@code promotionId/cartId}
     */
    public static PersonalRecord redemption(CartId cartId, String promotionId) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("cartId", cartId.toString());
        node.put("promotionId", promotionId);
        return new PersonalRecord(REDEMPTION, promotionId + "/" + cartId, json(node));
    }

    /**
     * The guest cart a {@code MERGED} event of a customer's cart took lines from, if the event says
     * so (an adoption names the cart itself, which is no other cart).
     *
     * @param event an event of a customer's cart
     * @return the guest cart merged into it
     */
    public static Optional<CartId> mergedFrom(CartEvent event) {
        if (event.type() != CartEvent.Type.MERGED) {
            return Optional.empty();
        }
        String from = event.data().get("from");
        if (from == null || from.equals(event.cartId().toString())) {
            return Optional.empty();
        }
        try {
            return Optional.of(CartId.parse(from));
        } catch (CartException e) {
            return Optional.empty();
        }
    }

    /**
     * The cart whose change a stored response answers, read from its key: a command's key starts with
     * its cart id, a merge's and a checkout's name it after their prefix.
     *
     * @param key the record key
     * @return the cart, or empty for a key of another shape
     */
    public static Optional<CartId> cartOfIdempotencyKey(String key) {
        String[] parts = key.split("\\|", 3);
        String candidate = parts.length >= 2 && (parts[0].equals("merge") || parts[0].equals("checkout"))
                ? parts[1] : parts[0];
        try {
            return Optional.of(CartId.parse(candidate));
        } catch (CartException e) {
            return Optional.empty();
        }
    }

    private static String json(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw CartException.internal("cannot write a personal record", e);
        }
    }
}
