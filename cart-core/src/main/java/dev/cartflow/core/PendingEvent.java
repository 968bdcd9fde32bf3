package dev.cartflow.core;

import dev.cartflow.model.CartEvent;
import java.util.Map;

/** An event of a change before the change has a version. */
record PendingEvent(CartEvent.Type type, Map<String, String> data) {
    static PendingEvent of(CartEvent.Type type, String... keyValues) {
        Map<String, String> data = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            data.put(keyValues[i], keyValues[i + 1]);
        }
        return new PendingEvent(type, data);
    }
}
