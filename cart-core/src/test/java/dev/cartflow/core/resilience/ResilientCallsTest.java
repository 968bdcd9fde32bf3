package dev.cartflow.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.cartflow.core.health.HealthContributor;
import dev.cartflow.core.health.HealthStatus;
import dev.cartflow.core.internal.snapshot.FallbackReporting;
import dev.cartflow.core.observe.BreakerState;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import dev.cartflow.tck.MutableClock;
import dev.failsafe.BulkheadFullException;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.TimeoutExceededException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guard of one provider, shown on pricing: timeouts, read retries, the breaker's cycle, the
 * bulkhead, the fallbacks, and what the caller sees (only {@code CartException}).
 */
class ResilientCallsTest {
    private static final Sku A = new Sku("A");
    private static final Sku B = new Sku("B");
    private static final PriceRequest REQUEST_A = new PriceRequest(Set.of(A), Scripted.EUR, "DE", null);
    /** Far beyond any timeout below, and still short enough not to stall the build if a test breaks. */
    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final List<BreakerState> transitions = new CopyOnWriteArrayList<>();
    private final List<String> retries = new CopyOnWriteArrayList<>();
    private final CartObserver observer = new CartObserver() {
        @Override
        public void breakerChanged(String provider, BreakerState state) {
            transitions.add(state);
        }

        @Override
        public void providerRetried(String provider, int attempt) {
            retries.add(provider + " " + attempt);
        }
    };
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<Scripted> scripted = new ArrayList<>();

    @AfterEach
    void releaseEverything() {
        scripted.forEach(s -> s.release.countDown());
        callers.shutdownNow();
    }

    private Scripted provider(Scripted.Mode mode) {
        return provider(new Scripted().mode(mode));
    }

    private Scripted provider(Scripted s) {
        scripted.add(s);
        return s;
    }

    private ProviderPolicy.Builder quick() {
        return ProviderPolicy.builder().timeout(Duration.ofMillis(200)).backoff(Duration.ofMillis(5),
                Duration.ofMillis(20)).observer(observer);
    }

    private static CartException failure(Runnable call) {
        try {
            call.run();
        } catch (CartException e) {
            return e;
        }
        throw new AssertionError("expected a CartException");
    }

    private static void assertUnavailable(CartException e, Class<? extends Throwable> cause) {
        assertThat(e).isExactlyInstanceOf(CartException.class);
        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.getCause()).isInstanceOf(cause);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HANG", "HANG_IGNORING_INTERRUPTS"})
    void read_providerHangs_returnsUnavailableWithinTheTimeout(Scripted.Mode mode) {
        PricingProvider prices = Resilience.pricing(provider(mode), quick().retries(0).build());
        CartException e = assertTimeoutPreemptively(GENEROUS, () -> failure(() -> prices.prices(REQUEST_A)));
        assertThat(e).isExactlyInstanceOf(CartException.class);
        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        // Failsafe's own timeout, or the caller's wait for an attempt that ignores its interrupt.
        assertThat(e.getCause()).isInstanceOfAny(TimeoutExceededException.class, TimeoutException.class);
    }

