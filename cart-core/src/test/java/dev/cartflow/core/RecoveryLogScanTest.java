package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Recovery tokens and the guest tokens a redeem hands out never reach a log line, at any level. */
class RecoveryLogScanTest {
    @RegisterExtension
    final LogCapture logs = new LogCapture();
    @Test
    void recoveryFlow_everyLevelOn_noTokenInTheLogs() {
        TestWorld world = new TestWorld();
        CartEngine engine = world.builder().observer(new RecordingObserver()).build();
        List<String> secrets = new ArrayList<>();
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("A"), 1);
        world.clock.advance(Duration.ofHours(5));
        RecoveryLink link = engine.maintenance().markAbandonedWithRecovery(Duration.ofHours(4), 10).get(0);
        secrets.add(link.token().substring(37));
        RecoveryLink second = engine.issueRecovery(Actor.service("mailer"), guest.cart().id());
        secrets.add(second.token().substring(37));
        assertThatThrownBy(() -> engine.recover(link.token())).isInstanceOf(CartException.class);
        assertThatThrownBy(() -> engine.recover(link.token() + "!")).isInstanceOf(CartException.class);
        RecoveredCart recovered = engine.recover(second.token());
        secrets.add(recovered.guestToken());
        assertThatThrownBy(() -> engine.recover(Actor.customer(new CustomerId("alice")), second.token(),
                MergePolicy.SUM)).isInstanceOf(CartException.class);
        engine.freeze(recovered.guestActor().orElseThrow(), guest.cart().id(), null, Mutation.none());

        List<String> lines = logs.rendered();
        assertThat(lines).as("operation lines were captured")
                .anyMatch(l -> l.contains("operation=REDEEM_RECOVERY"))
                .anyMatch(l -> l.contains("operation=ISSUE_RECOVERY"))
                .anyMatch(l -> l.contains("operation=FREEZE"));
        for (String secret : secrets) {
            assertThat(lines.stream().filter(l -> l.contains(secret))).as("log lines holding a token").isEmpty();
        }
    }

}
