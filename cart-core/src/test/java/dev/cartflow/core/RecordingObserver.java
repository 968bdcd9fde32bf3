package dev.cartflow.core;

import dev.cartflow.core.observe.BreakerState;
import dev.cartflow.core.observe.BusinessEvent;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.model.CartOperation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An observer that writes down every call as a short line, for assertions. */
final class RecordingObserver implements CartObserver {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<BusinessEvent> business = new CopyOnWriteArrayList<>();
    final List<Throwable> swallowed = new CopyOnWriteArrayList<>();

    @Override
    public void operationStarted(CartOperation operation) {
        lines.add("started " + operation);
    }

    @Override
    public void operationFinished(CartOperation operation, Outcome outcome, CartErrorCode code, Duration duration) {
        lines.add("finished " + operation + " " + outcome + " " + code);
    }

    @Override
    public void providerCalled(String provider, Outcome outcome, Duration duration) {
        lines.add("provider " + provider + " " + outcome);
    }

    @Override
    public void conflictRetried(CartOperation operation, int attempt) {
        lines.add("retry " + operation + " " + attempt);
    }

    @Override
    public void cacheAccessed(String cache, boolean hit) {
        lines.add("cache " + cache + " " + (hit ? "hit" : "miss"));
    }

    @Override
    public void breakerChanged(String provider, BreakerState state) {
        lines.add("breaker " + provider + " " + state);
    }

    @Override
    public void outboxMeasured(long pending, Duration oldestAge) {
        lines.add("outbox " + pending);
    }

    @Override
    public void business(BusinessEvent event) {
        business.add(event);
        lines.add("business " + event.kind());
    }

    @Override
    public void failureSwallowed(String where, Throwable error) {
        swallowed.add(error);
        lines.add("swallowed " + where);
    }

    long count(String line) {
        return lines.stream().filter(line::equals).count();
    }

    List<BusinessEvent.Kind> kinds() {
        return business.stream().map(BusinessEvent::kind).toList();
    }
}
