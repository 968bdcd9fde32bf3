package dev.cartflow.core.resilience;

import dev.cartflow.error.CartException;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A host pricing service whose behaviour a test scripts: answer, fail, hang on a latch, ignore
 * interrupts, or fail on chosen calls. Counts every call that reached it.
 */
final class Scripted implements PricingProvider {
    static final Currency EUR = Currency.getInstance("EUR");

    enum Mode { ANSWER, FAIL, HANG, HANG_IGNORING_INTERRUPTS, THROW_CART_EXCEPTION, REPORT_UNAVAILABLE, NULL }

    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch release = new CountDownLatch(1);
    /** Calls that have started and wait on {@link #release} (bulkhead tests). */
    final CountDownLatch entered;
    private volatile Mode mode = Mode.ANSWER;
    private volatile IntPredicate failsOnCall = n -> false;
    private volatile String price = "10.00";

    Scripted() {
        this(0);
    }

    Scripted(int expectedWaiters) {
        this.entered = new CountDownLatch(expectedWaiters);
    }

    Scripted mode(Mode mode) {
        this.mode = mode;
        return this;
    }

    Scripted price(String price) {
        this.price = price;
        return this;
    }

    /** Fails every {@code n}-th call, starting at a seeded offset. */
    Scripted failEvery(int n, long seed) {
        int offset = new Random(seed).nextInt(n);
        this.failsOnCall = call -> call % n == offset;
        return this;
    }

    static Money eur(String amount) {
        return Money.parse(amount, EUR);
    }

    @Override
    public Map<Sku, PriceQuote> prices(PriceRequest request) {
        int call = calls.incrementAndGet();
        switch (mode) {
            case FAIL -> throw new IllegalStateException("pricing service down");
            case THROW_CART_EXCEPTION -> throw CartException.invalidInput("the host refuses this request");
            case REPORT_UNAVAILABLE -> throw CartException.providerUnavailable("price service reports an outage",
                    new IllegalStateException("outage"));
            case NULL -> {
                return null;
            }
            case HANG -> {
                entered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            case HANG_IGNORING_INTERRUPTS -> {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (release.getCount() > 0 && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            default -> {
            }
        }
        if (failsOnCall.test(call)) {
            throw new IllegalStateException("intermittent failure on call " + call);
        }
        Map<Sku, PriceQuote> quotes = new HashMap<>();
        for (Sku sku : request.skus()) {
            quotes.put(sku, new PriceQuote(sku, eur(price), List.of(Rate.parse("0.19")), null));
        }
        return quotes;
    }
}
