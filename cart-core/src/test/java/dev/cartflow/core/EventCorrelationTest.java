package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.internal.observe.OperationLog;
import dev.cartflow.core.internal.pipeline.Publish;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.Sku;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The events of a change carry the correlation id of the request that made it, and only that one. */
class EventCorrelationTest {
    private final TestWorld world = new TestWorld();
    private final CartEngine engine = world.engine();

    @AfterEach
    void clearMdc() {
        MDC.remove(OperationLog.MDC_KEY);
    }

    private CreatedCart guestCart() {
        return engine.createGuestCart(NewCart.of("EUR", "DE"));
    }

    private List<CartEvent> eventsAfter(int before) {
        return List.copyOf(world.published.subList(before, world.published.size()));
    }

    @Test
    void execute_withCorrelationId_everyEventOfTheChangeCarriesIt() {
        CreatedCart created = guestCart();
        int before = world.published.size();
        engine.execute(Actor.guest(created.token()), created.cart().id(), new CartCommand.AddItem(Sku.of("A"), 1),
                Mutation.none().withCorrelationId("req-42"));

        List<CartEvent> events = eventsAfter(before);
        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(e -> assertThat(e.data()).containsEntry(Publish.CORRELATION_KEY, "req-42"));
    }

    @Test
    void create_withCorrelationIdInTheMdc_eventCarriesTheMdcValue() {
        MDC.put(OperationLog.MDC_KEY, "mdc-7");
        int before = world.published.size();
        guestCart();

        assertThat(eventsAfter(before)).singleElement()
                .satisfies(e -> assertThat(e.data()).containsEntry(Publish.CORRELATION_KEY, "mdc-7"));
    }

    @Test
    void execute_withoutCorrelationId_eventsHaveNone_andTheLastOperationsIdDoesNotLeak() {
        CreatedCart created = guestCart();
        Actor guest = Actor.guest(created.token());
        engine.execute(guest, created.cart().id(), new CartCommand.AddItem(Sku.of("A"), 1),
                Mutation.none().withCorrelationId("req-1"));
        int before = world.published.size();
        Cart cart = engine.addItem(guest, created.cart().id(), Sku.of("A"), 1);

        assertThat(cart.version()).isEqualTo(3);
        assertThat(eventsAfter(before)).isNotEmpty()
                .allSatisfy(e -> assertThat(e.data()).doesNotContainKey(Publish.CORRELATION_KEY));
    }
}
