package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A full flow with every logger at TRACE, captured, then scanned for every piece of personal data
 * the flow used: none may appear in clear. The scanner itself is shown to find a planted value.
 */
class PersonalDataLogScanTest {
    private static final String CUSTOMER = "cust-48151623-alice";
    private static final String EMAIL = "alice.liddell@example.org";
    private static final String ADDRESS = "7 Looking Glass Lane";
    private static final String REASON = "customer disputes a charge after her divorce";
    private static final String METADATA = "{\"email\":\"" + EMAIL + "\",\"address\":\"" + ADDRESS + "\"}";

    /** Keeps each event as it was when logged (the MDC is otherwise read when the test looks). */
    @RegisterExtension
    final LogCapture logs = new LogCapture();
    @Test
    void fullFlow_everyLevelOn_noPersonalDataInTheLogs() {
        TestWorld world = new TestWorld();
        AtomicBoolean clockBroken = new AtomicBoolean();
        AtomicBoolean catalogDown = new AtomicBoolean();
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                if (clockBroken.get()) {
                    throw new IllegalStateException("clock chip failed");
                }
                return world.clock.instant();
            }
        };
        CartEngine engine = world.builder().clock(clock).observer(new RecordingObserver())
                .catalog(skus -> {
                    if (catalogDown.get()) {
                        throw new IllegalStateException("catalog timed out");
                    }
                    return world.catalog.products(skus);
                })
                .events(events -> {
                    throw new IllegalStateException("broker down");
                }).build();
        List<String> personal = new ArrayList<>(List.of(CUSTOMER, EMAIL, ADDRESS, REASON));

        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        personal.add(guest.token());
        engine.addItem(guest.actor(), guest.cart().id(), new Sku("A"), 2);
        engine.execute(guest.actor(), guest.cart().id(), new CartCommand.SetMetadata(METADATA),
                Mutation.none().withCorrelationId("req-explicit-1"));
        engine.applyCode(guest.actor(), guest.cart().id(), "SAVE10");
        assertThatThrownBy(() -> engine.applyCode(guest.actor(), guest.cart().id(), "GUESS1"))
                .isInstanceOf(CartException.class);
        assertThatThrownBy(() -> engine.get(Actor.guest(guest.token() + "x"), guest.cart().id()))
                .isInstanceOf(CartException.class);
        engine.get(Actor.support("staff-7", REASON), guest.cart().id());
        CustomerId alice = new CustomerId(CUSTOMER);
        Actor aliceActor = Actor.customer(alice);
        engine.createCustomerCart(aliceActor, alice, NewCart.of("EUR", "DE"));
        MDC.put("cartflow.correlationId", "req-from-mdc-2");
        Cart merged = engine.merge(aliceActor, new MergeRequest(guest.cart().id(), guest.token(), alice,
                MergePolicy.SUM)).cart();
        MDC.remove("cartflow.correlationId");
        engine.activeCart(aliceActor, alice);
        catalogDown.set(true);
        assertThatThrownBy(() -> engine.addItem(aliceActor, merged.id(), new Sku("B"), 2))
                .isInstanceOf(CartException.class);
        catalogDown.set(false);
        engine.checkout(aliceActor, merged.id(), Mutation.idempotent("order-" + CUSTOMER));
        clockBroken.set(true);
        assertThatThrownBy(() -> engine.price(aliceActor, merged.id())).isInstanceOf(CartException.class);

        List<String> lines = logs.rendered();
        assertThat(lines).as("operation lines were captured").hasSizeGreaterThan(10)
                .anyMatch(l -> l.contains("DEBUG") && l.contains("operation=CHECKOUT"))
                .anyMatch(l -> l.contains("WARN") && l.contains("code=PROVIDER_UNAVAILABLE"))
                .anyMatch(l -> l.contains("ERROR") && l.contains("code=INTERNAL") && l.contains("clock chip failed"))
                .anyMatch(l -> l.contains("where=publish") && l.contains("broker down"))
                .anyMatch(l -> l.contains("operation=SET_METADATA") && l.contains("correlationId=req-explicit-1"))
                .anyMatch(l -> l.contains("operation=MERGE") && l.contains("correlationId=req-from-mdc-2"));
        for (String value : personal) {
            assertThat(leaks(lines, value)).as("log lines holding %s", value).isEmpty();
        }
    }

    @Test
    void scanner_plantedValue_found() {
        org.slf4j.Logger logger = LoggerFactory.getLogger("dev.cartflow.test");
        logger.atInfo().addKeyValue("who", EMAIL).log("a careless line");
        MDC.put("user", CUSTOMER);
        logger.warn("failed", new IllegalStateException("for " + ADDRESS));

        List<String> lines = logs.rendered();
        assertThat(leaks(lines, EMAIL)).hasSize(1);
        assertThat(leaks(lines, CUSTOMER)).hasSize(1);
        assertThat(leaks(lines, ADDRESS)).hasSize(1);
    }


    private static List<String> leaks(List<String> lines, String value) {
        return lines.stream().filter(l -> l.contains(value)).toList();
    }
}
