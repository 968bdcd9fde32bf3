package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Recovery tokens and the guest tokens a redeem hands out never reach a log line, at any level. */
class RecoveryLogScanTest {
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            super.append(event);
        }
    };
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void captureEverything() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(captured);
        root.setLevel(rootLevel);
    }

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

        List<String> lines = rendered();
        assertThat(lines).as("operation lines were captured")
                .anyMatch(l -> l.contains("operation=REDEEM_RECOVERY"))
                .anyMatch(l -> l.contains("operation=ISSUE_RECOVERY"))
                .anyMatch(l -> l.contains("operation=FREEZE"));
        for (String secret : secrets) {
            assertThat(lines.stream().filter(l -> l.contains(secret))).as("log lines holding a token").isEmpty();
        }
    }

    /** Every captured event as one text: level, logger, message, key-values, MDC and the whole stack trace. */
    private List<String> rendered() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            StringBuilder line = new StringBuilder().append(event.getLevel()).append(' ')
                    .append(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
            if (event.getKeyValuePairs() != null) {
                event.getKeyValuePairs().forEach(kv -> line.append(' ').append(kv.key).append('=').append(kv.value));
            }
            event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(thrown));
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
