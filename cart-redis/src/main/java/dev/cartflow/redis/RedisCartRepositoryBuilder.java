package dev.cartflow.redis;

import dev.cartflow.error.CartException;
import java.time.Duration;

/** Builder of {@link RedisCartRepository}; setters validate, {@link #build()} freezes. */
public final class RedisCartRepositoryBuilder extends RepositoryBuilder<RedisCartRepositoryBuilder> {
    final CartRedisClient client;
    Duration lockTimeout = Duration.ofSeconds(2);
    Duration idempotencyRetention = Duration.ofHours(24);

    RedisCartRepositoryBuilder(CartRedisClient client) {
        this.client = CartException.requireNonNull(client, "client");
    }

    /**
     * How long a cross-slot two-phase write may hold its locks; default 2 s.
     *
     * @param timeout the lock lifetime, positive
     * @return this builder
     */
    public RedisCartRepositoryBuilder lockTimeout(Duration timeout) {
        this.lockTimeout = positive(timeout, "lock timeout");
        return this;
    }

    /**
     * The shortest time an idempotency record is kept after it is written; default 24 h.
     *
     * @param retention how long, not negative
     * @return this builder
     */
    public RedisCartRepositoryBuilder idempotencyRetention(Duration retention) {
        if (retention == null || retention.isNegative()) {
            throw CartException.invalidInput("retention must not be negative");
        }
        this.idempotencyRetention = retention;
        return this;
    }

    /**
     * The repository.
     *
     * @return a repository on the builder's client
     */
    public RedisCartRepository build() {
        return new RedisCartRepository(this);
    }
}
