package dev.cartflow.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.tck.CartFixtures;
import dev.cartflow.tck.CommerceCarts;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipping address under {@link EncryptingCartRepository}: what is stored and what reads back. */
class EncryptingAddressTest {
    private static final long BASE_SEED = new Random().nextLong();
    private static final ShippingAddress ADDRESS = new ShippingAddress("CA", "94103-1234", "San Francisco",
            List.of("1 Secret Street", "Flat 4 \"top\""));

    private final InMemoryCartRepository raw = new InMemoryCartRepository();

    private CartRepository encrypting(String... keyIds) {
        return EncryptingCartRepository.wrap(raw, CryptoFixtures.settings(CryptoFixtures.keys(keyIds)));
    }

    private static Cart cartWith(ShippingAddress address, String metadata) {
        return CartFixtures.guestCart().toBuilder().shippingAddress(address).metadata(metadata).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{ }", "{\"email\":\"ada@example.com\",\"n\":1e5 }\n", " {\"tier\":\"gold\"}"})
    void save_address_storesOnlyTheSubdivisionAndReadsBackExactly(String metadata) {
        Cart cart = cartWith(ADDRESS, metadata);
        CartRepository repository = encrypting("k1");

        repository.save(CartWrite.of(cart, 0, List.of()));

        Cart stored = raw.find(cart.id()).orElseThrow();
        assertThat(stored.shippingAddress()).isEqualTo(new ShippingAddress("CA", null, null, List.of()));
        assertThat(stored.metadata()).contains("\"cartflow:address\":\"cfenc:1:k1:")
                .doesNotContain("94103", "Francisco", "Secret");
        assertThat(repository.find(cart.id())).contains(cart);
    }

    @Test
    void save_frozenCart_figuresCartSealedToo() {
        Cart cart = new CommerceCarts(4).full(new CartOwner.Customer(new CustomerId("c-1")), CartKind.SHOPPING);
        Cart frozen = cart.toBuilder().freeze(new dev.cartflow.model.CartFreeze(cart.freeze().frozenAt(),
                cart.freeze().until(), withCart(cart.freeze().figures(), cart.toBuilder().freeze(null)
                        .shippingAddress(ADDRESS).metadata("{\"email\":\"ada@example.com\"}").build()))).build();
        CartRepository repository = encrypting("k1");

        repository.save(CartWrite.of(frozen, 0, List.of()));

        Cart inner = raw.find(frozen.id()).orElseThrow().freeze().figures().cart();
        assertThat(inner.shippingAddress().streetLines()).isEmpty();
        assertThat(inner.metadata()).doesNotContain("ada@example.com").contains("cfenc:1:k1:");
        assertThat(repository.find(frozen.id())).contains(frozen);
    }

    @RepeatedTest(30)
    void save_seededRandomCarts_readBackExactlyWithNoStreetLineStored(RepetitionInfo repetition) {
        long seed = BASE_SEED + repetition.getCurrentRepetition();
        Cart cart = new CommerceCarts(seed).next();
        CartRepository repository = encrypting("k1");

        repository.save(CartWrite.of(cart, 0, List.of()));

        Cart stored = raw.find(cart.id()).orElseThrow();
        if (stored.shippingAddress() != null) {
            assertThat(stored.shippingAddress().streetLines()).as("seed %d", seed).isEmpty();
            assertThat(stored.shippingAddress().city()).as("seed %d", seed).isNull();
            assertThat(stored.shippingAddress().postalCode()).as("seed %d", seed).isNull();
        }
        assertThat(repository.find(cart.id())).as("seed %d", seed).contains(cart);
    }

    @Test
    void find_afterRotation_oldKeyReadsAndNextWriteUsesTheNewKey() {
        Cart cart = cartWith(ADDRESS, "{}");
        encrypting("k1").save(CartWrite.of(cart, 0, List.of()));
        CartRepository rotated = encrypting("k1", "k2");
        EncryptingCartRepository scan = (EncryptingCartRepository) rotated;

        assertThat(scan.staleAfter(null, 10).stale()).containsExactly(cart);
        Cart next = cart.toBuilder().version(2).build();
        rotated.save(CartWrite.of(next, 1, List.of()));

        assertThat(raw.find(cart.id()).orElseThrow().metadata()).contains("cfenc:1:k2:").doesNotContain("cfenc:1:k1:");
        assertThat(scan.staleAfter(null, 10).stale()).isEmpty();
        assertThat(encrypting("k2").find(cart.id())).contains(next);
    }

    @Test
    void save_addressesOff_storesTheAddressInClear() {
        Cart cart = cartWith(ADDRESS, "{}");
        CartRepository repository = EncryptingCartRepository.wrap(raw,
                EncryptionSettings.builder().keys(CryptoFixtures.keys("k1")).addresses(false).build());

        repository.save(CartWrite.of(cart, 0, List.of()));

        assertThat(raw.find(cart.id())).contains(cart);
        assertThat(repository.find(cart.id())).contains(cart);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void save_hostMetadataWithTheReservedKey_invalidInputAndNothingStored(boolean addresses) {
        Cart cart = cartWith(ADDRESS, "{\"cartflow:address\":\"mine\",\"x\":1}");
        CartRepository repository = EncryptingCartRepository.wrap(raw,
                EncryptionSettings.builder().keys(CryptoFixtures.keys("k1")).addresses(addresses).build());

        assertThatThrownBy(() -> repository.save(CartWrite.of(cart, 0, List.of())))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code())
                        .isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThat(raw.find(cart.id())).isEmpty();
    }

    @Test
    void metadataFields_reservedKey_invalidInput() {
        assertThatThrownBy(() -> EncryptionSettings.builder().metadataFields("cartflow:address"))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code())
                        .isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void find_sealedAddressMovedToAnotherCart_failsInternal() {
        Cart first = cartWith(ADDRESS, "{}");
        Cart second = cartWith(ADDRESS, "{}");
        CartRepository repository = encrypting("k1");
        repository.save(CartWrite.of(first, 0, List.of()));
        repository.save(CartWrite.of(second, 0, List.of()));
        Cart stolen = raw.find(second.id()).orElseThrow().toBuilder()
                .metadata(raw.find(first.id()).orElseThrow().metadata()).version(2).build();
        raw.save(CartWrite.of(stolen, 1, List.of()));

        assertThatThrownBy(() -> repository.find(second.id()))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL));
    }

    @Test
    void toString_openedCart_showsNoPersonalPartOfTheAddress() {
        Cart cart = cartWith(ADDRESS, "{}");
        CartRepository repository = encrypting("k1");
        repository.save(CartWrite.of(cart, 0, List.of()));

        assertThat(repository.find(cart.id()).orElseThrow().toString())
                .doesNotContain("94103", "Francisco", "Secret");
    }

    private static dev.cartflow.model.PricedCart withCart(dev.cartflow.model.PricedCart p, Cart cart) {
        return new dev.cartflow.model.PricedCart(cart, p.currency(), p.lines(), p.subtotal(), p.discount(),
                p.shipping(), p.shippingDiscount(), p.shippingTax(), p.tax(), p.taxes(), p.total(), p.net(),
                p.promotions(), p.codes(), p.priceChanges(), p.exchangeRate(), p.pricedAt(), p.unavailableLines(),
                p.fallbacks());
    }
}
