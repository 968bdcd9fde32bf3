package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.model.Actor;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EncryptionAutoConfigurationTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CartFlowEncryptionAutoConfiguration.class,
                    CartFlowEngineAutoConfiguration.class));

    @Test
    void encryption_keysConfigured_metadataFieldStoredEncryptedReadInClear() {
        runner.withPropertyValues("cartflow.encryption.keys.k1=" + KEY, "cartflow.encryption.current-key=k1",
                        "cartflow.encryption.metadata-fields=email")
                .run(context -> {
                    CartEngine engine = context.getBean(CartEngine.class);
                    CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
                    Actor guest = Actor.guest(created.token());
                    engine.execute(guest, created.cart().id(),
                            new CartCommand.SetMetadata("{\"email\":\"ana@example.org\"}"), Mutation.none());
                    String stored = context.getBean(InMemoryCartRepository.class).find(created.cart().id())
                            .orElseThrow().metadata();
                    assertThat(stored).doesNotContain("ana@example.org");
                    assertThat(engine.get(guest, created.cart().id()).metadata()).contains("ana@example.org");
                });
    }

    @Test
    void encryption_notConfigured_storedAsIs() {
        runner.run(context -> {
            CartEngine engine = context.getBean(CartEngine.class);
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            engine.execute(Actor.guest(created.token()), created.cart().id(),
                    new CartCommand.SetMetadata("{\"email\":\"ana@example.org\"}"), Mutation.none());
            assertThat(context.getBean(InMemoryCartRepository.class).find(created.cart().id()).orElseThrow()
                    .metadata()).contains("ana@example.org");
        });
    }

    @Test
    void encryption_currentKeyUnknown_startUpFailsNamingTheProperty() {
        runner.withPropertyValues("cartflow.encryption.keys.k1=" + KEY, "cartflow.encryption.current-key=k2")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("cartflow.encryption.current-key");
                });
    }

    @Test
    void encryption_shortKey_startUpFailsWithoutRepeatingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[8]);
        runner.withPropertyValues("cartflow.encryption.keys.k1=" + shortKey, "cartflow.encryption.current-key=k1")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).hasStackTraceContaining("cartflow.encryption.keys.k1");
                });
    }
}
