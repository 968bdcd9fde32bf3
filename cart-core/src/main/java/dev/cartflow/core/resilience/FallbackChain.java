package dev.cartflow.core.resilience;

import dev.cartflow.error.CartException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One guarded call with its fallbacks, in order: the provider through the {@link Guard}; when it
 * fails, the last known good answer (if the policy keeps them); for what that does not cover, the
 * configured default provider; else the provider's failure, {@code PROVIDER_UNAVAILABLE}. An answer
 * of a fallback is reported to the caller's {@code onFallback}.
 *
 * @param <K> the key of one remembered answer
 * @param <V> the answer per key
 */
final class FallbackChain<K, V> {
    private final Guard guard;
    private final @Nullable LastKnownGood<K, V> lastKnownGood;

    FallbackChain(Guard guard, ProviderPolicy policy) {
        this.guard = guard;
        this.lastKnownGood = policy.lastKnownGoodEntries() > 0
                ? new LastKnownGood<>(policy.lastKnownGoodEntries(), policy.lastKnownGoodMaxAge(), policy.clock())
                : null;
    }

    /**
     * A batch call whose answer has an entry per known key (a key missing from it is absent).
     *
     * @param keys       the keys asked
     * @param primary    the provider, asked for all keys
     * @param defaults   the default provider, asked for the keys no remembered answer covers, or null
     * @param onFallback told when a fallback answered
     * @return the answer
     */
    Map<K, V> batch(Set<K> keys, Function<Set<K>, Map<K, V>> primary,
                    @Nullable Function<Set<K>, Map<K, V>> defaults, Consumer<String> onFallback) {
        Map<K, V> answer;
        try {
            answer = guard.read(() -> primary.apply(keys));
        } catch (CartException failure) {
            if (!Guard.isFailure(failure)) {
                throw failure;
            }
            return batchFallback(keys, defaults, onFallback, failure);
        }
        if (lastKnownGood != null) {
            for (K key : keys) {
                lastKnownGood.remember(key, Optional.ofNullable(answer.get(key)));
            }
        }
        return answer;
    }

    private Map<K, V> batchFallback(Set<K> keys, @Nullable Function<Set<K>, Map<K, V>> defaults,
                                    Consumer<String> onFallback, CartException failure) {
        Map<K, V> answer = new HashMap<>();
        Set<K> uncovered = new LinkedHashSet<>();
        for (K key : keys) {
            Optional<V> known = lastKnownGood == null ? null : lastKnownGood.recall(key);
            if (known == null) {
                uncovered.add(key);
            } else {
                known.ifPresent(v -> answer.put(key, v));
            }
        }
        if (!uncovered.isEmpty()) {
            if (defaults == null) {
                throw failure;
            }
            Map<K, V> defaulted = fromDefaults(() -> defaults.apply(Set.copyOf(uncovered)), failure);
            for (K key : uncovered) {
                V value = defaulted.get(key);
                if (value != null) {
                    answer.put(key, value);
                }
            }
        }
        onFallback.accept(guard.name());
        return answer;
    }

    /**
     * A call with one answer for its whole request.
     *
     * @param key        the request, as remembered
     * @param primary    the provider
     * @param defaults   the default provider, or null
     * @param onFallback told when a fallback answered
     * @return the answer
     */
    V single(K key, Supplier<V> primary, @Nullable Supplier<V> defaults, Consumer<String> onFallback) {
        V answer;
        try {
            answer = guard.read(primary);
        } catch (CartException failure) {
            if (!Guard.isFailure(failure)) {
                throw failure;
            }
            Optional<V> known = lastKnownGood == null ? null : lastKnownGood.recall(key);
            V fallback;
            if (known != null && known.isPresent()) {
                fallback = known.get();
            } else if (defaults != null) {
                fallback = fromDefaults(defaults, failure);
            } else {
                throw failure;
            }
            onFallback.accept(guard.name());
            return fallback;
        }
        if (lastKnownGood != null) {
            lastKnownGood.remember(key, Optional.of(answer));
        }
        return answer;
    }

    /** The default provider's answer; when it fails too, the provider's failure (the default's is suppressed). */
    private static <T> T fromDefaults(Supplier<T> defaults, CartException failure) {
        T answer;
        try {
            answer = defaults.get();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            throw failure;
        }
        if (answer == null) {
            throw failure;
        }
        return answer;
    }

    /** Drops the last-known-good answer of the key, if one is kept; 1 when one was, else 0. */
    int forget(K key) {
        return lastKnownGood != null && lastKnownGood.forget(key) ? 1 : 0;
    }
}
