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
