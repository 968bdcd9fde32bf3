package dev.cartflow.core.metrics;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartEvent;
import dev.cartflow.spi.CartEventPublisher;
import dev.cartflow.tck.CartEventPublisherContract;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The cart-tck publisher contract on {@link ConversionFigures}, forwarding to a recording publisher. */
class ConversionFiguresContractTest extends CartEventPublisherContract {
    private final List<CartEvent> forwarded = Collections.synchronizedList(new ArrayList<>());

    @Override
    protected CartEventPublisher newPublisher() {
        return new ConversionFigures(forwarded::addAll);
    }

    @Override
    protected Optional<List<CartEvent>> delivered(CartEventPublisher publisher) {
        synchronized (forwarded) {
            return Optional.of(List.copyOf(forwarded));
        }
    }

    @Override
    protected Optional<CartEventPublisher> failingPublisher() {
        return Optional.of(new ConversionFigures(events -> {
            throw CartException.providerUnavailable("event destination down", null);
        }));
    }
}
