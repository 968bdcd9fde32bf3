package dev.cartflow.spring;

import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.redis.CachingCartRepository;
import dev.cartflow.redis.CachingCartRepositoryBuilder;
import dev.cartflow.redis.CartRedisClient;
import dev.cartflow.redis.RedisCartRepository;
import dev.cartflow.redis.RedisRateLimiter;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.RateLimiter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;

/**
 * cart-redis, once {@code cartflow.redis.uri} or {@code cartflow.redis.cluster-nodes} is set and
 * cart-redis and Lettuce are on the class path (and {@code cartflow.redis.enabled} is not false): the cart cache in front of the repository (with the
 * near cache when {@code near-cache-size} is set; the cache invalidates across instances through
 * Redis itself), or with {@code role=STORE} Redis as the repository, and rate-limit buckets shared
 * by every instance.
 */
@AutoConfiguration(after = CartFlowJdbiAutoConfiguration.class, before = CartFlowEngineAutoConfiguration.class)
@ConditionalOnClass({CachingCartRepository.class, io.lettuce.core.RedisClient.class})
@Conditional(CartFlowRedisAutoConfiguration.RedisConfigured.class)
@ConditionalOnProperty(prefix = "cartflow.redis", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(CartFlowRedisProperties.class)
public class CartFlowRedisAutoConfiguration {

    /** Creates the configuration; Spring calls it. */
    public CartFlowRedisAutoConfiguration() {
    }

    /**
     * The connection, closed with the context.
     *
     * @param properties the cartflow.redis.* properties
     * @return the client
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public CartRedisClient cartRedisClient(CartFlowRedisProperties properties) {
        if (!properties.getClusterNodes().isEmpty()) {
            return CartRedisClient.cluster(properties.getClusterNodes(), properties.getCommandTimeout());
        }
        return CartRedisClient.standalone(properties.getUri(), properties.getCommandTimeout());
    }

    /**
     * Redis as the cart repository ({@code cartflow.redis.role=STORE}).
     *
     * @param client     the connection
     * @param properties the cartflow.redis.* properties
     * @return the repository
     */
    @Bean
    @ConditionalOnMissingBean(CartRepository.class)
    @ConditionalOnProperty(prefix = "cartflow.redis", name = "role", havingValue = "STORE")
    public RedisCartRepository redisCartRepository(CartRedisClient client, CartFlowRedisProperties properties) {
        return RedisCartRepository.builder(client).keyPrefix(properties.getKeyPrefix()).build();
    }

    /**
     * The cart cache in front of the repository ({@code cartflow.redis.role=CACHE}, the default).
     *
     * @param client     the connection
     * @param properties the cartflow.redis.* properties
     * @param observer   the observer, if any
     * @return the layer the engine's repository is wrapped in
     */
    @Bean
    @Order(100)
    @ConditionalOnMissingBean(name = "cartFlowRedisCache")
    @ConditionalOnProperty(prefix = "cartflow.redis", name = "role", havingValue = "CACHE", matchIfMissing = true)
    RepositoryLayer cartFlowRedisCache(CartRedisClient client, CartFlowRedisProperties properties,
                                       ObjectProvider<CartObserver> observer) {
        return repository -> {
            if (!(repository instanceof CartStorage storage)) {
                throw new IllegalStateException("cartflow.redis.role=CACHE needs a repository that is a CartStorage "
                        + "(events and maintenance scans); " + repository.getClass().getName() + " is not");
            }
            CachingCartRepositoryBuilder cache = CachingCartRepository.builder(storage, client)
                    .keyPrefix(properties.getKeyPrefix());
            if (properties.getNearCacheSize() > 0) {
                cache.nearCache(properties.getNearCacheSize(), properties.getNearCacheTtl());
            }
            observer.ifUnique(cache::observer);
            return cache.build();
        };
    }

    /**
     * Rate-limit buckets in Redis, shared by every instance.
     *
     * @param client     the connection
     * @param properties the cartflow.redis.* properties
     * @return the limiter
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(RateLimiter.class)
    @ConditionalOnProperty(prefix = "cartflow.redis", name = "rate-limits", havingValue = "true", matchIfMissing = true)
    public RedisRateLimiter redisRateLimiter(CartRedisClient client, CartFlowRedisProperties properties) {
        return RedisRateLimiter.create(client, properties.getKeyPrefix());
    }

    /**
     * Provider-cache invalidations shared over Redis pub/sub; the subscriptions close with the context.
     *
     * @param client     the connection
     * @param properties the cartflow.redis.* properties
     * @return the broadcast
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(name = "cartFlowCacheBroadcast")
    RedisBroadcast cartFlowCacheBroadcast(CartRedisClient client, CartFlowRedisProperties properties) {
        return new RedisBroadcast(client, properties.getKeyPrefix());
    }

    /** Either a single-server URI or cluster seeds is set. */
    static final class RedisConfigured extends AnyNestedCondition {
        RedisConfigured() {
            super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "cartflow.redis", name = "uri")
        static final class Standalone {
        }

        @ConditionalOnProperty(prefix = "cartflow.redis", name = "cluster-nodes[0]")
        static final class Cluster {
        }
    }
}
