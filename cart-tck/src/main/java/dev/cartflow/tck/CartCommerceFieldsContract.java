package dev.cartflow.tck;

import static dev.cartflow.tck.CartFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.CustomerCarts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract on the cart content of issue 11, beside {@link CartRepositoryContract}: every
 * repository stores and reads back a cart's kind, name, shipping address, billing country,
 * participants, recovery token and freeze (with its priced figures) exactly, also when a later
 * version removes them; {@link CartRepository#findActiveByCustomer} returns the customer's
 * {@link CartKind#SHOPPING} cart and never a named one; and a repository that is a
 * {@link CustomerCarts} lists the customer's active carts of every kind, most recently updated first.
 * Extend it beside the implementation and return a fresh, empty repository from
 * {@link #newRepository()}.
 */
public abstract class CartCommerceFieldsContract {
    /** Random carts per run of the seeded round trip. */
    private static final int RANDOM_CARTS = 40;

    /** Subclasses are the implementation-specific tests. */
    protected CartCommerceFieldsContract() {
    }

    /**
     * A new, empty repository for one test.
     *
     * @return the repository under test
     */
    protected abstract CartRepository newRepository();

    /**
     * The seed of the random round trip; fixed so that a failure reproduces.
     *
     * @return the seed, 11 unless overridden
     */
    protected long seed() {
        return 11;
    }

    @Test
    void save_everyKindWithEveryNewField_readsBackExactly() {
        CartRepository repository = newRepository();
        CommerceCarts carts = new CommerceCarts(seed());
        for (CartKind kind : CartKind.values()) {
            for (CartOwner owner : List.of(new CartOwner.Customer(new CustomerId("c-" + kind)),
                    new CartOwner.Guest("b".repeat(64)))) {
                Cart cart = carts.full(owner, kind);
                repository.save(CartWrite.of(cart, 0, List.of()));

                assertEquals(Optional.of(cart), repository.find(cart.id()), () -> kind + " " + owner);
            }
        }
    }

    @Test
    void save_seededRandomCarts_readBackExactly() {
        CartRepository repository = newRepository();
        CommerceCarts carts = new CommerceCarts(seed());
        for (int i = 0; i < RANDOM_CARTS; i++) {
            Cart cart = carts.next();
            int n = i;
            repository.save(CartWrite.of(cart, 0, List.of()));

            assertEquals(Optional.of(cart), repository.find(cart.id()), () -> "seed " + seed() + ", cart " + n);
        }
    }

    @Test
    void save_laterVersionWithoutTheNewFields_readsBackWithoutThem() {
        CartRepository repository = newRepository();
        Cart full = new CommerceCarts(seed()).full(new CartOwner.Customer(new CustomerId("c-drop")),
                CartKind.WISH_LIST);
        repository.save(CartWrite.of(full, 0, List.of()));
        Cart bare = full.toBuilder().version(full.version() + 1).kind(CartKind.SHOPPING).name(null)
                .shippingAddress(null).billingCountry(null).participants(List.of()).recovery(null).freeze(null)
                .build();

        repository.save(CartWrite.of(bare, full.version(), List.of()));

        assertEquals(Optional.of(bare), repository.find(full.id()));
    }

    @Test
    void save_laterVersionChangingTheNewFields_readsBackTheNewValues() {
        CartRepository repository = newRepository();
        CommerceCarts carts = new CommerceCarts(seed());
        Cart first = carts.full(new CartOwner.Customer(new CustomerId("c-change")), CartKind.SHOPPING);
        repository.save(CartWrite.of(first, 0, List.of()));
        Cart other = carts.full(first.owner(), CartKind.SAVED_FOR_LATER);
        Cart changed = first.toBuilder().version(first.version() + 1).kind(CartKind.SAVED_FOR_LATER)
                .name(other.name()).shippingAddress(other.shippingAddress()).billingCountry("US")
                .participants(other.participants().subList(0, 1)).recovery(other.recovery()).freeze(null).build();

        repository.save(CartWrite.of(changed, first.version(), List.of()));

        assertEquals(Optional.of(changed), repository.find(first.id()));
    }

    @Test
    void findActiveByCustomer_namedCartsUpdatedLater_returnsTheShoppingCart() {
        CartRepository repository = newRepository();
        CustomerId customer = new CustomerId("c-named");
        Cart shopping = customerCart(customer, CartKind.SHOPPING, T0.plusSeconds(10));
        repository.save(CartWrite.of(shopping, 0, List.of()));
        repository.save(CartWrite.of(customerCart(customer, CartKind.WISH_LIST, T0.plusSeconds(20)), 0, List.of()));
        repository.save(CartWrite.of(customerCart(customer, CartKind.SAVED_FOR_LATER, T0.plusSeconds(30)), 0,
                List.of()));

        assertEquals(Optional.of(shopping), repository.findActiveByCustomer(customer));
    }

    @Test
    void findActiveByCustomer_onlyNamedCarts_isEmpty() {
        CartRepository repository = newRepository();
        CustomerId customer = new CustomerId("c-only-named");
        repository.save(CartWrite.of(customerCart(customer, CartKind.WISH_LIST, T0.plusSeconds(5)), 0, List.of()));
        repository.save(CartWrite.of(customerCart(customer, CartKind.SAVED_FOR_LATER, T0.plusSeconds(6)), 0,
                List.of()));

        assertEquals(Optional.empty(), repository.findActiveByCustomer(customer));
    }

    @Test
    void cartsOf_everyKind_listsTheActiveCartsMostRecentFirst() {
        CartRepository repository = newRepository();
        assumeTrue(repository instanceof CustomerCarts, "not a CustomerCarts");
        CustomerId customer = new CustomerId("c-list");
        Cart wish = customerCart(customer, CartKind.WISH_LIST, T0.plusSeconds(30));
        Cart shopping = customerCart(customer, CartKind.SHOPPING, T0.plusSeconds(20));
        Cart saved = customerCart(customer, CartKind.SAVED_FOR_LATER, T0.plusSeconds(10));
        Cart checkedOut = customerCart(customer, CartKind.SHOPPING, T0.plusSeconds(40)).toBuilder()
                .state(CartState.CHECKED_OUT).build();
        Cart someoneElses = customerCart(new CustomerId("c-other"), CartKind.WISH_LIST, T0.plusSeconds(50));
        for (Cart cart : List.of(saved, wish, shopping, checkedOut, someoneElses)) {
            repository.save(CartWrite.of(cart, 0, List.of()));
        }

        assertEquals(List.of(wish, shopping, saved), ((CustomerCarts) repository).cartsOf(customer));
        assertEquals(List.of(), ((CustomerCarts) repository).cartsOf(new CustomerId("c-nobody")));
    }

    @Test
    void cartsOf_afterAChange_readsTheNewVersion() {
        CartRepository repository = newRepository();
        assumeTrue(repository instanceof CustomerCarts, "not a CustomerCarts");
        CustomerId customer = new CustomerId("c-list-change");
        Cart wish = customerCart(customer, CartKind.WISH_LIST, T0.plusSeconds(30));
        repository.save(CartWrite.of(wish, 0, List.of()));
        Cart renamed = wish.toBuilder().version(2).name("Birthday").updatedAt(T0.plusSeconds(31)).build();
        repository.save(CartWrite.of(renamed, 1, List.of()));

        List<Cart> listed = ((CustomerCarts) repository).cartsOf(customer);

        assertEquals(List.of(renamed), listed);
    }

    /** A customer cart of a kind at version 1, named when it is not a shopping cart. */
    private static Cart customerCart(CustomerId customer, CartKind kind, Instant updatedAt) {
        Cart cart = CartFixtures.customerCart(customer.value(), updatedAt);
        return cart.toBuilder().kind(kind).name(kind == CartKind.SHOPPING ? null : kind.name().toLowerCase()).build();
    }
}
