package dev.cartflow.service.events;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartEvent;
import dev.cartflow.service.http.EventsJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open {@code text/event-stream}: the feed's events of one cart as server-sent events, in the
 * wire form {@code docs/service.md} ("Live events") describes. It opens with a message of only
 * {@code retry:} and {@code id:} (the version the stream starts after), so a browser that
 * reconnects before any change still resumes from the right place; each event then carries
 * {@code event: <TYPE>} and its JSON as {@code data:}, and the last event of each cart version
 * carries {@code id: <version>}. It ends with a {@value #END} message when the feed stops it.
 */
final class CartEventStream implements CartEventFeed.Listener {
    /** The name of the last message when the service ends the stream; never an engine event type. */
    static final String END = "stream-end";

    private final SseEmitter emitter;
    private final long startsAfter;
    private final Duration retry;
    private final Consumer<CartEventStream> onEnd;
    /** Orders the writes: the feed's, the heartbeat's and the shutdown's threads all write. */
    private final ReentrantLock writing = new ReentrantLock();
    private boolean preambleSent;
    /** Not guarded by the stream's lock: the emitter's callbacks end it from the container's threads. */
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile CartEventFeed.@Nullable Subscription subscription;

    /**
     * A stream.
     *
     * @param emitter     the response
     * @param startsAfter the version the stream's first event follows
     * @param retry       the reconnection delay suggested to the client
     * @param onEnd       told once when the stream ends, however it ends
     */
    CartEventStream(SseEmitter emitter, long startsAfter, Duration retry, Consumer<CartEventStream> onEnd) {
        this.emitter = emitter;
        this.startsAfter = startsAfter;
        this.retry = retry;
        this.onEnd = onEnd;
        emitter.onCompletion(this::end);
        emitter.onError(failure -> end());
        // the client reconnects with its Last-Event-ID: a timeout is a normal end, not an error
        emitter.onTimeout(() -> {
            end();
            emitter.complete();
        });
    }

    /** The response the controller returns. */
    SseEmitter emitter() {
        return emitter;
    }

    /** Attaches the subscription to close when the stream ends, and sends the preamble if no event did. */
    void start(CartEventFeed.Subscription subscription) {
        this.subscription = subscription;
        if (ended.get()) {
            subscription.close();
            return;
        }
        writing.lock();
        try {
            sendPreamble();
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void onEvents(List<CartEvent> events) {
        writing.lock();
        try {
            sendPreamble();
            for (int i = 0; i < events.size() && !ended.get(); i++) {
                CartEvent event = events.get(i);
                SseEmitter.SseEventBuilder message = SseEmitter.event().name(event.type().name())
                        .data(EventsJson.EventJson.of(event), MediaType.APPLICATION_JSON);
                boolean lastOfVersion = i == events.size() - 1 || events.get(i + 1).sequence() != event.sequence();
                if (lastOfVersion) {
                    message.id(Long.toString(event.sequence()));
                }
                send(message);
            }
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void onError(CartException failure) {
        stop(failure.code(), detail(failure));
    }

    /** A comment line that keeps proxies from closing an idle connection and finds a gone client. */
    void heartbeat() {
        // a stream busy writing (perhaps to a client that stopped reading) needs no heartbeat, and
        // waiting for it would hold back every other stream's
        if (!writing.tryLock()) {
            return;
        }
        try {
            if (preambleSent) {
                send(SseEmitter.event().comment("heartbeat"));
            }
        } finally {
            writing.unlock();
        }
    }

    /** Ends the stream from the service's side, telling the client why. */
    void stop(CartErrorCode code, String detail) {
        writing.lock();
        try {
            if (ended.get()) {
                return;
            }
            sendPreamble();
            send(SseEmitter.event().name(END).data(new StreamEnd(code.name(), detail), MediaType.APPLICATION_JSON));
        } finally {
            writing.unlock();
        }
        if (!ended.get()) {
            end();
            emitter.complete();
        }
    }

    private void sendPreamble() {
        if (!preambleSent) {
            preambleSent = true;
            send(SseEmitter.event().id(Long.toString(startsAfter)).reconnectTime(retry.toMillis()));
        }
    }

    private void send(SseEmitter.SseEventBuilder message) {
        if (ended.get()) {
            return;
        }
        try {
            emitter.send(message);
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the response is already complete): nothing more to send; the
            // container tells Spring of the broken connection itself, so completing here would only
            // dispatch the same failure twice
            end();
        }
    }

    /** Forgets a stream whose request failed before it started; nothing was sent. */
    void discard() {
        end();
    }

    private void end() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        CartEventFeed.Subscription attached = subscription;
        if (attached != null) {
            attached.close();
        }
        onEnd.accept(this);
    }

    private static String detail(CartException failure) {
        return switch (failure.code()) {
            case INTERNAL -> "an internal error; the service logged it";
            case PROVIDER_UNAVAILABLE -> "the stream stopped on this instance; reconnect with the last event id";
            case ACCESS_DENIED -> "this cart may no longer be read with these credentials";
            default -> failure.code().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * The data of the {@value #END} message.
     *
     * @param code   the stable code of why the stream ended ({@code PROVIDER_UNAVAILABLE}: reconnect)
     * @param detail for people
     */
    record StreamEnd(String code, String detail) {
    }
}