    @Test
    void read_providerIgnoresInterrupts_breakerStillCountsTheTimeout() {
        PricingProvider prices = Resilience.pricing(provider(Scripted.Mode.HANG_IGNORING_INTERRUPTS),
                quick().retries(0).breaker(1, 1).build());
        assertTimeoutPreemptively(GENEROUS, () -> failure(() -> prices.prices(REQUEST_A)));
        assertThat(((ResilientPricing) prices).breakerState()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void read_hangsWithRetries_eachAttemptTimesOut() {
        Scripted host = provider(Scripted.Mode.HANG);
        PricingProvider prices = Resilience.pricing(host, quick().retries(2).build());
        CartException e = assertTimeoutPreemptively(GENEROUS, () -> failure(() -> prices.prices(REQUEST_A)));
        assertUnavailable(e, TimeoutExceededException.class);
        assertThat(host.calls).hasValue(3);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 20261201L})
    void read_failsEveryThirdCall_retriedUntilAnswered(long seed) {
        Scripted host = provider(new Scripted().failEvery(3, seed));
        PricingProvider prices = Resilience.pricing(host, quick().retries(2).build());
        for (int i = 0; i < 30; i++) {
            assertThat(prices.prices(REQUEST_A)).as("seed %d call %d", seed, i).containsKey(A);
        }
        int calls = host.calls.get();
        int failingRemainder = new Random(seed).nextInt(3);
        long failed = IntStream.rangeClosed(1, calls).filter(n -> n % 3 == failingRemainder).count();
        assertThat(calls - 30).as("seed %d: one extra call per failure", seed).isEqualTo((int) failed).isPositive();
    }

    @Test
    void read_failsHard_triedRetriesPlusOneThenUnavailable() {
        Scripted host = provider(Scripted.Mode.FAIL);
        PricingProvider prices = Resilience.pricing(host, quick().retries(2).build());
        assertUnavailable(failure(() -> prices.prices(REQUEST_A)), IllegalStateException.class);
        assertThat(host.calls).hasValue(3);
        assertThat(retries).as("each retry told to the observer, numbered by the attempt it starts")
                .containsExactly("pricing 2", "pricing 3");
    }

    @Test
    void read_nullAnswer_retriedThenUnavailable() {
        Scripted host = provider(Scripted.Mode.NULL);
        PricingProvider prices = Resilience.pricing(host, quick().retries(1).build());
        CartException e = failure(() -> prices.prices(REQUEST_A));
        assertThat(e).isExactlyInstanceOf(CartException.class);
        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(host.calls).hasValue(2);
    }

    @Test
    void read_cartExceptionOfTheProvider_passesThroughUnretriedAndIsNoFailure() {
        Scripted host = provider(Scripted.Mode.THROW_CART_EXCEPTION);
        PricingProvider prices = Resilience.pricing(host, quick().retries(2).breaker(1, 1).build());
        for (int i = 0; i < 3; i++) {
            CartException e = failure(() -> prices.prices(REQUEST_A));
            assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains("the host refuses this request");
        }
        assertThat(host.calls).hasValue(3);
        assertThat(((ResilientPricing) prices).breakerState()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void read_providerReportsUnavailableItself_retriedAndItsExceptionPassedOn() {
        Scripted host = provider(Scripted.Mode.REPORT_UNAVAILABLE);
        PricingProvider prices = Resilience.pricing(host, quick().retries(2).build());
        CartException e = failure(() -> prices.prices(REQUEST_A));
        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.getMessage()).contains("price service reports an outage");
        assertThat(host.calls).hasValue(3);
    }

    @Test
    void breaker_failuresReachTheThreshold_opensAndStopsCallingTheProvider() {
        Scripted host = provider(Scripted.Mode.FAIL);
        PricingProvider prices = Resilience.pricing(host, quick().retries(0).breaker(2, 2)
                .breakerDelay(Duration.ofSeconds(30)).build());
        failure(() -> prices.prices(REQUEST_A));
        failure(() -> prices.prices(REQUEST_A));
        assertUnavailable(failure(() -> prices.prices(REQUEST_A)), CircuitBreakerOpenException.class);
        assertThat(host.calls).hasValue(2);
        assertThat(transitions).containsExactly(BreakerState.OPEN);
        HealthContributor health = (HealthContributor) prices;
        assertThat(health.healthName()).isEqualTo("breaker.pricing");
        assertThat(health.health().status()).isEqualTo(HealthStatus.DOWN);
        assertThat(health.health().details()).containsEntry("state", "OPEN");
    }

    @Test
    void breaker_afterItsDelay_halfOpensThenClosesOnSuccesses() throws Exception {
        Scripted host = provider(Scripted.Mode.FAIL);
        PricingProvider prices = Resilience.pricing(host, quick().retries(0).breaker(1, 1)
                .breakerDelay(Duration.ofMillis(100)).breakerSuccesses(2).build());
        HealthContributor health = (HealthContributor) prices;
        failure(() -> prices.prices(REQUEST_A));
        assertThat(health.health().status()).isEqualTo(HealthStatus.DOWN);
        host.mode(Scripted.Mode.ANSWER);
        Thread.sleep(150);
        assertTimeoutPreemptively(GENEROUS, () -> {
            while (host.calls.get() == 1) {
                try {
                    prices.prices(REQUEST_A);
                } catch (CartException stillOpen) {
                    Thread.sleep(20);
                }
            }
        });
        assertThat(((ResilientPricing) prices).breakerState()).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(health.health().status()).isEqualTo(HealthStatus.DEGRADED);
        prices.prices(REQUEST_A);
        assertThat(((ResilientPricing) prices).breakerState()).isEqualTo(BreakerState.CLOSED);
        assertThat(health.health().status()).isEqualTo(HealthStatus.UP);
        assertThat(transitions).containsExactly(BreakerState.OPEN, BreakerState.HALF_OPEN, BreakerState.CLOSED);
    }

    @Test
    void breaker_openWithAFallback_reportsDegraded() {
        Scripted host = provider(Scripted.Mode.FAIL);
        PricingProvider prices = Resilience.pricing(host, quick().retries(0).breaker(1, 1).build(),
                request -> Map.of());
        prices.prices(REQUEST_A);
        assertThat(((ResilientPricing) prices).breakerState()).isEqualTo(BreakerState.OPEN);
        assertThat(((HealthContributor) prices).health().status()).isEqualTo(HealthStatus.DEGRADED);
    }

    @Test
    void bulkhead_oneCallMoreThanItsCap_rejectedAtOnce() throws Exception {
        Scripted host = provider(new Scripted(2).mode(Scripted.Mode.HANG));
        PricingProvider prices = Resilience.pricing(host, quick().timeout(GENEROUS).retries(0)
                .bulkhead(2, Duration.ZERO).build());
        Future<Map<Sku, PriceQuote>> first = callers.submit(() -> prices.prices(REQUEST_A));
        Future<Map<Sku, PriceQuote>> second = callers.submit(() -> prices.prices(REQUEST_A));
        assertThat(host.entered.await(10, TimeUnit.SECONDS)).isTrue();
        CartException e = assertTimeoutPreemptively(GENEROUS, () -> failure(() -> prices.prices(REQUEST_A)));
        assertUnavailable(e, BulkheadFullException.class);
        assertThat(host.calls).hasValue(2);
        host.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).containsKey(A);
        assertThat(second.get(10, TimeUnit.SECONDS)).containsKey(A);
        assertThat(((ResilientPricing) prices).breakerState()).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void bulkhead_excessWithAWait_servedWhenAPlaceFrees() throws Exception {
        Scripted host = provider(new Scripted(1).mode(Scripted.Mode.HANG));
        PricingProvider prices = Resilience.pricing(host, quick().timeout(GENEROUS).retries(0)
                .bulkhead(1, Duration.ofSeconds(10)).build());
        Future<Map<Sku, PriceQuote>> first = callers.submit(() -> prices.prices(REQUEST_A));
        assertThat(host.entered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Map<Sku, PriceQuote>> waiting = callers.submit(() -> prices.prices(REQUEST_A));
        Thread.sleep(100);
        assertThat(host.calls).hasValue(1);
        host.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).containsKey(A);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).containsKey(A);
        assertThat(host.calls).hasValue(2);
    }

    @Test
    void fallback_lastKnownGood_answersWhenTheProviderFailsAndIsReported() {
        Scripted host = provider(Scripted.Mode.ANSWER);
        PricingProvider prices = Resilience.pricing(host, quick().retries(0)
                .lastKnownGood(100, Duration.ofHours(1)).build());
        prices.prices(REQUEST_A);
        host.mode(Scripted.Mode.FAIL).price("99.00");
        List<String> reported = new ArrayList<>();
        @SuppressWarnings("unchecked")
        PricingProvider view = ((FallbackReporting<PricingProvider>) prices).reportingTo(reported::add);
        assertThat(view.prices(REQUEST_A).get(A).unitPrice()).isEqualTo(Scripted.eur("10.00"));
        assertThat(reported).containsExactly("pricing");
        assertThat(prices.prices(REQUEST_A).get(A).unitPrice()).isEqualTo(Scripted.eur("10.00"));
    }

    @Test
    void fallback_providerAnswers_nothingReported() {
        PricingProvider prices = Resilience.pricing(provider(Scripted.Mode.ANSWER), quick()
                .lastKnownGood(100, Duration.ofHours(1)).build());
        List<String> reported = new ArrayList<>();
        @SuppressWarnings("unchecked")
        PricingProvider view = ((FallbackReporting<PricingProvider>) prices).reportingTo(reported::add);
        assertThat(view.prices(REQUEST_A)).containsKey(A);
        assertThat(reported).isEmpty();
    }

    @Test
    void fallback_lastKnownGoodOlderThanItsMaxAge_unavailable() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        Scripted host = provider(Scripted.Mode.ANSWER);
        PricingProvider prices = Resilience.pricing(host, quick().retries(0).clock(clock)
                .lastKnownGood(100, Duration.ofMinutes(10)).build());
        prices.prices(REQUEST_A);
        host.mode(Scripted.Mode.FAIL);
        clock.advance(Duration.ofMinutes(11));
        assertUnavailable(failure(() -> prices.prices(REQUEST_A)), IllegalStateException.class);
    }

