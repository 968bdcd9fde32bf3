package dev.cartflow.core.internal.rules;

import dev.cartflow.model.CartEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event of a change before the change has a version.
 *
 * @param type the event type
 * @param data its data (never personal data in clear)
 */
public record PendingEvent(CartEvent.Type type, Map<String, String> data) {
    /** An event with data given as key, value, key, value... */
    public static PendingEvent of(CartEvent.Type type, String... keyValues) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put(keyValues[i], keyValues[i + 1]);
        }
        return new PendingEvent(type, data);
    }
}
