package dev.cartflow.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CartEngineBuilder;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.ratelimit.InMemoryRateLimiter;
import dev.cartflow.core.ratelimit.LimiterOutage;
import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.RateLimit;
import dev.cartflow.spi.RateLimiter;
import dev.cartflow.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input suite over the rate-limit entry points: the limit settings ({@link RateLimit},
 * {@link RateLimits}'s builder, the engine builder's setters), the client key of {@link NewCart},
 * the in-memory limiter's constructor and takes, and rate-limited engine calls with hostile client
 * keys, actors and carts. Seeded (seed in every failure): each call succeeds or throws a
 * {@link CartException} with one of the expected codes, nothing else escapes, and a rejected
 * engine call leaves every stored cart as it was.
 */
class HostileRateLimitTest {
    private static final long SEED = Long.getLong("cartflow.hostile.seed", HostileEngineRun.DEFAULT_SEED);
    private static final int ITERATIONS = Integer.getInteger("cartflow.hostile.iterations", 3_000);

    private final Random random = new Random(SEED);
    private final Map<CartErrorCode, Integer> codes = new LinkedHashMap<>();
    private int accepted;

    @SafeVarargs
    private <T> T pick(Supplier<? extends T>... choices) {
        return choices[random.nextInt(choices.length)].get();
    }

    private String hostileText() {
        return pick(() -> null, () -> "", () -> "   ", () -> "\t\n", () -> "x\ud800", () -> "\udfff",
                () -> "a\u0000b", () -> "\u001b[31m", () -> "k".repeat(NewCart.MAX_CLIENT_KEY_LENGTH + 1),
                () -> "k".repeat(NewCart.MAX_CLIENT_KEY_LENGTH), () -> "y".repeat(10_000), () -> "203.0.113.9",
                () -> "2001:db8::1", () -> "\ud83d\uded2", () -> "'; DEL *", () -> "client-" + random.nextInt(5));
    }

    private long hostileLong() {
        return pick(() -> Long.MIN_VALUE, () -> Long.MAX_VALUE, () -> -1L, () -> 0L, () -> 1L, () -> 2L,
                () -> RateLimit.MAX_CAPACITY, () -> RateLimit.MAX_CAPACITY + 1, () -> (long) random.nextInt(50));
    }

    private Duration hostileDuration() {
        return pick(() -> null, () -> Duration.ZERO, () -> Duration.ofNanos(1), () -> Duration.ofMillis(-1),
                () -> RateLimit.MIN_PERIOD, () -> RateLimit.MIN_PERIOD.minusNanos(1), () -> RateLimit.MAX_PERIOD,
                () -> RateLimit.MAX_PERIOD.plusNanos(1), () -> Duration.ofSeconds(Long.MAX_VALUE),
                () -> Duration.ofSeconds(Long.MIN_VALUE), () -> Duration.ofSeconds(1 + random.nextInt(600)));
    }

    private CartOperation hostileOperation() {
        return random.nextInt(10) == 0 ? null : CartOperation.values()[random.nextInt(CartOperation.values().length)];
    }

    /** Runs one call; a {@link CartException} must carry one of {@code allowed}, nothing else may escape. */
    private void attempt(int iteration, String what, Set<CartErrorCode> allowed, Runnable call) {
        try {
            call.run();
            accepted++;
        } catch (CartException e) {
            codes.merge(e.code(), 1, Integer::sum);
            if (!allowed.contains(e.code())) {
                throw new AssertionError(what + " at iteration " + iteration + " with seed " + SEED
                        + " (rerun with -Dcartflow.hostile.seed=" + SEED + ") failed with " + e.code(), e);
            }
        } catch (Throwable t) {
            throw new AssertionError(what + " at iteration " + iteration + " with seed " + SEED + ": a "
                    + t.getClass().getName() + " escaped", t);
        }
    }

    @Test
    void limitSettings_hostileValues_onlyInvalidInput() {
        Set<CartErrorCode> invalid = EnumSet.of(CartErrorCode.INVALID_INPUT);
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(new MutableClock(Instant.EPOCH), 64);
        for (int i = 0; i < ITERATIONS; i++) {
            int kind = random.nextInt(8);
            switch (kind) {
                case 0 -> attempt(i, "RateLimit.of", invalid, () -> RateLimit.of(hostileLong(), hostileDuration()));
                case 1 -> attempt(i, "perActor", invalid,
                        () -> RateLimits.builder().perActor(hostileOperation(), hostileLong(), hostileDuration()).build());
                case 2 -> attempt(i, "perCart", invalid,
                        () -> RateLimits.builder().perCart(hostileOperation(), hostileLong(), hostileDuration()).build());
                case 3 -> attempt(i, "onLimiterOutage", invalid, () -> RateLimits.builder()
                        .onLimiterOutage(pick(() -> null, () -> LimiterOutage.ALLOW, () -> LimiterOutage.REFUSE)));
                case 4 -> attempt(i, "withClientKey", invalid, () -> NewCart.of("EUR", "DE").withClientKey(hostileText()));
                case 5 -> attempt(i, "InMemoryRateLimiter", invalid, () -> new InMemoryRateLimiter(
                        pick(() -> null, () -> new MutableClock(Instant.EPOCH)), (int) Math.max(Integer.MIN_VALUE,
                        Math.min(Integer.MAX_VALUE, hostileLong()))));
                case 6 -> attempt(i, "tryTake", invalid, () -> limiter.tryTake(hostileText(),
                        pick(() -> null, () -> RateLimit.of(3, Duration.ofSeconds(9))), hostileLong()));
                default -> attempt(i, "engine builder", invalid, () -> {
                    CartEngineBuilder builder = CartEngine.builder();
                    if (random.nextBoolean()) {
                        builder.rateLimits(pick(() -> null, () -> RateLimits.NONE));
                    } else {
                        builder.rateLimiter(pick(() -> null, () -> limiter));
                    }
                });
            }
        }
        System.out.println("hostile rate-limit settings seed=" + SEED + " accepted=" + accepted + " codes=" + codes);
        assertThat(codes.keySet()).containsExactly(CartErrorCode.INVALID_INPUT);
        assertThat(accepted).isPositive();
        assertThat(limiter.tryTake("still-works", RateLimit.of(1, Duration.ofSeconds(1)), 1).allowed()).isTrue();
    }

