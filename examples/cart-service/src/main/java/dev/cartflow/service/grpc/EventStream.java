package dev.cartflow.service.grpc;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.service.events.CartEventFeed;
import io.grpc.stub.ServerCallStreamObserver;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One StreamEvents call: the feed's events as stream messages until the client cancels (the
 * subscription is closed then) or the feed stops (the stream ends with the failure's status).
 */
final class EventStream implements CartEventFeed.Listener {
    private final ServerCallStreamObserver<dev.cartflow.service.grpc.v1.CartEvent> stream;
    private final AtomicReference<CartEventFeed.Subscription> subscription = new AtomicReference<>();
    private final AtomicBoolean over = new AtomicBoolean();

    EventStream(ServerCallStreamObserver<dev.cartflow.service.grpc.v1.CartEvent> stream) {
        this.stream = stream;
    }

    /** Subscribes; a refused read throws before anything is sent. */
    void start(CartEventFeed feed, Actor actor, CartId cartId, long afterVersion) {
        // the cancel handler must be set before the call method returns and before any message
        stream.setOnCancelHandler(this::stop);
        subscription.set(feed.subscribe(actor, cartId, afterVersion, this));
        if (over.get()) {
            stop();
        }
    }

    @Override
    public void onEvents(List<CartEvent> events) {
        synchronized (this) {
            if (over.get() || stream.isCancelled()) {
                return;
            }
            events.forEach(e -> stream.onNext(CartMessages.event(e)));
        }
    }

    @Override
    public void onError(CartException failure) {
        synchronized (this) {
            if (over.getAndSet(true) || stream.isCancelled()) {
                return;
            }
            stream.onError(GrpcErrors.of(failure, "StreamEvents"));
        }
        stop();
    }

    private void stop() {
        over.set(true);
        CartEventFeed.Subscription current = subscription.getAndSet(null);
        if (current != null) {
            current.close();
        }
    }
}
