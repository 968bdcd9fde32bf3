package dev.cartflow.kafka;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The consumer side of {@link KafkaCartEventPublisher}: decodes records into {@link CartEvent}s and
 * drops redeliveries, for a plain {@code KafkaConsumer} loop.
 *
 * <p>Delivery is at least once (the outbox publishes a batch again after a crash or a timeout), and
 * each cart's events arrive in order on their partition. So the reader remembers, per cart, the
 * position {@code (version, index)} of the last event it let through, and reports every event at or
 * before it as a duplicate: a redelivered batch, or an older event arriving after a newer one.
 *
 * <pre>{@code
 * KafkaCartEventReader reader = KafkaCartEventReader.create(100_000);
 * while (running) {
 *     for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
 *         reader.read(record).ifPresent(shop::handle);   // empty: seen before
 *     }
 *     consumer.commitSync();
 * }
 * }</pre>
 *
 * <p><b>Limitation:</b> the memory is bounded, in this process only. It holds at most
 * {@code maximumCarts} carts, the least recently seen evicted first (Caffeine's size bound); an
 * evicted cart, and every cart after a restart, starts afresh, so a redelivery reaching it then is
 * let through again. Size it above the number of carts that change within the longest redelivery
 * window (the dispatcher's back-off plus a consumer's rebalance), and where exactly once must hold
 * across restarts, keep the last position per cart with the consumer's own data (its database) and
 * compare there with {@link #isAfter}. Thread-safe.
 */
public final class KafkaCartEventReader {
    private final Cache<CartId, Position> lastSeen;

    private KafkaCartEventReader(long maximumCarts) {
        this.lastSeen = Caffeine.newBuilder().maximumSize(maximumCarts).build();
    }

    /**
     * A reader remembering at most {@code maximumCarts} carts.
     *
     * @param maximumCarts at least 1
     * @return the reader
     * @throws CartException {@code INVALID_INPUT} when below 1
     */
    public static KafkaCartEventReader create(long maximumCarts) {
        if (maximumCarts < 1) {
            throw CartException.invalidInput("the reader must remember at least one cart");
        }
        return new KafkaCartEventReader(maximumCarts);
    }

    /**
     * Decodes a record written by {@link KafkaCartEventPublisher} (value deserialized as bytes, key
     * as a string).
     *
     * @param record the record
     * @return the event
     * @throws CartException {@code INVALID_INPUT} when the value is not a cart event of a schema this
     *                       reader knows, or the key is not the event's cart id
     */
    public static CartEvent decode(ConsumerRecord<String, byte[]> record) {
        CartException.requireNonNull(record, "record");
        CartEvent event = decode(record.value());
        if (record.key() != null && !record.key().equals(event.cartId().toString())) {
            throw CartException.invalidInput("the record key is not the cart id of its event");
        }
        return event;
    }

    /**
     * Decodes a payload of {@link CartEventRecords#SCHEMA_VERSION} (or older).
     *
     * @param payload the record value
     * @return the event
     * @throws CartException {@code INVALID_INPUT} when it is not a cart event of a schema this reader knows
     */
    public static CartEvent decode(byte[] payload) {
        if (payload == null) {
            throw CartException.invalidInput("a cart event record has a value");
        }
        return EventPayload.decode(payload);
    }

    /**
     * Decodes a record and lets it through the first time only.
     *
     * @param record the record
     * @return the event, or empty when this cart's event at this position or a later one was read before
     * @throws CartException {@code INVALID_INPUT} as {@link #decode(ConsumerRecord)}
     */
    public Optional<CartEvent> read(ConsumerRecord<String, byte[]> record) {
        CartEvent event = decode(record);
        return firstDelivery(event) ? Optional.of(event) : Optional.empty();
    }

    /**
     * Records an event as read unless it is a duplicate.
     *
     * @param event an event
     * @return true when it is later than every event of its cart read so far (and is now the last);
     *         false for a redelivery or an older event
     */
    public boolean firstDelivery(CartEvent event) {
        CartException.requireNonNull(event, "event");
        Position position = new Position(event.sequence(), event.index());
        AtomicBoolean first = new AtomicBoolean();
        lastSeen.asMap().compute(event.cartId(), (id, last) -> {
            if (last == null || position.isAfter(last)) {
                first.set(true);
                return position;
            }
            return last;
        });
        return first.get();
    }

    /**
     * Whether an event comes after a position a consumer stored itself, for de-duplication that
     * survives restarts.
     *
     * @param event        the event
     * @param lastVersion  the version of the last event handled for its cart
     * @param lastIndex    the index of that event
     * @return true when the event is later
     */
    public static boolean isAfter(CartEvent event, long lastVersion, int lastIndex) {
        CartException.requireNonNull(event, "event");
        return new Position(event.sequence(), event.index()).isAfter(new Position(lastVersion, lastIndex));
    }

    /**
     * How many carts the reader remembers now (an estimate while evictions run).
     *
     * @return the count
     */
    public long rememberedCarts() {
        lastSeen.cleanUp();
        return lastSeen.estimatedSize();
    }

    /** Where an event stands among the events of its cart. */
    private record Position(long version, int index) {
        boolean isAfter(Position other) {
            return version > other.version || (version == other.version && index > other.index);
        }
    }
}
