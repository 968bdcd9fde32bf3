package dev.cartflow.micrometer;

import dev.cartflow.core.observe.BreakerState;
import dev.cartflow.core.observe.BusinessEvent;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The engine's observer as Micrometer meters. Give it to {@code CartEngine.builder().observer(..)}
 * (and to the provider caches, the Redis cart cache, the outbox dispatcher and the resilience
 * settings, so that their hits, breakers and lag land in the same registry). Meters, every tag
 * low-cardinality (never a cart, customer, sku or code):
 *
 * <ul>
 *   <li>{@code cartflow.operations} timer: {@code operation}, {@code outcome}, {@code code}
 *       ({@code none} on success); {@code cartflow.operations.active} gauge: operations running</li>
 *   <li>{@code cartflow.provider.calls} timer: {@code provider}, {@code outcome};
 *       {@code cartflow.provider.errors} counter: {@code provider}</li>
 *   <li>{@code cartflow.conflict.retries} counter: {@code operation}</li>
 *   <li>{@code cartflow.cache.requests} counter: {@code cache}, {@code result} ({@code hit}/{@code miss})</li>
 *   <li>{@code cartflow.breaker.state} gauge: {@code provider}; 0 closed, 1 half-open, 2 open</li>
 *   <li>{@code cartflow.outbox.pending} gauge and {@code cartflow.outbox.oldest.age} gauge (seconds)</li>
 *   <li>{@code cartflow.carts.created}, {@code .merged}, {@code .checked.out}, {@code .abandoned},
 *       {@code cartflow.codes.applied}, {@code cartflow.codes.rejected} counters;
 *       {@code cartflow.checkout.revenue} counter in major units (tag {@code currency})</li>
 *   <li>{@code cartflow.failures.swallowed} counter: {@code where}</li>
 * </ul>
 *
 * <p>Tags whose values are names rather than enums ({@code provider}, {@code cache},
 * {@code currency}, {@code where}) keep at most 64 distinct values each; later ones are
 * {@code other}. Thread-safe; never throws into the engine.
 */
public final class MicrometerCartObserver implements CartObserver {
    private static final int MAX_NAMES = 64;

    private final MeterRegistry registry;
    private final Meter.MeterProvider<Timer> operations;
    private final Meter.MeterProvider<Timer> providerCalls;
    private final Meter.MeterProvider<Counter> providerErrors;
    private final Meter.MeterProvider<Counter> conflictRetries;
    private final Meter.MeterProvider<Counter> providerRetries;
    private final Meter.MeterProvider<Counter> cacheRequests;
    private final Meter.MeterProvider<Counter> revenue;
    private final Meter.MeterProvider<Counter> swallowed;
    private final Map<BusinessEvent.Kind, Counter> business = new EnumMap<>(BusinessEvent.Kind.class);
    private final Map<String, AtomicInteger> breakers = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicLong outboxPending = new AtomicLong();
    private final AtomicLong outboxOldestMillis = new AtomicLong();
    private final BoundedTag providerNames = new BoundedTag(MAX_NAMES);
    private final BoundedTag cacheNames = new BoundedTag(MAX_NAMES);
    private final BoundedTag currencies = new BoundedTag(MAX_NAMES);
    private final BoundedTag failureSites = new BoundedTag(MAX_NAMES);

