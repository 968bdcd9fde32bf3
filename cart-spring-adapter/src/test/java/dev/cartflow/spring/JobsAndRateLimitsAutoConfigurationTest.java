package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class JobsAndRateLimitsAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowJdbiAutoConfiguration.class,
                    CartFlowEngineAutoConfiguration.class, CartFlowJobsAutoConfiguration.class));

    @Test
    void jobs_contextLifecycle_startedAndStopped() {
        CartFlowJobs[] seen = new CartFlowJobs[1];
        runner.run(context -> {
            seen[0] = context.getBean(CartFlowJobs.class);
            assertThat(seen[0].isRunning()).isTrue();
        });
        assertThat(seen[0].isRunning()).isFalse();
    }

    @Test
    void jobs_purge_deletesCartsExpiredLongerThanPurgeAfter() {
        runner.withUserConfiguration(MovableClockConfig.class).withPropertyValues("cartflow.jobs.purge-after=0s")
                .run(context -> {
                    CreatedCart created = context.getBean(CartEngine.class).createGuestCart(NewCart.of("EUR", "DE"));
                    context.getBean(MutableClock.class).advance(Duration.ofDays(31));
                    assertThat(context.getBean(CartFlowJobs.class).runNow("purge")).isEqualTo(1);
                    assertThat(context.getBean(CartRepository.class).find(created.cart().id())).isEmpty();
                });
    }

    @Test
    void jobs_disabled_noBean() {
        runner.withPropertyValues("cartflow.jobs.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CartFlowJobs.class));
    }

    @Test
    void jobs_singleInstanceOnPostgres_oneInstanceLeadsUntilItStops() {
        try (com.zaxxer.hikari.HikariDataSource db = Postgres.freshSchema()) {
            ApplicationContextRunner shared = runner.withBean(javax.sql.DataSource.class, () -> db,
                    b -> b.setDestroyMethodName(""))
                    .withPropertyValues("cartflow.outbox.enabled=false", "cartflow.jobs.lock-key=" + System.nanoTime());
            shared.run(first -> {
                assertThat(first.getBean(CartFlowJobs.class).runNow("abandonment")).isGreaterThanOrEqualTo(0);
                ConfigurableApplicationContext[] secondContext = new ConfigurableApplicationContext[1];
                shared.run(second -> {
                    assertThat(second.getBean(CartFlowJobs.class).runNow("abandonment")).isEqualTo(-1);
                    first.getBean(CartFlowJobs.class).stop();
                    assertThat(second.getBean(CartFlowJobs.class).runNow("abandonment")).isGreaterThanOrEqualTo(0);
                    secondContext[0] = second;
                });
                assertThat(secondContext[0]).isNotNull();
            });
        }
    }

    @Test
    void rateLimits_perActorLimit_secondCallRateLimited() {
        runner.withPropertyValues("cartflow.rate-limits.per-actor.get.capacity=1",
                        "cartflow.rate-limits.per-actor.get.period=1h")
                .run(context -> {
                    CartEngine engine = context.getBean(CartEngine.class);
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    Actor guest = Actor.guest(created.token());
                    engine.get(guest, created.cart().id());
                    assertThatThrownBy(() -> engine.get(guest, created.cart().id()))
                            .isInstanceOfSatisfying(CartException.class,
                                    e -> assertThat(e.code()).isEqualTo(CartErrorCode.RATE_LIMITED));
                });
    }

    @Test
    void rateLimits_perCartOnACreation_startUpFailsNamingTheProperty() {
        runner.withPropertyValues("cartflow.rate-limits.per-cart.create-guest-cart.capacity=1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .hasStackTraceContaining("cartflow.rate-limits.per-cart.create-guest-cart");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class MovableClockConfig {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        }
    }
}
