package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.cache.CachingPricingProvider;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.jdbi.JdbiCartRepository;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.redis.CachingCartRepository;
import dev.cartflow.redis.CartRedisClient;
import dev.cartflow.redis.RedisCacheInvalidation;
import dev.cartflow.redis.RedisRateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The samples of docs/redis.md on a real Redis (and PostgreSQL behind the cache): the setup, shared rate limits. */
class RedisSample {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Sku MUG = Sku.of("MUG");
    private final InMemoryCatalog catalog = new InMemoryCatalog().put(Product.builder(MUG).build());
    private final InMemoryPricing hostPricing =
            new InMemoryPricing().put(PriceQuote.of(MUG, Money.parse("12.50", EUR), Rate.parse("0.19")));

    @Test
    void setup_cartCacheOverJdbiAndPriceCache_readsAnswerTheStoredCartAndPricesComeFromTheCache() {
        String redisUri = SampleServers.redisUri();
        JdbiCartRepository jdbiRepository = JdbiCartRepository.create(Jdbi.create(SampleServers.sharedMigratedSchema()));

        // tag::setup[]
        CartRedisClient redis = CartRedisClient.standalone(redisUri, Duration.ofMillis(250)); // "redis://localhost:6379"
        // or CartRedisClient.cluster(List.of("redis://10.0.0.1:7000", "redis://10.0.0.2:7000"), Duration.ofMillis(250));

        CachingCartRepository carts = CachingCartRepository.builder(jdbiRepository, redis)
                .keyPrefix("shop")                       // default "cartflow"; no braces
                .circuitBreaker(3, Duration.ofSeconds(1)) // open after 3 failures, retry after 1 s
                .nearCache(10_000, Duration.ofSeconds(5)) // optional, off by default
                .trackSkus(true)                          // optional: sets of active carts per sku
                .build();

        CachingPricingProvider pricing = CachingPricingProvider.builder(hostPricing)   // dev.cartflow.core.cache
                .ttl(Duration.ofMinutes(5), Duration.ofSeconds(30))
                .build();
        RedisCacheInvalidation priceChanges =                                        // optional: share invalidations
                RedisCacheInvalidation.subscribe(redis, "shop", "pricing", pricing);
        // end::setup[]

        try {
            CartEngine engine = CartEngine.builder().repository(carts).catalog(catalog).pricing(pricing).build();
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            Actor guest = Actor.guest(created.token());
            CartId id = created.cart().id();
            engine.addItem(guest, id, MUG, 2);

            assertThat(carts.find(id)).isEqualTo(jdbiRepository.find(id));
            assertThat(carts.activeCartsHolding(MUG)).containsExactly(id);
            long loads = pricing.loads();
            engine.price(guest, id);
            assertThat(pricing.loads()).isEqualTo(loads);
            priceChanges.invalidate(List.of(MUG));
            engine.price(guest, id);
            assertThat(pricing.loads()).isEqualTo(loads + 1);
        } finally {
            priceChanges.close();
            carts.close();
            redis.close();
        }
    }

    @Test
    void rateLimiter_thirdAddToOneCartWithinTheMinute_rateLimited() {
        CartRedisClient redis = CartRedisClient.standalone(SampleServers.redisUri(), Duration.ofSeconds(2));
        RateLimits limits = RateLimits.builder().perCart(CartOperation.ADD_ITEM, 2, Duration.ofMinutes(1)).build();
        InMemoryCartRepository carts = new InMemoryCartRepository();
        byte[] shopKey = "a sample pseudonym key, 32 bytes".getBytes(StandardCharsets.UTF_8);

        // tag::rate-limits[]
        RedisRateLimiter limiter = RedisRateLimiter.create(redis, "shop");   // its own connection; close it on shutdown
        CartEngine engine = CartEngine.builder()
                .repository(carts).catalog(catalog).pricing(hostPricing)
                .rateLimits(limits)
                .rateLimiter(limiter)
                .pseudonymKey(shopKey)   // the same key on every instance, so an actor has one pseudonym everywhere
                .build();
        // end::rate-limits[]

        try {
            CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
            Actor guest = Actor.guest(created.token());
            engine.addItem(guest, created.cart().id(), MUG, 1);
            engine.addItem(guest, created.cart().id(), MUG, 1);

            assertThatThrownBy(() -> engine.addItem(guest, created.cart().id(), MUG, 1))
                    .isInstanceOfSatisfying(CartException.class,
                            e -> assertThat(e.code()).isEqualTo(CartErrorCode.RATE_LIMITED));
            assertThat(engine.get(guest, created.cart().id()).lines()).singleElement()
                    .satisfies(line -> assertThat(line.quantity()).isEqualTo(2));
        } finally {
            limiter.close();
            redis.close();
        }
    }
}
