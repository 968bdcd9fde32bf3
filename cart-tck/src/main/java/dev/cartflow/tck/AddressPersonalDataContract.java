package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartFreeze;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.PersonalRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shipping address is personal data: a {@link PersonalDataStore}'s erasure leaves none of a
 * customer's address parts anywhere in its storage (the cart row, a frozen cart's figures, every
 * cart kind), and its export holds them. Extend it beside the implementation; {@link #storedText()}
 * returns everything the store holds as text (every row, every key), so the check sees what an
 * operator with the database would see.
 */
public abstract class AddressPersonalDataContract {
    /** Markers no other stored value contains. */
    private static final String STREET = "Streetmarker 12";
    private static final String CITY = "Citymarker";
    private static final String POSTAL = "PC98765";

    /** Subclasses are the implementation-specific tests. */
    protected AddressPersonalDataContract() {
    }

    /**
     * A new, empty store for one test; it must be a {@link PersonalDataStore}.
     *
     * @return the store under test
     */
    protected abstract CartRepository newRepository();

    /**
     * Everything the store holds, as text (rows, keys and values).
     *
     * @return the stored text, one element per row or entry
     */
    protected abstract List<String> storedText();

    private static Cart withAddress(Cart cart, String marker) {
        return cart.toBuilder()
                .shippingAddress(new ShippingAddress("CA", POSTAL + marker, CITY + marker, List.of(STREET + marker)))
                .build();
    }

    /** The next version of the cart, frozen: its figures hold the cart, address included, a second time. */
    private static Cart frozen(Cart cart) {
        PricedCart figures = new PricedCart(cart, cart.currency(), List.of(), money(cart), money(cart), money(cart),
                money(cart), money(cart), money(cart), List.of(), money(cart), money(cart), List.of(), List.of(),
                List.of(), null, cart.updatedAt());
        return cart.toBuilder().version(cart.version() + 1)
                .freeze(new CartFreeze(cart.updatedAt(), cart.updatedAt().plusSeconds(600), figures)).build();
    }

    private static dev.cartflow.model.Money money(Cart cart) {
        return dev.cartflow.model.Money.ofMinor(0, cart.currency());
    }

    private List<String> matching(String marker) {
        return storedText().stream().filter(t -> t.contains(STREET + marker) || t.contains(CITY + marker)
                || t.contains(POSTAL + marker)).toList();
    }

    @Test
    void eraseCustomer_cartsOfEveryKindWithAddresses_noAddressPartLeft() {
        CartRepository repository = newRepository();
        CustomerId customer = new CustomerId("c-address-erased");
        for (CartKind kind : CartKind.values()) {
            Cart cart = withAddress(CartFixtures.customerCart(customer.value(), CartFixtures.T0).toBuilder()
                    .kind(kind).build(), "A");
            repository.save(CartWrite.of(cart, 0, List.of()));
        }
        Cart shopping = repository.findActiveByCustomer(customer).orElseThrow();
        repository.save(CartWrite.of(frozen(shopping), shopping.version(), List.of()));
        Cart other = withAddress(CartFixtures.customerCart("c-address-kept", CartFixtures.T0), "B");
        repository.save(CartWrite.of(other, 0, List.of()));
        assertFalse(matching("A").isEmpty(), "the store should hold the address before erasure");

        ((PersonalDataStore) repository).eraseCustomer(customer, "subject-a");

        assertEquals(List.of(), matching("A"));
        assertFalse(matching("B").isEmpty(), "another customer's address must stay");
        assertEquals(Optional.of(other), repository.find(other.id()));
    }

    @Test
    void exportCustomer_cartWithAddress_recordHoldsEveryAddressPart() {
        CartRepository repository = newRepository();
        CustomerId customer = new CustomerId("c-address-export");
        Cart cart = withAddress(CartFixtures.customerCart(customer.value(), CartFixtures.T0), "C");
        repository.save(CartWrite.of(cart, 0, List.of()));

        List<PersonalRecord> records = ((PersonalDataStore) repository).exportCustomer(customer, "subject-c");

        assertTrue(records.stream().anyMatch(r -> r.json().contains(STREET + "C") && r.json().contains(CITY + "C")
                && r.json().contains(POSTAL + "C")), () -> "no exported record holds the address: " + records);
    }
}
