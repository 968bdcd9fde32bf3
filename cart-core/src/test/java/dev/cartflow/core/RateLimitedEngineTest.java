package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cartflow.core.merge.MergePolicy;
import dev.cartflow.core.merge.MergeRequest;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.ratelimit.LimiterOutage;
import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOperation;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The engine's rate limits: per operation, per actor and per cart, in the entry stage. */
class RateLimitedEngineTest {
    private final TestWorld world = new TestWorld();

    private CartEngine engine(RateLimits limits) {
        return world.builder().rateLimits(limits).build();
    }

    private static CartException rejected(Runnable call) {
        return catchThrowableOfType(CartException.class, call::run);
    }

    private static CartCommand code(String code) {
        return new CartCommand.ApplyCode(code);
    }

    private static CartCommand add(String sku) {
        return new CartCommand.AddItem(new Sku(sku), 1, null);
    }

    @Test
    void applyCode_shopperGuessingCodes_stoppedBeforeTheHundredthTryAndCartUnchanged() {
        CartEngine engine = engine(RateLimits.builder().perCart(CartOperation.APPLY_CODE, 10, Duration.ofHours(1)).build());
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        CartId id = created.cart().id();
        engine.execute(guest, id, add("A"), Mutation.none());
        Cart before = world.repository.find(id).orElseThrow();

        CartException stop = null;
        int tries = 0;
        while (stop == null && tries < 100) {
            tries++;
            try {
                engine.execute(guest, id, code("GUESS" + tries), Mutation.none());
            } catch (CartException e) {
                if (e.code() != CartErrorCode.PROMOTION_NOT_FOUND) {
                    stop = e;
                }
            }
        }

        assertThat(stop).as("stopped within 99 tries").isNotNull();
        assertThat(tries).isLessThan(100).isEqualTo(11);
        assertThat(stop.code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(stop.retryAfter()).contains(Duration.ofMinutes(6));
        assertThat(stop.getMessage()).doesNotContain(created.token()).doesNotContain(id.toString());
        assertThat(world.repository.find(id)).contains(before);
        assertThat(rejected(() -> engine.execute(guest, id, code("SAVE10"), Mutation.none())).code())
                .as("the right code is refused too while the cart is limited").isEqualTo(CartErrorCode.RATE_LIMITED);
    }

    @Test
    void applyCode_afterTheRetryAfter_goesOnOnce() {
        CartEngine engine = engine(RateLimits.builder().perCart(CartOperation.APPLY_CODE, 3, Duration.ofMinutes(3)).build());
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        CartId id = created.cart().id();
        for (int i = 0; i < 3; i++) {
            rejected(() -> engine.execute(guest, id, code("WRONG"), Mutation.none()));
        }
        CartException limited = rejected(() -> engine.execute(guest, id, code("SAVE10"), Mutation.none()));

        world.clock.advance(limited.retryAfter().orElseThrow());

        Cart after = engine.execute(guest, id, code("SAVE10"), Mutation.none());
        assertThat(after.codes()).containsExactly("SAVE10");
        assertThat(rejected(() -> engine.execute(guest, id, code("WRONG"), Mutation.none())).code())
                .isEqualTo(CartErrorCode.RATE_LIMITED);
    }

    @Test
    void execute_perCartLimitSpent_otherCartsGoOn() {
        CartEngine engine = engine(RateLimits.builder().perCart(CartOperation.ADD_ITEM, 2, Duration.ofSeconds(10)).build());
        Actor service = Actor.service("checkout-bff");
        CartId first = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        CartId second = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        engine.execute(service, first, add("A"), Mutation.none());
        engine.execute(service, first, add("C"), Mutation.none());

        CartException limited = rejected(() -> engine.execute(service, first, add("A"), Mutation.none()));

        assertThat(limited.code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(5));
        assertThat(engine.execute(service, second, add("A"), Mutation.none()).lines()).hasSize(1);
        assertThat(engine.execute(service, first, new CartCommand.SelectShipping("STD"), Mutation.none()).shippingMethod())
                .as("other operations on the limited cart are not limited").isEqualTo("STD");
    }

    @Test
    void get_perActorLimitSpent_otherActorsGoOn() {
        CartEngine engine = engine(RateLimits.builder().perActor(CartOperation.GET, 3, Duration.ofMinutes(1)).build());
        CartId id = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        Actor support = Actor.support("staff-1", "TICKET-1");
        for (int i = 0; i < 3; i++) {
            engine.get(support, id);
        }

        assertThat(rejected(() -> engine.get(support, id)).code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(rejected(() -> engine.get(Actor.support("staff-1", "OTHER-REASON"), id)).code())
                .as("the same staff member with another reason is the same actor").isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(engine.get(Actor.support("staff-2", "TICKET-1"), id).id()).isEqualTo(id);
        assertThat(engine.get(Actor.service("search"), id).id()).isEqualTo(id);
        assertThat(engine.price(support, id).cart().id()).as("other operations of the actor").isEqualTo(id);
    }

    @Test
    void execute_perActorLimit_countsOverAllTheActorsCarts() {
        CartEngine engine = engine(RateLimits.builder().perActor(CartOperation.APPLY_CODE, 4, Duration.ofMinutes(1)).build());
        Actor service = Actor.service("bot");
        List<CartId> carts = List.of(engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id(),
                engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id());
        for (int i = 0; i < 4; i++) {
            CartId id = carts.get(i % 2);
            rejected(() -> engine.execute(service, id, code("WRONG"), Mutation.none()));
        }

        assertThat(rejected(() -> engine.execute(service, carts.get(0), code("SAVE10"), Mutation.none())).code())
                .isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(rejected(() -> engine.execute(service, carts.get(1), code("SAVE10"), Mutation.none())).code())
                .isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(engine.execute(Actor.service("other"), carts.get(1), code("SAVE10"), Mutation.none()).codes())
                .containsExactly("SAVE10");
    }

    @Test
    void applyCode_guestWithAVouchedIdentity_countedAcrossItsCarts() {
        CartEngine engine = engine(RateLimits.builder().perActor(CartOperation.APPLY_CODE, 2, Duration.ofMinutes(1)).build());
        CreatedCart first = engine.createGuestCart(NewCart.of("EUR", "DE"));
        CreatedCart second = engine.createGuestCart(NewCart.of("EUR", "DE"));
        rejected(() -> engine.execute(Actor.guest(first.token(), "mail-hash-1"), first.cart().id(), code("X"), Mutation.none()));
        rejected(() -> engine.execute(Actor.guest(first.token(), "mail-hash-1"), first.cart().id(), code("Y"), Mutation.none()));

        assertThat(rejected(() -> engine.execute(Actor.guest(second.token(), "mail-hash-1"), second.cart().id(),
                code("SAVE10"), Mutation.none())).code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(engine.execute(Actor.guest(second.token()), second.cart().id(), code("SAVE10"), Mutation.none()).codes())
                .as("without the identity the guest counts by its token").containsExactly("SAVE10");
    }

    @Test
    void createGuestCart_perClientKey_limitsThatClientOnly() {
        CartEngine engine = engine(RateLimits.builder().perActor(CartOperation.CREATE_GUEST_CART, 2, Duration.ofMinutes(1)).build());
        NewCart fromOne = NewCart.of("EUR", "DE").withClientKey("203.0.113.7");
        engine.createGuestCart(fromOne);
        engine.createGuestCart(fromOne);
        int published = world.published.size();

        CartException limited = rejected(() -> engine.createGuestCart(fromOne));

        assertThat(limited.code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(limited.getMessage()).doesNotContain("203.0.113.7");
        assertThat(world.published).hasSize(published);
        assertThat(engine.createGuestCart(NewCart.of("EUR", "DE").withClientKey("198.51.100.1")).token()).isNotBlank();
        assertThat(engine.createGuestCart(NewCart.of("EUR", "DE")).token())
                .as("without a client key there is no one to count").isNotBlank();
    }

    @Test
    void createCustomerCartAndActiveCart_perActor_countTheCustomer() {
        CartEngine engine = engine(RateLimits.builder()
                .perActor(CartOperation.CREATE_CUSTOMER_CART, 1, Duration.ofMinutes(1))
                .perActor(CartOperation.ACTIVE_CART, 1, Duration.ofMinutes(1))
                .build());
        CustomerId alice = new CustomerId("alice");
        Actor actor = Actor.customer(alice);
        engine.createCustomerCart(actor, alice, NewCart.of("EUR", "DE"));
        engine.activeCart(actor, alice);

        assertThat(rejected(() -> engine.createCustomerCart(actor, alice, NewCart.of("EUR", "DE"))).code())
                .isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(rejected(() -> engine.activeCart(actor, alice)).code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        CustomerId bob = new CustomerId("bob");
        assertThat(engine.activeCart(Actor.customer(bob), bob)).isEmpty();
    }

    @Test
    void merge_perCartLimit_countsOnTheGuestCart() {
        CartEngine engine = engine(RateLimits.builder().perCart(CartOperation.PREVIEW_MERGE, 1, Duration.ofMinutes(1)).build());
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        CustomerId alice = new CustomerId("alice");
        MergeRequest request = new MergeRequest(guest.cart().id(), guest.token(), alice, MergePolicy.SUM);
        engine.previewMerge(Actor.customer(alice), request);

        assertThat(rejected(() -> engine.previewMerge(Actor.customer(alice), request)).code())
                .isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(engine.merge(Actor.customer(alice), request).cart().owner())
                .as("the merge itself is not limited").isNotNull();
    }

    @Test
    void execute_badInputWhileLimited_invalidInputFirst() {
        CartEngine engine = engine(RateLimits.builder().perCart(CartOperation.SET_METADATA, 1, Duration.ofMinutes(1)).build());
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = Actor.guest(created.token());
        CartId id = created.cart().id();
        engine.execute(guest, id, new CartCommand.SetMetadata("{}"), Mutation.none());

        assertThat(rejected(() -> engine.execute(guest, id, new CartCommand.SetMetadata("[1]"), Mutation.none())).code())
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(rejected(() -> engine.execute(guest, id, null, Mutation.none())).code())
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(rejected(() -> engine.execute(guest, id, new CartCommand.SetMetadata("{}"), Mutation.none())).code())
                .isEqualTo(CartErrorCode.RATE_LIMITED);
    }

    @Test
    void merge_intoItselfWhileLimited_invalidInputFirst() {
        CartEngine engine = engine(RateLimits.builder().perCart(CartOperation.MERGE, 1, Duration.ofMinutes(1)).build());
        CreatedCart guest = engine.createGuestCart(NewCart.of("EUR", "DE"));
        CustomerId alice = new CustomerId("alice");
        CartId id = guest.cart().id();
        rejected(() -> engine.merge(Actor.customer(alice), new MergeRequest(id, "wrong-token", alice, MergePolicy.SUM)));

        assertThat(rejected(() -> engine.merge(Actor.customer(alice),
                new MergeRequest(id, guest.token(), alice, MergePolicy.SUM, id))).code())
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(rejected(() -> engine.merge(Actor.customer(alice),
                new MergeRequest(id, guest.token(), alice, MergePolicy.SUM))).code())
                .isEqualTo(CartErrorCode.RATE_LIMITED);
    }

    @Test
    void get_limitedStrangerOnAMissingCart_rateLimitedBeforeNotFound() {
        CartEngine engine = engine(RateLimits.builder().perActor(CartOperation.GET, 1, Duration.ofMinutes(1)).build());
        Actor stranger = Actor.guest("not-a-real-token");
        CartId missing = CartId.random();

        assertThat(rejected(() -> engine.get(stranger, missing)).code()).isEqualTo(CartErrorCode.ACCESS_DENIED);
        assertThat(rejected(() -> engine.get(stranger, missing)).code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(rejected(() -> engine.get(Actor.service("ops"), missing)).code()).isEqualTo(CartErrorCode.CART_NOT_FOUND);
    }

    @Test
    void checkout_limited_cartStaysActive() {
        CartEngine engine = engine(RateLimits.builder().perCart(CartOperation.CHECKOUT, 1, Duration.ofMinutes(1)).build());
        Actor service = Actor.service("orders");
        CartId id = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        rejected(() -> engine.checkout(service, id, Mutation.none()));
        engine.execute(service, id, add("A"), Mutation.none());
        Cart before = world.repository.find(id).orElseThrow();

        assertThat(rejected(() -> engine.checkout(service, id, Mutation.none())).code()).isEqualTo(CartErrorCode.RATE_LIMITED);
        assertThat(world.repository.find(id)).contains(before);
    }

    @Test
    void admit_customersGuestsStaffAndClients_bucketNamesHoldNoPersonalData() {
        List<String> buckets = new CopyOnWriteArrayList<>();
        RateLimiter recording = (bucket, limit, tokens) -> {
            buckets.add(bucket);
            return RateLimiter.Answer.taken();
        };
        CartEngine engine = world.builder().rateLimiter(recording).rateLimits(RateLimits.builder()
                .perActor(CartOperation.CREATE_GUEST_CART, 5, Duration.ofMinutes(1))
                .perActor(CartOperation.CREATE_CUSTOMER_CART, 5, Duration.ofMinutes(1))
                .perActor(CartOperation.GET, 5, Duration.ofMinutes(1))
                .perCart(CartOperation.GET, 5, Duration.ofMinutes(1))
                .build()).build();
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE").withClientKey("192.0.2.44"));
        CustomerId customer = new CustomerId("jane.doe@example.com");
        Cart customerCart = engine.createCustomerCart(Actor.customer(customer), customer, NewCart.of("EUR", "DE"));
        engine.get(Actor.guest(created.token(), "email-hash-123"), created.cart().id());
        engine.get(Actor.support("staff.member@shop.example", "TICKET-9"), customerCart.id());

        assertThat(buckets).hasSize(6).allSatisfy(bucket -> assertThat(bucket)
                .startsWith("cartflow:")
                .doesNotContain("192.0.2.44", "jane.doe", created.token(), "email-hash-123", "staff.member", "TICKET-9"));
        assertThat(buckets).contains("cartflow:get:cart:" + created.cart().id());
    }

    @Test
    void execute_limiterDownFailOpenByDefault_runsAndTellsTheObserver() {
        List<String> swallowed = new CopyOnWriteArrayList<>();
        CartEngine engine = world.builder()
                .rateLimits(RateLimits.builder().perCart(CartOperation.ADD_ITEM, 1, Duration.ofMinutes(1)).build())
                .rateLimiter(downLimiter())
                .observer(new CartObserver() {
                    @Override
                    public void failureSwallowed(String where, Throwable error) {
                        swallowed.add(where);
                    }
                }).build();
        CartId id = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        Actor service = Actor.service("bff");

        engine.execute(service, id, add("A"), Mutation.none());
        engine.execute(service, id, add("C"), Mutation.none());

        assertThat(world.repository.find(id).orElseThrow().lines()).hasSize(2);
        assertThat(swallowed).containsExactly("rate limiter", "rate limiter");
    }

    @Test
    void execute_limiterDownFailClosed_providerUnavailableAndNothingChanged() {
        CartEngine engine = world.builder()
                .rateLimits(RateLimits.builder().perCart(CartOperation.ADD_ITEM, 1, Duration.ofMinutes(1))
                        .onLimiterOutage(LimiterOutage.REFUSE).build())
                .rateLimiter(downLimiter()).build();
        CartId id = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        Cart before = world.repository.find(id).orElseThrow();

        CartException e = rejected(() -> engine.execute(Actor.service("bff"), id, add("A"), Mutation.none()));

        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(world.repository.find(id)).contains(before);
    }

    @Test
    void get_limiterBroken_providerUnavailableOrInternalNeverTheCallersFault() {
        RateLimiter throwing = (bucket, limit, tokens) -> {
            throw new IllegalStateException("limiter bug");
        };
        RateLimiter refusingArguments = (bucket, limit, tokens) -> {
            throw CartException.invalidInput("bad bucket");
        };
        RateLimiter answeringNull = (bucket, limit, tokens) -> null;
        RateLimits limits = RateLimits.builder().perCart(CartOperation.GET, 1, Duration.ofMinutes(1))
                .onLimiterOutage(LimiterOutage.REFUSE).build();
        CartId id = engine(RateLimits.NONE).createGuestCart(NewCart.of("EUR", "DE")).cart().id();

        assertThat(rejected(() -> world.builder().rateLimits(limits).rateLimiter(throwing).build()
                .get(Actor.service("s"), id)).code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(rejected(() -> world.builder().rateLimits(limits).rateLimiter(refusingArguments).build()
                .get(Actor.service("s"), id)).code()).isEqualTo(CartErrorCode.INTERNAL);
        assertThat(rejected(() -> world.builder().rateLimits(limits).rateLimiter(answeringNull).build()
                .get(Actor.service("s"), id)).code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void get_refused_observedAsRejectedWithItsCode() {
        List<String> finished = new CopyOnWriteArrayList<>();
        CartEngine engine = world.builder()
                .rateLimits(RateLimits.builder().perCart(CartOperation.GET, 1, Duration.ofMinutes(1)).build())
                .observer(new CartObserver() {
                    @Override
                    public void operationFinished(CartOperation operation, dev.cartflow.core.observe.Outcome outcome,
                                                  CartErrorCode code, Duration duration) {
                        finished.add(operation + " " + outcome + " " + code);
                    }
                }).build();
        CartId id = engine.createGuestCart(NewCart.of("EUR", "DE")).cart().id();
        engine.get(Actor.service("s"), id);

        rejected(() -> engine.get(Actor.service("s"), id));

        assertThat(finished).containsExactly("CREATE_GUEST_CART SUCCESS null", "GET SUCCESS null",
                "GET REJECTED RATE_LIMITED");
    }

    @Test
    void build_noLimits_limiterNeverAsked() {
        RateLimiter failing = (bucket, limit, tokens) -> {
            throw new AssertionError("asked without limits");
        };
        CartEngine engine = world.builder().rateLimiter(failing).build();

        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE").withClientKey("c"));

        assertThat(engine.get(Actor.guest(created.token()), created.cart().id()).id()).isEqualTo(created.cart().id());
    }

    @Test
    void builder_nullLimitsOrLimiter_invalidInput() {
        assertThatThrownBy(() -> world.builder().rateLimits(null)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> world.builder().rateLimiter(null)).isInstanceOfSatisfying(CartException.class,
                e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    private static RateLimiter downLimiter() {
        return (bucket, limit, tokens) -> {
            throw CartException.providerUnavailable("redis: take failed", null);
        };
    }
}
