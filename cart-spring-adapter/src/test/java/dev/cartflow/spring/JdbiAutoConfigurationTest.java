package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.jdbi.CartFlowSchema;
import dev.cartflow.jdbi.JdbiAuditLog;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.jdbi.JdbiPromotionUsageStore;
import dev.cartflow.jdbi.OutboxDispatcher;
import dev.cartflow.model.CartEvent;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.spi.CartRepository;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class JdbiAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowJdbiAutoConfiguration.class,
                    CartFlowEngineAutoConfiguration.class));

    @Test
    void jdbi_dataSourcePresent_cartsStoredInPostgresAndEventsDispatched() {
        runner.withUserConfiguration(Database.class, Publishing.class)
                .withPropertyValues("cartflow.outbox.poll-interval=20ms").run(context -> {
                    assertThat(context).hasSingleBean(JdbiCartRepository.class).hasSingleBean(JdbiAuditLog.class)
                            .hasSingleBean(JdbiPromotionUsageStore.class).doesNotHaveBean(InMemoryCartRepository.class);
                    assertThat(context.getBean(CartFlowSchema.class).currentVersion()).isPositive();
                    CreatedCart created = context.getBean(CartEngine.class).createGuestCart(NewCart.of("EUR", "DE"));
                    try (var c = context.getBean(DataSource.class).getConnection();
                         var s = c.prepareStatement("SELECT count(*) FROM carts WHERE id = ?")) {
                        s.setObject(1, java.util.UUID.fromString(created.cart().id().toString()));
                        var rs = s.executeQuery();
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    }
                    OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
                    assertThat(dispatcher.isRunning()).isTrue();
                    Recording recording = context.getBean(Recording.class);
                    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (recording.events.isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertThat(recording.events).extracting(CartEvent::type).contains(CartEvent.Type.CREATED);
                });
    }

    @Test
    void jdbi_contextClosed_dispatcherStopped() {
        OutboxDispatcher[] seen = new OutboxDispatcher[1];
        runner.withUserConfiguration(Database.class).run(context -> seen[0] = context.getBean(OutboxDispatcher.class));
        assertThat(seen[0].isRunning()).isFalse();
    }

    @Test
    void jdbi_withoutCartJdbiOnClassPath_inMemory() {
        runner.withUserConfiguration(Database.class).withClassLoader(new FilteredClassLoader(JdbiCartRepository.class))
                .run(context -> assertThat(context).doesNotHaveBean(CartFlowSchema.class)
                        .hasSingleBean(InMemoryCartRepository.class));
    }

    @Test
    void jdbi_withoutDataSource_inMemory() {
        runner.run(context -> assertThat(context).doesNotHaveBean(CartFlowSchema.class)
                .hasSingleBean(InMemoryCartRepository.class));
    }

    @Test
    void jdbi_disabledByProperty_inMemory() {
        runner.withUserConfiguration(Database.class).withPropertyValues("cartflow.jdbi.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(JdbiCartRepository.class)
                        .hasSingleBean(InMemoryCartRepository.class));
    }

    @Test
    void jdbi_migrateOff_schemaLeftAsItIs() {
        runner.withUserConfiguration(Database.class)
                .withPropertyValues("cartflow.jdbi.migrate=false", "cartflow.outbox.enabled=false")
                .run(context -> {
                    assertThat(context.getBean(CartFlowSchema.class).currentVersion()).isZero();
                    assertThat(context).doesNotHaveBean(OutboxDispatcher.class);
                });
    }

    @Test
    void jdbi_hostRepository_wins() {
        runner.withUserConfiguration(Database.class, OwnRepository.class)
                .run(context -> {
                    assertThat(context).doesNotHaveBean(JdbiCartRepository.class);
                    assertThat(context.getBean(CartRepository.class))
                            .isSameAs(context.getBean(OwnRepository.class).repository);
                });
    }

    @Test
    void jdbi_ownJdbi_hotStatementsTakeConnectionsFromDataSourceDirectly() {
        runner.withUserConfiguration(CountedDatabase.class).withPropertyValues("cartflow.outbox.enabled=false")
                .run(context -> {
                    ConnectionOrigins origins = context.getBean(ConnectionOrigins.class);
                    CartEngine engine = context.getBean(CartEngine.class);
                    int before = origins.direct.get();
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    engine.get(created.actor(), created.cart().id());
                    assertThat(origins.direct.get() - before).as("the save and the load without a JDBI handle")
                            .isGreaterThanOrEqualTo(2);
                });
    }

    @Test
    void jdbi_directConnectionsOff_everyStatementThroughJdbi() {
        runner.withUserConfiguration(CountedDatabase.class)
                .withPropertyValues("cartflow.outbox.enabled=false", "cartflow.jdbi.direct-connections=false")
                .run(context -> {
                    ConnectionOrigins origins = context.getBean(ConnectionOrigins.class);
                    CartEngine engine = context.getBean(CartEngine.class);
                    int direct = origins.direct.get(); // the migrations at start-up took some
                    int viaJdbi = origins.viaJdbi.get();
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    engine.get(created.actor(), created.cart().id());
                    assertThat(origins.direct.get() - direct).isZero();
                    assertThat(origins.viaJdbi.get() - viaJdbi).isGreaterThanOrEqualTo(2);
                });
    }

    @Test
    void jdbi_applicationsOwnJdbiOnAnotherPool_cartsStoredThroughIt() {
        runner.withUserConfiguration(Database.class, OtherPoolJdbi.class).withPropertyValues("cartflow.outbox.enabled=false")
                .run(context -> {
                    CreatedCart created = context.getBean(CartEngine.class).createGuestCart(NewCart.of("EUR", "DE"));
                    assertThat(context.getBean(CartEngine.class).get(created.actor(), created.cart().id()).id())
                            .isEqualTo(created.cart().id());
                    assertThat(cartsIn(context.getBean(OtherPoolJdbi.class).pool, created)).as("the Jdbi's pool")
                            .isEqualTo(1);
                    assertThat(cartsIn(context.getBean(DataSource.class), created)).as("not the DataSource bean")
                            .isZero();
                });
    }

    private static int cartsIn(DataSource pool, CreatedCart created) throws java.sql.SQLException {
        try (var c = pool.getConnection(); var s = c.prepareStatement("SELECT count(*) FROM carts WHERE id = ?")) {
            s.setObject(1, java.util.UUID.fromString(created.cart().id().toString()));
            var rs = s.executeQuery();
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Counts the connections taken from the pool by JDBI and by anything else. */
    static final class ConnectionOrigins {
        final java.util.concurrent.atomic.AtomicInteger viaJdbi = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger direct = new java.util.concurrent.atomic.AtomicInteger();

        DataSource counting(DataSource pool) {
            return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getConnection")) {
                            boolean jdbi = java.util.Arrays.stream(new Throwable().getStackTrace())
                                    .anyMatch(f -> f.getClassName().startsWith("org.jdbi."));
                            (jdbi ? viaJdbi : direct).incrementAndGet();
                        }
                        try {
                            return method.invoke(pool, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CountedDatabase {
        @Bean(destroyMethod = "close")
        com.zaxxer.hikari.HikariDataSource pool() {
            return Postgres.freshSchema();
        }

        @Bean
        ConnectionOrigins connectionOrigins() {
            return new ConnectionOrigins();
        }

        @Bean
        @org.springframework.context.annotation.Primary
        DataSource countedDataSource(com.zaxxer.hikari.HikariDataSource pool, ConnectionOrigins origins) {
            return origins.counting(pool);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OtherPoolJdbi implements org.springframework.beans.factory.DisposableBean {
        final com.zaxxer.hikari.HikariDataSource pool = Postgres.freshSchema();

        @Bean
        org.jdbi.v3.core.Jdbi applicationJdbi() {
            CartFlowSchema.of(pool).migrate();
            return org.jdbi.v3.core.Jdbi.create(pool);
        }

        @Override
        public void destroy() {
            pool.close();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Database {
        @Bean(destroyMethod = "close")
        com.zaxxer.hikari.HikariDataSource dataSource() {
            return Postgres.freshSchema();
        }
    }

    static final class Recording implements CartEventPublisher {
        final List<CartEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void publish(List<CartEvent> published) {
            events.addAll(published);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Publishing {
        @Bean
        Recording recordingPublisher() {
            return new Recording();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRepository {
        final InMemoryCartRepository repository = new InMemoryCartRepository();

        @Bean
        CartRepository myRepository() {
            return repository;
        }
    }
}
