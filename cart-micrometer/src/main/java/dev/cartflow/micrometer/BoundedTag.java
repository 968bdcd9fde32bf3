package dev.cartflow.micrometer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The values of one tag whose names come from outside an enum (provider, cache, currency, failure
 * site): the first {@code limit} distinct values are kept, every later one is {@value #OTHER}, so
 * that a caller passing unexpected names can never grow the number of time series without bound.
 */
final class BoundedTag {
    static final String OTHER = "other";
    private final int limit;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    BoundedTag(int limit) {
        this.limit = limit;
    }

    String value(String name) {
        if (seen.contains(name)) {
            return name;
        }
        synchronized (seen) {
            if (seen.size() < limit) {
                seen.add(name);
                return name;
            }
        }
        return seen.contains(name) ? name : OTHER;
    }
}