    @Test
    void limitedEngine_hostileCalls_stableCodesAndRejectedCallsChangeNothing() {
        InMemoryCartRepository repository = new InMemoryCartRepository();
        InMemoryCatalog catalog = new InMemoryCatalog();
        InMemoryPricing pricing = new InMemoryPricing();
        for (String sku : List.of("A", "B")) {
            catalog.put(Product.simple(Sku.of(sku)));
            pricing.put(PriceQuote.of(Sku.of(sku), Money.parse("1.00", HostileEngineRun.EUR),
                    dev.cartflow.model.Rate.parse("0.19")));
        }
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        RateLimits.Builder limits = RateLimits.builder().perActor(CartOperation.CREATE_GUEST_CART, 3, Duration.ofMinutes(1));
        for (CartOperation operation : List.of(CartOperation.GET, CartOperation.ADD_ITEM, CartOperation.APPLY_CODE,
                CartOperation.CHECKOUT, CartOperation.PRICE)) {
            limits.perActor(operation, 4, Duration.ofMinutes(1)).perCart(operation, 3, Duration.ofMinutes(1));
        }
        CartEngine engine = CartEngine.builder().repository(repository).catalog(catalog).pricing(pricing).clock(clock)
                .rateLimits(limits.build()).build();
        List<CreatedCart> carts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            carts.add(engine.createGuestCart(NewCart.of("EUR", "DE")));
        }
        Set<CartErrorCode> allowed = EnumSet.of(CartErrorCode.INVALID_INPUT, CartErrorCode.RATE_LIMITED,
                CartErrorCode.ACCESS_DENIED, CartErrorCode.CART_NOT_FOUND, CartErrorCode.PROMOTION_NOT_FOUND,
                CartErrorCode.CART_NOT_ACTIVE, CartErrorCode.PRODUCT_NOT_FOUND);
        for (int i = 0; i < ITERATIONS; i++) {
            Map<CartId, Optional<Cart>> before = stored(repository, carts);
            CreatedCart target = carts.get(random.nextInt(carts.size()));
            Actor actor = pick(target::actor, () -> Actor.guest("wrong-token"), () -> Actor.service("svc-" + random.nextInt(3)),
                    () -> null);
            CartId id = pick(() -> target.cart().id(), CartId::random, () -> null);
            int kind = random.nextInt(5);
            int countBefore = accepted;
            switch (kind) {
                case 0 -> attempt(i, "createGuestCart", allowed, () -> engine.createGuestCart(
                        pick(() -> null, () -> NewCart.of("EUR", "DE"))).cart());
                case 1 -> attempt(i, "createGuestCart with client key", allowed,
                        () -> engine.createGuestCart(NewCart.of("EUR", "DE").withClientKey(hostileText())));
                case 2 -> attempt(i, "get", allowed, () -> engine.get(actor, id));
                case 3 -> attempt(i, "applyCode", allowed, () -> engine.execute(actor, id,
                        pick(() -> null, () -> new CartCommand.ApplyCode("GUESS" + random.nextInt(9))), Mutation.none()));
                default -> attempt(i, "addItem", allowed, () -> engine.execute(actor, id,
                        new CartCommand.AddItem(Sku.of(pick(() -> "A", () -> "B", () -> "GONE")), 1, null),
                        pick(Mutation::none, () -> null)));
            }
            boolean rejected = accepted == countBefore;
            if (rejected && !stored(repository, carts).equals(before)) {
                throw new AssertionError("a rejected call changed a stored cart at iteration " + i + " with seed " + SEED);
            }
            if (random.nextInt(200) == 0) {
                clock.advance(Duration.ofMinutes(1));
            }
        }
        System.out.println("hostile rate-limited engine seed=" + SEED + " accepted=" + accepted + " codes=" + codes);
        assertThat(codes).containsKeys(CartErrorCode.INVALID_INPUT, CartErrorCode.RATE_LIMITED, CartErrorCode.ACCESS_DENIED);
        assertThat(accepted).isPositive();
    }

    @Test
    void everyEntryPoint_hostileInputUnderRateLimits_onlyCartExceptionAndRejectedCallsChangeNothing() {
        RateLimits.Builder limits = RateLimits.builder();
        for (CartOperation operation : CartOperation.values()) {
            try {
                limits.perActor(operation, 40, Duration.ofMinutes(1));
                limits.perCart(operation, 25, Duration.ofMinutes(1));
            } catch (CartException notLimitable) {
                // the creations and ACTIVE_CART have no cart; maintenance and customer data no limits
            }
        }
        InMemoryCartRepository repository = new InMemoryCartRepository();

        String summary = HostileEngineRun.run(CartEngine.builder().repository(repository).rateLimits(limits.build()),
                repository::find, 3_000);

        System.out.println(summary);
        assertThat(summary).contains("calls=3000");
    }

    private static Map<CartId, Optional<Cart>> stored(InMemoryCartRepository repository, List<CreatedCart> carts) {
        Map<CartId, Optional<Cart>> all = new LinkedHashMap<>();
        for (CreatedCart created : carts) {
            all.put(created.cart().id(), repository.find(created.cart().id()));
        }
        return all;
    }
}
