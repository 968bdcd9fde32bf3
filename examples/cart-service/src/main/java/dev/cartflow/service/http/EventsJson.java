package dev.cartflow.service.http;

import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cart's events after a version ({@code GET /carts/{id}/events?after=N}).
 *
 * @param cartId the cart
 * @param events the events in order
 */
@Schema(name = "CartEvents")
public record EventsJson(String cartId, List<EventJson> events) {

    static EventsJson of(CartId cartId, List<CartEvent> events) {
        return new EventsJson(cartId.toString(), events.stream().map(EventJson::of).toList());
    }

    /**
     * One event, also the {@code data} of a server-sent event on the stream.
     *
     * @param version the cart version the change made (the stream's event id)
     * @param index   the event's position within that version
     * @param type    what happened
     * @param at      when
     * @param data    the event's fields (no personal data)
     */
    @Schema(name = "CartEvent")
    public record EventJson(long version, int index, String type, Instant at, Map<String, String> data) {

        /** The JSON form of an engine event. */
        public static EventJson of(CartEvent event) {
            return new EventJson(event.sequence(), event.index(), event.type().name(), event.at(), event.data());
        }
    }
}
