package dev.cartflow.service.events;

/** The settings the stream tests share, so their Spring contexts are one cached context. */
final class EventStreamTestSettings {
    /** Short heartbeats: the server notices a client that hung up on its next write. */
    static final String HEARTBEAT = "cartservice.events.heartbeat=200ms";
    /** A fast poll keeps the tests quick; the default (250 ms) already meets "within a second". */
    static final String POLL = "cartservice.events.poll-interval=100ms";

    private EventStreamTestSettings() {
    }
}
