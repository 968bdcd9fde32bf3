package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.model.Actor;
import dev.cartflow.redis.CachingCartRepository;
import dev.cartflow.redis.CartRedisClient;
import dev.cartflow.redis.RedisCartRepository;
import dev.cartflow.redis.RedisRateLimiter;
import dev.cartflow.spi.CartRepository;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class RedisAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowJdbiAutoConfiguration.class,
                    CartFlowRedisAutoConfiguration.class, CartFlowEngineAutoConfiguration.class));

    @Test
    void redis_uriAndDatabase_cartsCachedInRedisInFrontOfPostgres() {
        String prefix = "cache" + System.nanoTime();
        runner.withUserConfiguration(JdbiAutoConfigurationTest.Database.class)
                .withPropertyValues("cartflow.redis.uri=" + Redis.uri(), "cartflow.redis.command-timeout=5s", "cartflow.redis.key-prefix=" + prefix,
                        "cartflow.outbox.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(CartRedisClient.class).hasSingleBean(JdbiCartRepository.class)
                            .hasSingleBean(RedisRateLimiter.class);
                    CartEngine engine = context.getBean(CartEngine.class);
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    engine.get(Actor.guest(created.token()), created.cart().id());
                    assertThat(keys(prefix)).isNotEmpty();
                    assertThat(context.getBean(JdbiCartRepository.class).find(created.cart().id())).isPresent();
                });
    }

    @Test
    void redis_roleStore_redisIsTheRepository() {
        String prefix = "store" + System.nanoTime();
        runner.withPropertyValues("cartflow.redis.uri=" + Redis.uri(), "cartflow.redis.command-timeout=5s", "cartflow.redis.role=STORE",
                        "cartflow.redis.key-prefix=" + prefix)
                .run(context -> {
                    assertThat(context).hasSingleBean(RedisCartRepository.class)
                            .doesNotHaveBean(InMemoryCartRepository.class);
                    CreatedCart created = context.getBean(CartEngine.class).createGuestCart(NewCart.of("EUR", "DE"));
                    assertThat(context.getBean(CartRepository.class).find(created.cart().id())).isPresent();
                    assertThat(keys(prefix)).isNotEmpty();
                });
    }

    @Test
    void redis_cacheOverInMemory_startsAndCaches() {
        String prefix = "mem" + System.nanoTime();
        runner.withPropertyValues("cartflow.redis.uri=" + Redis.uri(), "cartflow.redis.command-timeout=5s", "cartflow.redis.key-prefix=" + prefix)
                .run(context -> {
                    CartEngine engine = context.getBean(CartEngine.class);
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    engine.get(Actor.guest(created.token()), created.cart().id());
                    assertThat(keys(prefix)).isNotEmpty();
                });
    }

    @Test
    void redis_withoutUri_off() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CartRedisClient.class)
                .doesNotHaveBean(RedisRateLimiter.class));
    }

    @Test
    void redis_disabledByProperty_off() {
        runner.withPropertyValues("cartflow.redis.uri=" + Redis.uri(), "cartflow.redis.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CartRedisClient.class)
                        .hasSingleBean(CartEngine.class));
    }

    @Test
    void redis_withoutCartRedisOnClassPath_off() {
        runner.withPropertyValues("cartflow.redis.uri=" + Redis.uri(), "cartflow.redis.command-timeout=5s")
                .withClassLoader(new FilteredClassLoader(CachingCartRepository.class))
                .run(context -> assertThat(context).doesNotHaveBean(CartRedisClient.class)
                        .hasSingleBean(CartEngine.class));
    }

    @Test
    void redis_badTimeout_startUpFailsNamingTheProperty() {
        runner.withPropertyValues("cartflow.redis.uri=" + Redis.uri(), "cartflow.redis.command-timeout=0s")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("cartflow.redis.command-timeout");
                });
    }

    private static List<String> keys(String prefix) {
        RedisClient client = RedisClient.create(Redis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return connection.sync().keys(prefix + "*");
        } finally {
            client.shutdown();
        }
    }
}
