package dev.cartflow.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.error.CartException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A local cache of batch lookups: absent answers are cached too (shorter), and a load that raced
 * an invalidation is returned but not stored, so an invalidation is never undone by a slow load.
 */
final class BatchCache<K, V> {
    private final Cache<K, Optional<V>> cache;
    private final AtomicLong generation = new AtomicLong();
    private final String name;
    private final CartObserver observer;
    final AtomicLong hits = new AtomicLong();
    final AtomicLong loads = new AtomicLong();

    /** A cache reported to the settings' observer under {@code name}. */
    BatchCache(CacheSettings settings, String name) {
        this.name = name;
        this.observer = settings.observer();
        long ttl = settings.ttlNanos();
        long negativeTtl = settings.negativeTtlNanos();
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfter(new Expiry<K, Optional<V>>() {
                    @Override
                    public long expireAfterCreate(K key, Optional<V> value, long now) {
                        return value.isPresent() ? ttl : negativeTtl;
                    }

                    @Override
                    public long expireAfterUpdate(K key, Optional<V> value, long now, long current) {
                        return expireAfterCreate(key, value, now);
                    }

                    @Override
                    public long expireAfterRead(K key, Optional<V> value, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    /** The known values of the keys; missing keys are loaded in one call. */
    Map<K, V> getAll(Set<K> keys, Function<Set<K>, Map<K, V>> loader) {
        Map<K, V> result = new HashMap<>();
        Set<K> missing = new LinkedHashSet<>();
        for (K key : keys) {
            CartException.requireNonNull(key, "key");
            Optional<V> cached = cache.getIfPresent(key);
            if (cached == null) {
                missing.add(key);
                observer.cacheAccessed(name, false);
            } else {
                hits.incrementAndGet();
                observer.cacheAccessed(name, true);
                cached.ifPresent(v -> result.put(key, v));
            }
        }
        if (!missing.isEmpty()) {
            long before = generation.get();
            loads.incrementAndGet();
            Map<K, V> loaded = load(loader, missing);
            boolean raced = generation.get() != before;
            for (K key : missing) {
                V value = loaded.get(key);
                if (value != null) {
                    result.put(key, value);
                }
                if (!raced) {
                    cache.put(key, Optional.ofNullable(value));
                }
            }
        }
        return result;
    }

    /**
     * The delegate's answer; its failures, a plain exception or a null answer included, are
     * {@code PROVIDER_UNAVAILABLE}, and nothing of a failed load is cached (a null answer must not
     * be remembered as "absent" for every key).
     */
    private static <K, V> Map<K, V> load(Function<Set<K>, Map<K, V>> loader, Set<K> missing) {
        Map<K, V> loaded;
        try {
            loaded = loader.apply(missing);
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CartException.providerUnavailable("the cached provider failed", e);
        }
        if (loaded == null) {
            throw CartException.providerUnavailable("the cached provider returned null", null);
        }
        return loaded;
    }

    /** An immutable copy of what a caller passed, refusing null elements with {@code INVALID_INPUT}. */
    static <T> Set<T> copyOf(Collection<T> values, String name) {
        CartException.requireNonNull(values, name);
        Set<T> copy = new LinkedHashSet<>();
        for (T value : values) {
            copy.add(CartException.requireNonNull(value, name + " element"));
        }
        return Set.copyOf(copy);
    }

    void invalidateIf(Predicate<K> matches) {
        generation.incrementAndGet();
        cache.asMap().keySet().removeIf(matches);
        generation.incrementAndGet();
    }

    void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
        generation.incrementAndGet();
    }

    /**
     * Makes the loads running now return without being stored (as if an invalidation raced them):
     * for an answer that came from a resilience fallback, which must not be remembered as the
     * provider's.
     */
    void forgetLoadsInFlight() {
        generation.incrementAndGet();
    }
}
