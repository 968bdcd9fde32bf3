package dev.cartflow.kafka;

/**
 * The shape of a cart event record on the topic, shared by the publisher and the reader: the record
 * key is the cart id, the value the JSON payload of {@link #SCHEMA_VERSION}, and the headers below
 * (UTF-8 text) repeat what a consumer may route or filter on without parsing the payload.
 */
public final class CartEventRecords {
    /** The topic events go to unless another is configured. */
    public static final String DEFAULT_TOPIC = "cartflow.cart-events";
    /** The payload schema this version writes and reads; a change that is not additive raises it. */
    public static final int SCHEMA_VERSION = 1;
    /** Header: the event type, a {@code CartEvent.Type} name such as {@code LINE_ADDED}. */
    public static final String TYPE_HEADER = "cartflow.event-type";
    /** Header: the cart version the change produced ({@code CartEvent.sequence}), decimal. */
    public static final String VERSION_HEADER = "cartflow.cart-version";
    /** Header: the event's position among the events of its change ({@code CartEvent.index}), decimal. */
    public static final String INDEX_HEADER = "cartflow.event-index";
    /** Header: the payload schema, decimal. */
    public static final String SCHEMA_HEADER = "cartflow.schema";
    /** Header: the correlation id, present only when the event carries one (see {@link #CORRELATION_DATA_KEY}). */
    public static final String CORRELATION_HEADER = "cartflow.correlation-id";
    /** The key of {@code CartEvent.data} whose value, when present, is also sent as {@link #CORRELATION_HEADER}. */
    public static final String CORRELATION_DATA_KEY = "correlationId";

    private CartEventRecords() {
    }
}