    @Test
    void fallback_defaults_answerTheKeysNoLastKnownAnswerCovers() {
        Scripted host = provider(Scripted.Mode.ANSWER);
        PricingProvider defaults = request -> Map.of(B, new PriceQuote(B, Scripted.eur("1.00"),
                List.of(Rate.parse("0.19")), null), A, new PriceQuote(A, Scripted.eur("5.00"), List.of(), null));
        PricingProvider prices = Resilience.pricing(host, quick().retries(0)
                .lastKnownGood(100, Duration.ofHours(1)).build(), defaults);
        prices.prices(REQUEST_A);
        host.mode(Scripted.Mode.FAIL);
        Map<Sku, PriceQuote> answer = prices.prices(new PriceRequest(Set.of(A, B), Scripted.EUR, "DE", null));
        assertThat(answer.get(A).unitPrice()).isEqualTo(Scripted.eur("10.00"));
        assertThat(answer.get(B).unitPrice()).isEqualTo(Scripted.eur("1.00"));
    }

    @Test
    void fallback_noneConfigured_unavailableWithTheCauseKept() {
        PricingProvider prices = Resilience.pricing(provider(Scripted.Mode.FAIL), quick().retries(0).build());
        assertUnavailable(failure(() -> prices.prices(REQUEST_A)), IllegalStateException.class);
    }

