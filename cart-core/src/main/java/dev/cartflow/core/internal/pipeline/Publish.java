package dev.cartflow.core.internal.pipeline;

import dev.cartflow.core.internal.observe.BusinessEvents;
import dev.cartflow.core.internal.observe.SafeObserver;
import dev.cartflow.core.internal.observe.Swallowed;
import dev.cartflow.core.internal.rules.PendingEvent;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The publish stage: a change's events go into its repository write (the outbox, same
 * transaction), and after the write succeeded to the in-process publisher, best effort, and to
 * the observer as business events derived from what was stored. Each event says who made the change
 * and, when the operation had one, the correlation id of the request.
 */
public final class Publish {
    /**
     * The event data key of the correlation id of the request that made the change, present when the
     * operation had one (the mutation's, else the {@code cartflow.correlationId} MDC entry).
     */
    public static final String CORRELATION_KEY = "correlationId";
    private final CartEventPublisher publisher;
    private final CartObserver observer;

    /** Publishing to this in-process publisher, observed by nobody. */
    public Publish(CartEventPublisher publisher) {
        this(publisher, CartObserver.NONE);
    }

    /** Publishing to this in-process publisher and telling {@code observer} what was stored. */
    public Publish(CartEventPublisher publisher, CartObserver observer) {
        this.publisher = publisher;
        this.observer = SafeObserver.of(observer);
    }

    /**
     * The write of one change with its events numbered by the new version, as given: events of a
     * change should say who made it, through {@link #write(String, Cart, long, List, IdempotencyRecord)}.
     *
     * @param cart            the new snapshot
     * @param expectedVersion the stored version it replaces (0 for a new cart)
     * @param pending         the change's events
     * @param record          the idempotent response to store with it, or null
     * @return the write
     */
    private CartWrite write(Cart cart, long expectedVersion, List<PendingEvent> pending, IdempotencyRecord record) {
        List<CartEvent> events = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            events.add(new CartEvent(cart.id(), cart.version(), i, pending.get(i).type(), cart.updatedAt(),
                    pending.get(i).data()));
        }
        return new CartWrite(cart, expectedVersion, events, record);
    }

    /**
     * The write of one change with its events numbered by the new version, each carrying who made
     * the change ({@link ChangeAuthor}) as its {@code by} attribute.
     *
     * @param by              who made the change, from {@link ChangeAuthor}
     * @param cart            the new snapshot
     * @param expectedVersion the stored version it replaces (0 for a new cart)
     * @param pending         the change's events
     * @param record          the idempotent response to store with it, or null
     * @return the write
     */
    public CartWrite write(String by, Cart cart, long expectedVersion, List<PendingEvent> pending,
                           IdempotencyRecord record) {
        List<PendingEvent> signed = new ArrayList<>(pending.size());
        String correlation = CorrelationScope.current();
        for (PendingEvent event : pending) {
            Map<String, String> data = new LinkedHashMap<>(event.data());
            data.put(ChangeAuthor.KEY, by);
            if (!correlation.isEmpty()) {
                data.put(CORRELATION_KEY, correlation);
            }
            signed.add(new PendingEvent(event.type(), data));
        }
        return write(cart, expectedVersion, signed, record);
    }

    /** After the writes are stored: tells the in-process publisher. */
    public void committed(List<CartWrite> writes) {
        for (CartWrite write : writes) {
            try {
                publisher.publish(write.events());
            } catch (RuntimeException e) {
                // The change is stored; at-least-once delivery is the outbox's job.
                Swallowed.report(observer, "publish", e);
            }
        }
        // After the in-process publisher, so that metrics see exactly what was stored.
        BusinessEvents.committed(observer, writes);
    }
}