    /**
     * An observer registering its meters in {@code registry}.
     *
     * @param registry where the meters go
     */
    public MicrometerCartObserver(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.operations = Timer.builder("cartflow.operations")
                .description("Engine operations by operation, outcome and error code").withRegistry(registry);
        this.providerCalls = Timer.builder("cartflow.provider.calls")
                .description("Calls to the host's providers and the cart store").withRegistry(registry);
        this.providerErrors = Counter.builder("cartflow.provider.errors")
                .description("Provider calls that failed").withRegistry(registry);
        this.conflictRetries = Counter.builder("cartflow.conflict.retries")
                .description("Attempts repeated after a concurrent change").withRegistry(registry);
        this.providerRetries = Counter.builder("cartflow.provider.retries")
                .description("Provider reads tried again by a resilience decorator").withRegistry(registry);
        this.cacheRequests = Counter.builder("cartflow.cache.requests")
                .description("Cache lookups by cache and result").withRegistry(registry);
        this.revenue = Counter.builder("cartflow.checkout.revenue").baseUnit("major units")
                .description("Totals checked out, per currency").withRegistry(registry);
        this.swallowed = Counter.builder("cartflow.failures.swallowed")
                .description("Failures the engine survived without failing an operation").withRegistry(registry);
        business.put(BusinessEvent.Kind.CART_CREATED, counter("cartflow.carts.created", "Carts created"));
        business.put(BusinessEvent.Kind.CART_MERGED, counter("cartflow.carts.merged", "Guest carts merged"));
        business.put(BusinessEvent.Kind.CHECKED_OUT, counter("cartflow.carts.checked.out", "Carts checked out"));
        business.put(BusinessEvent.Kind.CART_ABANDONED, counter("cartflow.carts.abandoned", "Carts abandoned"));
        business.put(BusinessEvent.Kind.CODE_APPLIED, counter("cartflow.codes.applied", "Codes applied"));
        business.put(BusinessEvent.Kind.CODE_REJECTED, counter("cartflow.codes.rejected", "Codes refused"));
        Gauge.builder("cartflow.operations.active", active, AtomicInteger::get)
                .description("Operations running now").register(registry);
        Gauge.builder("cartflow.outbox.pending", outboxPending, AtomicLong::get)
                .description("Events not yet delivered from the outbox").register(registry);
        Gauge.builder("cartflow.outbox.oldest.age", outboxOldestMillis, ms -> ms.get() / 1000.0).baseUnit("seconds")
                .description("Age of the oldest undelivered outbox event").register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    @Override
    public void operationStarted(CartOperation operation) {
        active.incrementAndGet();
    }

    @Override
    public void operationFinished(CartOperation operation, Outcome outcome, @Nullable CartErrorCode code,
                                  Duration duration) {
        active.decrementAndGet();
        operations.withTags("operation", operation.name(), "outcome", outcome.name(),
                "code", code == null ? "none" : code.name()).record(duration);
    }

    @Override
    public void providerCalled(String provider, Outcome outcome, Duration duration) {
        String name = providerNames.value(provider);
        providerCalls.withTags("provider", name, "outcome", outcome.name()).record(duration);
        if (outcome == Outcome.ERROR) {
            providerErrors.withTags("provider", name).increment();
        }
    }

    @Override
    public void providerRetried(String provider, int attempt) {
        providerRetries.withTags("provider", providerNames.value(provider)).increment();
    }

    @Override
    public void conflictRetried(CartOperation operation, int attempt) {
        conflictRetries.withTags("operation", operation.name()).increment();
    }

    @Override
    public void cacheAccessed(String cache, boolean hit) {
        cacheRequests.withTags("cache", cacheNames.value(cache), "result", hit ? "hit" : "miss").increment();
    }

    @Override
    public void breakerChanged(String provider, BreakerState state) {
        String name = providerNames.value(provider);
        AtomicInteger gauge = breakers.computeIfAbsent(name, n -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder("cartflow.breaker.state", value, AtomicInteger::get)
                    .description("Circuit breaker state: 0 closed, 1 half-open, 2 open")
                    .tags(Tags.of("provider", n)).register(registry);
            return value;
        });
        gauge.set(switch (state) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        });
    }

    @Override
    public void outboxMeasured(long pending, Duration oldestAge) {
        outboxPending.set(pending);
        outboxOldestMillis.set(oldestAge.toMillis());
    }

    @Override
    public void business(BusinessEvent event) {
        Counter counter = business.get(event.kind());
        if (counter != null) {
            counter.increment(event.count());
        }
        Money amount = event.amount();
        if (event.kind() == BusinessEvent.Kind.CHECKED_OUT && amount != null) {
            // Metrics are approximate by nature (doubles); the exact figures stay in the carts.
            BigDecimal major = BigDecimal.valueOf(amount.minor(), amount.currency().getDefaultFractionDigits());
            revenue.withTags("currency", currencies.value(amount.currency().getCurrencyCode()))
                    .increment(major.doubleValue());
        }
    }

    @Override
    public void failureSwallowed(String where, Throwable error) {
        swallowed.withTags("where", failureSites.value(where)).increment();
    }
}
