package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryInventory;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.core.memory.InMemoryPromotions;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.resilience.ProviderPolicy;
import dev.cartflow.core.resilience.Resilience;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PromotionQuery;
import dev.cartflow.spi.StockKey;
import dev.cartflow.tck.CartFixtures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile input to the resilience entry points: the policy builder's setters, the
 * {@link Resilience} factories and the decorators' methods, with nulls, zero, negative, huge and
 * not-a-number values. Every rejected call is a {@code CartException} with {@code INVALID_INPUT}
 * (or, for a stale repository write, {@code VERSION_CONFLICT}), never another exception, and a
 * rejected repository call leaves the stored carts as they were. The seed is in every failure.
 */
class HostileResilienceTest {
    private static final long SEED = Long.getLong("cartflow.hostile.seed", HostileEngineRun.DEFAULT_SEED);
    private static final int ITERATIONS = Integer.getInteger("cartflow.hostile.iterations", 1500);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Duration[] DURATIONS = {null, Duration.ZERO, Duration.ofNanos(-1), Duration.ofNanos(1),
        Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ofDays(1), Duration.ofDays(1).plusNanos(1),
        Duration.ofDays(366), Duration.ofDays(367), Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MIN_VALUE)};
    private static final int[] INTS = {Integer.MIN_VALUE, -1, 0, 1, 2, 5, 10, 11, 1000, 1001, 10_000_000, 10_000_001,
        Integer.MAX_VALUE};
    private static final double[] DOUBLES = {Double.NaN, Double.NEGATIVE_INFINITY, -1, -0.0, 0, 0.25, 1, 1.0001,
        Double.POSITIVE_INFINITY};

    private final Random random = new Random(SEED);
    private final ExecutorService shared = Executors.newCachedThreadPool();
    private final Map<CartErrorCode, Integer> codes = new EnumMap<>(CartErrorCode.class);
    private int call;
    private int accepted;

    @AfterEach
    void stop() {
        shared.shutdownNow();
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private Duration duration() {
        return pick(DURATIONS);
    }

    private int anInt() {
        return INTS[random.nextInt(INTS.length)];
    }

    private <T> T maybeNull(T value) {
        return random.nextInt(6) == 0 ? null : value;
    }

    /** Runs one call: it succeeds or throws a CartException with an allowed code; returns whether it succeeded. */
    private boolean attempt(String what, Supplier<?> call, Set<CartErrorCode> allowed) {
        this.call++;
        try {
            call.get();
            accepted++;
            return true;
        } catch (CartException e) {
            codes.merge(e.code(), 1, Integer::sum);
            if (!allowed.contains(e.code())) {
                throw new AssertionError(breach(what) + ": code " + e.code(), e);
            }
            return false;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(breach(what) + ": " + e.getClass().getName(), e);
        }
    }

    private String breach(String what) {
        return "seed=" + SEED + " call=" + call + " " + what;
    }

    private void setter(ProviderPolicy.Builder b) {
        switch (random.nextInt(11)) {
            case 0 -> b.timeout(duration());
            case 1 -> b.retries(anInt());
            case 2 -> b.backoff(duration(), duration());
            case 3 -> b.jitter(pick(Arrays.stream(DOUBLES).boxed().toArray(Double[]::new)));
            case 4 -> b.breaker(anInt(), anInt());
            case 5 -> b.breakerDelay(duration());
            case 6 -> b.breakerSuccesses(anInt());
            case 7 -> b.bulkhead(anInt(), duration());
            case 8 -> b.lastKnownGood(anInt(), duration());
            case 9 -> b.observer(maybeNull(CartObserver.NONE));
            default -> b.clock(maybeNull(Clock.systemUTC()));
        }
    }

    @Test
    void builderAndFactories_hostileArguments_onlyInvalidInput() {
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (int i = 0; i < ITERATIONS; i++) {
            ProviderPolicy.Builder builder = ProviderPolicy.builder();
            int setters = 1 + random.nextInt(4);
            for (int s = 0; s < setters; s++) {
                attempt("policy setter", () -> {
                    setter(builder);
                    return builder;
                }, Set.of(CartErrorCode.INVALID_INPUT));
            }
            builder.timeout(Duration.ofSeconds(5)).executor(shared);
            ProviderPolicy policy = maybeNull(builder.build());
            List<Supplier<?>> factories = List.of(
                    () -> Resilience.catalog(maybeNull(catalog), policy).products(Set.of(new Sku("A"))),
                    () -> Resilience.pricing(maybeNull(pricing), policy, maybeNull(pricing))
                            .prices(new PriceRequest(Set.of(new Sku("A")), EUR, "DE", null)),
                    () -> Resilience.tax(maybeNull((country, categories) -> Map.of()), policy)
                            .rates(maybeNull("DE"), Set.of("food")),
                    () -> Resilience.exchangeRates(maybeNull((from, to) -> java.util.Optional.empty()), policy)
                            .rate(EUR, maybeNull(Currency.getInstance("USD"))),
                    () -> Resilience.inventory(maybeNull(new InMemoryInventory()), policy)
                            .available(maybeNull(Set.of(new StockKey(new Sku("A"), "default")))),
                    () -> Resilience.promotions(maybeNull(new InMemoryPromotions()), policy)
                            .byCode(maybeNull("SAVE"), EUR),
                    () -> Resilience.promotions(new InMemoryPromotions(), policy).promotions(maybeNull(
                            new PromotionQuery(EUR, "DE", null, Set.of(), List.of(), Instant.EPOCH))),
                    () -> Resilience.promotionUsage(maybeNull(new InMemoryPromotionUsageStore()), policy)
                            .exhausted(List.of(), maybeNull(CartId.random()), CartFixtures.guestCart().owner()),
                    () -> Resilience.shipping(maybeNull(new InMemoryShipping()), policy, maybeNull(new InMemoryShipping()))
                            .methods(maybeNull(EUR), "DE"),
                    () -> {
                        Resilience.reservations(maybeNull(new InMemoryInventory()), policy)
                                .reserve(maybeNull("r1"), Map.of());
                        return null;
                    });
            attempt("factory", pick(factories.toArray(Supplier[]::new)), Set.of(CartErrorCode.INVALID_INPUT));
        }
        System.out.println("hostile resilience seed=" + SEED + " calls=" + call + " accepted=" + accepted
                + " codes=" + codes);
        assertThat(codes.keySet()).as("seed %d", SEED).containsOnly(CartErrorCode.INVALID_INPUT);
        assertThat(accepted).as("seed %d: some calls must get through", SEED).isPositive();
    }

    @Test
    void guardedRepository_hostileCalls_rejectedOnesChangeNothingStored() {
        InMemoryCartRepository memory = new InMemoryCartRepository();
        CartStorage store = Resilience.storage(memory, ProviderPolicy.builder().executor(shared).build());
        List<Cart> known = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Cart cart = CartFixtures.guestCart();
            store.save(CartWrite.of(cart, 0, List.of()));
            known.add(cart);
        }
        for (int i = 0; i < ITERATIONS; i++) {
            Cart target = known.get(random.nextInt(known.size()));
            Object before = stored(memory, known);
            List<Supplier<?>> calls = List.of(
                    () -> store.find(maybeNull(target.id())),
                    () -> store.findActiveByCustomer(null),
                    () -> store.findIdempotency(maybeNull("key"), maybeNull(Instant.EPOCH)),
                    () -> {
                        store.save(maybeNull(CartWrite.of(target, random.nextInt(3), List.of())));
                        return null;
                    },
                    () -> {
                        store.saveAll(maybeNull(random.nextBoolean() ? Arrays.asList(CartWrite.of(target, 0, List.of()),
                                null) : List.of(CartWrite.of(target, 0, List.of()))));
                        return null;
                    },
                    () -> store.eventsSince(maybeNull(target.id()), random.nextLong()),
                    () -> store.findExpiringBefore(maybeNull(Instant.EPOCH), 1 + random.nextInt(5)),
                    () -> store.findInactiveSince(maybeNull(Instant.EPOCH), 1 + random.nextInt(5)),
                    () -> store.delete(null));
            boolean ok = attempt("repository", pick(calls.toArray(Supplier[]::new)),
                    Set.of(CartErrorCode.INVALID_INPUT, CartErrorCode.VERSION_CONFLICT));
            if (!ok) {
                assertThat(stored(memory, known)).as(breach("rejected repository call changed the store"))
                        .isEqualTo(before);
            }
        }
        System.out.println("hostile guarded repository seed=" + SEED + " calls=" + call + " codes=" + codes);
        assertThat(codes).as("seed %d", SEED).containsKeys(CartErrorCode.INVALID_INPUT, CartErrorCode.VERSION_CONFLICT);
        assertThat(new HashSet<>(codes.keySet())).containsOnly(CartErrorCode.INVALID_INPUT,
                CartErrorCode.VERSION_CONFLICT);
    }

    private static Object stored(InMemoryCartRepository memory, List<Cart> known) {
        List<Object> state = new ArrayList<>();
        for (Cart cart : known) {
            state.add(memory.find(cart.id()));
            state.add(memory.eventsSince(cart.id(), 0));
        }
        return state;
    }
}