    @Test
    void fallback_defaultsFailToo_theProviderFailureWithTheDefaultsSuppressed() {
        PricingProvider prices = Resilience.pricing(provider(Scripted.Mode.FAIL), quick().retries(0).build(),
                request -> {
                    throw new IllegalStateException("defaults broken");
                });
        CartException e = failure(() -> prices.prices(REQUEST_A));
        assertUnavailable(e, IllegalStateException.class);
        assertThat(e.getSuppressed()).hasSize(1);
    }

    @Test
    void fallback_cartExceptionOfTheProvider_notAnsweredByAFallback() {
        Scripted host = provider(Scripted.Mode.ANSWER);
        PricingProvider prices = Resilience.pricing(host, quick().retries(0)
                .lastKnownGood(100, Duration.ofHours(1)).build());
        prices.prices(REQUEST_A);
        host.mode(Scripted.Mode.THROW_CART_EXCEPTION);
        assertThatThrownBy(() -> prices.prices(REQUEST_A)).isExactlyInstanceOf(CartException.class)
                .extracting(e -> ((CartException) e).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void observer_throws_callOutcomeUnchanged() {
        CartObserver throwing = new CartObserver() {
            @Override
            public void breakerChanged(String provider, BreakerState state) {
                throw new IllegalStateException("observer bug");
            }
        };
        PricingProvider prices = Resilience.pricing(provider(Scripted.Mode.FAIL), quick().retries(0).breaker(1, 1)
                .observer(throwing).build());
        assertUnavailable(failure(() -> prices.prices(REQUEST_A)), IllegalStateException.class);
        assertUnavailable(failure(() -> prices.prices(REQUEST_A)), CircuitBreakerOpenException.class);
    }
}
