package dev.cartflow.docs.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.CartCommand.AddItem;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.Mutation;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartState;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.tck.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The samples of docs/concepts.md: versions, idempotency keys, time to live and money. */
class ConceptsSample {
    private static final Currency EUR = Currency.getInstance("EUR");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final CartEngine engine = CartEngine.builder()
            .repository(new InMemoryCartRepository())
            .catalog(new InMemoryCatalog().put(Product.builder(Sku.of("MUG")).build()))
            .pricing(new InMemoryPricing().put(PriceQuote.of(Sku.of("MUG"), Money.parse("12.50", EUR), Rate.ZERO)))
            .clock(clock)
            .build();

    @Test
    void execute_staleExpectedVersion_versionConflictWithTheCurrentVersion() {
        // tag::versions[]
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        long seen = created.cart().version();
        Cart changed = engine.addItem(created.actor(), created.cart().id(), Sku.of("MUG"), 1);
        assertThat(changed.version()).isEqualTo(seen + 1);           // every accepted change: version + 1

        // a second tab still holds the first version and asks for a strict change
        assertThatThrownBy(() -> engine.execute(created.actor(), created.cart().id(),
                new AddItem(Sku.of("MUG"), 1), Mutation.expecting(seen)))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.VERSION_CONFLICT);
                    assertThat(e.currentVersion()).hasValue(changed.version());   // what to re-read
                });
        // end::versions[]

        assertThat(engine.get(created.actor(), created.cart().id()).lines().get(0).quantity()).isEqualTo(1);
    }

    @Test
    void execute_sameIdempotencyKeyTwice_appliedOnce() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        Actor guest = created.actor();
        // tag::idempotency[]
        Mutation once = Mutation.idempotent("add-mugs-1");
        Cart first = engine.execute(guest, created.cart().id(), new AddItem(Sku.of("MUG"), 2), once);
        Cart retried = engine.execute(guest, created.cart().id(), new AddItem(Sku.of("MUG"), 2), once);
        assertThat(retried).isEqualTo(first);                          // the stored answer; 2 mugs, not 4

        // the same key for another request is refused, and nothing is applied
        assertThatThrownBy(() -> engine.execute(guest, created.cart().id(), new AddItem(Sku.of("MUG"), 5), once))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.IDEMPOTENCY_KEY_REUSED));
        // end::idempotency[]

        assertThat(engine.get(guest, created.cart().id()).lines().get(0).quantity()).isEqualTo(2);
        assertThat(engine.get(guest, created.cart().id()).version()).isEqualTo(created.cart().version() + 1);
    }

    @Test
    void get_guestCartIdleLongerThanItsTimeToLive_readsExpiredAndRefusesChanges() {
        CreatedCart created = engine.createGuestCart(NewCart.of("EUR", "DE"));
        // tag::expiry[]
        clock.advance(Duration.ofDays(31));                        // guest carts live 30 days by default
        Cart cart = engine.get(created.actor(), created.cart().id());
        assertThat(cart.state()).isEqualTo(CartState.EXPIRED);
        assertThatThrownBy(() -> engine.addItem(created.actor(), cart.id(), Sku.of("MUG"), 1))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CART_NOT_ACTIVE));
        // end::expiry[]

        assertThat(cart.expiresAt()).isEqualTo(created.cart().updatedAt().plus(Duration.ofDays(30)));
    }

    @Test
    void money_minorUnitsOfTheCurrency_exactAndTyped() {
        // tag::money[]
        Money price = Money.parse("12.50", EUR);
        assertThat(price.minor()).isEqualTo(1250);                                    // a long of cents
        assertThat(price.times(3).toDecimalString()).isEqualTo("37.50");
        assertThat(Money.parse("1250", Currency.getInstance("JPY")).minor()).isEqualTo(1250);  // no minor unit
        assertThat(Money.parse("1.250", Currency.getInstance("KWD")).minor()).isEqualTo(1250); // three digits

        assertThatThrownBy(() -> Money.parse("12.505", EUR))                         // never rounded silently
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> price.plus(Money.parse("1.00", Currency.getInstance("USD"))))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.CURRENCY_MISMATCH));
        // end::money[]

        assertThat(price.times(3).minor()).isEqualTo(3 * price.minor());
    }
}
