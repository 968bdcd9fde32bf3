package dev.cartflow.core.internal.snapshot;

import dev.cartflow.core.internal.support.Failures;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One provider's batched answer within an attempt: asked once, on the first non-empty need, for
 * every key declared plus those needed; asked again only for a key nobody declared.
 *
 * @param <K> the key
 * @param <V> the answer per key
 */
final class Batch<K, V> {
    private final String provider;
    private final Set<K> keys;
    private final Function<Set<K>, Map<K, V>> call;
    private Map<K, V> answer;

    Batch(String provider, Set<K> declared, Function<Set<K>, Map<K, V>> call) {
        this.provider = provider;
        this.keys = new LinkedHashSet<>(declared);
        this.call = call;
    }

    Map<K, V> get(Collection<K> needed) {
        if (answer == null && needed.isEmpty()) {
            return Map.of();
        }
        if (answer == null || !keys.containsAll(needed)) {
            keys.addAll(needed);
            Set<K> batch = Set.copyOf(keys);
            answer = Map.copyOf(Failures.provider(provider, () -> call.apply(batch)));
        }
        return answer;
    }
}
