package dev.cartflow.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CartWrite;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue 9, honest errors: a host provider's failure is PROVIDER_UNAVAILABLE, a bug in a pluggable
 * component is INTERNAL (cause kept in both), and INVALID_INPUT is only for what the caller sent.
 */
class CartEngineErrorHonestyTest {
    private final TestWorld world = new TestWorld();

    private static CartException failure(Executable call) {
        try {
            call.execute();
        } catch (CartException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("not a CartException: " + t, t);
        }
        throw new AssertionError("no failure");
    }

    @Test
    void price_catalogThrowsNullPointerException_providerUnavailableWithCause() {
        AtomicBoolean broken = new AtomicBoolean();
        CartEngine engine = world.builder().catalog(skus -> {
            if (broken.get()) {
                throw new NullPointerException("host bug");
            }
            return world.catalog.products(skus);
        }).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);
        broken.set(true);

        CartException e = failure(() -> engine.price(cart.actor(), cart.cart().id()));

        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.getCause()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void addItem_inventoryThrowsIllegalState_providerUnavailableCartUnchanged() {
        CartEngine engine = world.builder().inventory(keys -> {
            throw new IllegalStateException("stock feed down");
        }).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        CartException e = failure(() -> engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1));

        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(world.repository.find(cart.cart().id()).orElseThrow().lines()).isEmpty();
    }

    @Test
    void addItem_repositoryThrowsOnSave_providerUnavailable() {
        dev.cartflow.core.memory.InMemoryCartRepository repository = world.repository;
        AtomicBoolean broken = new AtomicBoolean();
        CartEngine engine = world.builder().repository(new DelegatingRepository(repository) {
            @Override
            public void save(CartWrite write) {
                if (broken.get()) {
                    throw new IllegalStateException("connection reset");
                }
                super.save(write);
            }
        }).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        broken.set(true);

        CartException e = failure(() -> engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1));

        assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(e.getCause()).hasMessage("connection reset");
    }

    @Test
    void get_clockThrows_internalWithCauseNotInvalidInput() {
        AtomicBoolean broken = new AtomicBoolean();
        Clock clock = new dev.cartflow.tck.MutableClock(world.clock.instant()) {
            @Override
            public Instant instant() {
                if (broken.get()) {
                    throw new IllegalStateException("clock source gone");
                }
                return super.instant();
            }
        };
        CartEngine engine = world.builder().clock(clock).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        broken.set(true);

        CartException e = failure(() -> engine.get(cart.actor(), cart.cart().id()));

        assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL);
        assertThat(e.getCause()).hasMessage("clock source gone");
    }

    @Test
    void price_pricerThrowsArithmeticException_internalNotInvalidInput() {
        CartEngine engine = world.builder().pricer(input -> {
            throw new ArithmeticException("long overflow");
        }).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);

        CartException e = failure(() -> engine.price(cart.actor(), cart.cart().id()));

        assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL);
        assertThat(e.getCause()).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void checkout_pricerThrowsNullPointerException_internalCartStaysActive() {
        CartEngine engine = world.builder().pricer(input -> {
            throw new NullPointerException();
        }).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Cart before = engine.addItem(cart.actor(), cart.cart().id(), Sku.of("A"), 1);

        CartException e = failure(() -> engine.checkout(cart.actor(), cart.cart().id(), Mutation.none()));

        assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL);
        assertThat(world.repository.find(cart.cart().id())).contains(before);
    }

    @Test
    void execute_nullCommandFromCaller_invalidInput() {
        CartEngine engine = world.engine();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(failure(() -> engine.execute(cart.actor(), cart.cart().id(), null, Mutation.none())).code())
                .isEqualTo(CartErrorCode.INVALID_INPUT);
        assertThat(failure(() -> engine.execute(cart.actor(), null, new AddItem(Sku.of("A"), 1),
                Mutation.none())).code()).isEqualTo(CartErrorCode.INVALID_INPUT);
    }

    @Test
    void changesSince_noEventLogWired_internal() {
        CartEngine engine = world.builder().repository(new DelegatingRepository(world.repository)).build();
        CreatedCart cart = engine.createGuestCart(NewCart.of("EUR", "DE"));

        assertThat(failure(() -> engine.changesSince(cart.actor(), cart.cart().id(), 0)).code())
                .isEqualTo(CartErrorCode.INTERNAL);
        assertThatThrownBy(() -> engine.maintenance().purgeExpired(java.time.Duration.ZERO, 1))
                .isInstanceOfSatisfying(CartException.class,
                        ex -> assertThat(ex.code()).isEqualTo(CartErrorCode.INTERNAL));
    }
}
