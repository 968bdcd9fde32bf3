package dev.cartflow.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
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
import dev.cartflow.spi.RateLimiter;
import dev.cartflow.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two engines (two instances of a shop) over one cart store and one Redis: the rate limits count
 * every instance's calls together, and a Redis outage fails open or closed as configured.
 */
class SharedRateLimitsTest {
    private static final byte[] SHOP_KEY = "pseudonym-key-of-the-shop".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private final InMemoryCartRepository carts = new InMemoryCartRepository();
    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final InMemoryPricing pricing = new InMemoryPricing();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final String prefix = TestRedis.freshPrefix();
    private final List<AutoCloseable> opened = new ArrayList<>();

    SharedRateLimitsTest() {
        for (String sku : List.of("A", "B", "C")) {
            catalog.put(Product.simple(new Sku(sku)));
            pricing.put(new PriceQuote(new Sku(sku), Money.parse("2.00", Currency.getInstance("EUR")), List.of(), null));
        }
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private RedisRateLimiter limiter(CartRedisClient client) {
        RedisRateLimiter limiter = RedisRateLimiter.create(client, prefix, clock);
        opened.add(limiter);
        return limiter;
    }

    private CartEngine instance(RateLimits limits, RateLimiter limiter) {
        return CartEngine.builder().repository(carts).catalog(catalog).pricing(pricing).clock(clock)
                .pseudonymKey(SHOP_KEY).rateLimits(limits).rateLimiter(limiter).build();
    }

    private static CartException rejected(Runnable call) {
        return catchThrowableOfType(CartException.class, call::run);
    }

    private static CartCommand code(String code) {
        return new CartCommand.ApplyCode(code);
    }

    @Test
    void applyCode_guessesSpreadOverTwoInstances_countedTogether() {
        RateLimits limits = RateLimits.builder().perCart(CartOperation.APPLY_CODE, 6, Duration.ofHours(1)).build();
        List<CartEngine> instances = List.of(instance(limits, limiter(TestRedis.client())),
                instance(limits, limiter(TestRedis.client())));
        CreatedCart created = instances.get(0).createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        CartId id = created.cart().id();
        Cart before = carts.find(id).orElseThrow();

        CartException stop = null;
        int tries = 0;
        while (stop == null && tries < 100) {
            CartEngine instance = instances.get(tries++ % 2);
            CartException e = rejected(() -> instance.execute(guest, id, code("GUESS"), Mutation.none()));
            stop = e.code() == CartErrorCode.RATE_LIMITED ? e : null;
        }

        assertThat(tries).isEqualTo(7);
        assertThat(stop.retryAfter()).contains(Duration.ofMinutes(10));
        assertThat(rejected(() -> instances.get(0).execute(guest, id, code("GUESS"), Mutation.none())).code())
                .isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(carts.find(id)).contains(before);
        clock.advance(Duration.ofMinutes(10));
        assertThat(rejected(() -> instances.get(1).execute(guest, id, code("GUESS"), Mutation.none())).code())
                .as("one token back after the wait").isEqualTo(CartErrorCode.PROMOTION_NOT_FOUND);
    }

    @Test
    void get_perActorOverTwoInstances_countsTheActorOnlyOnce() {
        RateLimits limits = RateLimits.builder().perActor(CartOperation.GET, 4, Duration.ofMinutes(1)).build();
        CartEngine first = instance(limits, limiter(TestRedis.client()));
        CartEngine second = instance(limits, limiter(TestRedis.client()));
        CartId id = first.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        Actor support = Actor.support("staff-7", "TICKET-7");
        first.get(support, id);
        second.get(support, id);
        first.get(support, id);
        second.get(support, id);

        assertThat(rejected(() -> first.get(support, id)).code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(rejected(() -> second.get(support, id)).code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(second.get(Actor.support("staff-8", "TICKET-7"), id).id()).isEqualTo(id);
    }

    @Test
    void redisDown_failOpen_operationsGoOn() {
        TestRedis.Restartable server = TestRedis.Restartable.start();
        CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofMillis(300));
        opened.add(client);
        CartEngine engine = instance(RateLimits.builder().perCart(CartOperation.ADD_ITEM, 1, Duration.ofMinutes(1)).build(),
                limiter(client));
        CartId id = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        Actor service = Actor.service("bff");
        engine.execute(service, id, new CartCommand.AddItem(new Sku("A"), 1, null), Mutation.none());
        assertThat(rejected(() -> engine.execute(service, id, new CartCommand.AddItem(new Sku("B"), 1, null),
                Mutation.none())).code()).isEqualTo(CartErrorCode.RATE_LIMITED);

        server.stop();
        try {
            Cart after = engine.execute(service, id, new CartCommand.AddItem(new Sku("B"), 1, null), Mutation.none());

            assertThat(after.lines()).hasSize(2);
        } finally {
            server.startAgain();
        }
    }

    @Test
    void redisDown_failClosed_providerUnavailableAndNothingChanged() {
        TestRedis.Restartable server = TestRedis.Restartable.start();
        CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofMillis(300));
        opened.add(client);
        CartEngine engine = instance(RateLimits.builder().perCart(CartOperation.ADD_ITEM, 5, Duration.ofMinutes(1))
                .onLimiterOutage(LimiterOutage.REFUSE).build(), limiter(client));
        CartId id = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        Cart before = carts.find(id).orElseThrow();

        server.stop();
        try {
            CartException e = rejected(() -> engine.execute(Actor.service("bff"), id,
                    new CartCommand.AddItem(new Sku("A"), 1, null), Mutation.none()));

            assertThat(e).isExactlyInstanceOf(CartException.class);
            assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
            assertThat(carts.find(id)).contains(before);
        } finally {
            server.startAgain();
        }
    }

    @Test
    void tryTake_redisStoppedThenBack_unavailableThenCountsAgain() {
        TestRedis.Restartable server = TestRedis.Restartable.start();
        CartRedisClient client = CartRedisClient.standalone(server.url(), Duration.ofMillis(300));
        opened.add(client);
        RedisRateLimiter limiter = limiter(client);
        dev.cartflow.spi.RateLimit limit = dev.cartflow.spi.RateLimit.of(1, Duration.ofMinutes(1));

        server.stop();
        try {
            assertThatThrownBy(() -> limiter.tryTake("b", limit, 1)).isExactlyInstanceOf(CartException.class)
                    .satisfies(e -> assertThat(((CartException) e).code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        } finally {
            server.startAgain();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        RateLimiter.Answer answer = null;
        while (answer == null && System.nanoTime() < deadline) {
            try {
                answer = limiter.tryTake("b", limit, 1);
            } catch (CartException reconnecting) {
                assertThat(reconnecting.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
            }
        }
        assertThat(answer).isNotNull();
        assertThat(answer.allowed()).isTrue();
        assertThat(limiter.tryTake("b", limit, 1).allowed()).isFalse();
    }

    @Test
    void create_badArguments_invalidInput() {
        CartRedisClient client = TestRedis.client();
        for (Runnable call : List.<Runnable>of(
                () -> RedisRateLimiter.create(null, "p"),
                () -> RedisRateLimiter.create(client, null),
                () -> RedisRateLimiter.create(client, " "),
                () -> RedisRateLimiter.create(client, "p".repeat(65)),
                () -> RedisRateLimiter.create(client, "p\u0000"),
                () -> RedisRateLimiter.create(client, "p", null))) {
            assertThat(rejected(call).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
        }
    }
}
