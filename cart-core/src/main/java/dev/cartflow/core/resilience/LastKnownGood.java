package dev.cartflow.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The last answer the provider gave for each key, bounded (least recently used dropped first) and
 * aged (an answer older than the maximum age is not used). An absent answer ("no such product") is
 * remembered too, as an empty optional. Thread-safe.
 *
 * <p>Kept here rather than in the provider cache: the cache sits outside this decorator (decision 6),
 * is optional, and drops an entry at its TTL, which is exactly when a fallback would need it.
 */
final class LastKnownGood<K, V> {
    private record Entry<V>(Optional<V> value, Instant at) {
    }

    private final Map<K, Entry<V>> entries;
    private final Duration maxAge;
    private final Clock clock;

    LastKnownGood(int maxEntries, Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    /** Drops what is remembered for the key; true when there was something. */
    synchronized boolean forget(K key) {
        return entries.remove(key) != null;
    }

    synchronized void remember(K key, Optional<V> value) {
        entries.put(key, new Entry<>(value, clock.instant()));
    }

    /** The answer remembered for the key, if young enough; null when there is none to use. */
    synchronized Optional<V> recall(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.at().plus(maxAge).isBefore(clock.instant())) {
            entries.remove(key);
            return null;
        }
        return entry.value();
    }
}
