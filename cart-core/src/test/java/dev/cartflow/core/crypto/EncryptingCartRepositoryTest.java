package dev.cartflow.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.spi.CartMaintenanceStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.CartStorage;
import dev.cartflow.spi.CartWrite;
import dev.cartflow.spi.IdempotencyRecord;
import dev.cartflow.spi.KeyProvider;
import dev.cartflow.tck.CartFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EncryptingCartRepositoryTest {
    private static final String METADATA =
            "{\"email\":\"ada@example.com\",\"n\":1e5,\"phone\":{\"home\":[\"+44 20 7946 0000\",12.50]},\"tier\":\"gold\"}";
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final InMemoryCartRepository raw = new InMemoryCartRepository();

    private CartRepository encrypting(KeyProvider keys) {
        return EncryptingCartRepository.wrap(raw, CryptoFixtures.settings(keys));
    }

    private Cart cartWith(String metadata) {
        return CartFixtures.guestCart().toBuilder().metadata(metadata).build();
    }

    @Test
    void save_configuredFields_storesEnvelopesWithoutThePlaintext() {
        Cart cart = cartWith(METADATA);

        encrypting(CryptoFixtures.keys("k1")).save(CartWrite.of(cart, 0, List.of()));

        String stored = raw.find(cart.id()).orElseThrow().metadata();
        assertThat(stored).doesNotContain("ada@example.com").doesNotContain("7946").doesNotContain("home")
                .contains("\"email\":\"cfenc:1:k1:").contains("\"phone\":\"cfenc:1:k1:")
                .contains("\"n\":1e5").contains("\"tier\":\"gold\"");
    }

    @Test
    void find_afterSave_returnsTheMetadataExactlyAsWritten() {
        Cart cart = cartWith(METADATA);
        CartRepository repository = encrypting(CryptoFixtures.keys("k1"));

        repository.save(CartWrite.of(cart, 0, List.of()));

        assertThat(repository.find(cart.id())).contains(cart);
    }

    @Test
    void save_sameValueTwice_usesAFreshNonceEachTime() {
        Cart first = cartWith("{\"email\":\"a@b.c\"}");
        Cart second = cartWith("{\"email\":\"a@b.c\"}");
        CartRepository repository = encrypting(CryptoFixtures.keys("k1"));

        repository.save(CartWrite.of(first, 0, List.of()));
        repository.save(CartWrite.of(second, 0, List.of()));

        assertThat(raw.find(first.id()).orElseThrow().metadata())
                .isNotEqualTo(raw.find(second.id()).orElseThrow().metadata());
    }

    @Test
    void findIdempotency_storedResponse_isEncryptedAndReadsBackPlain() {
        Cart cart = cartWith("{}");
        IdempotencyRecord record = new IdempotencyRecord(cart.id() + "|Guest|k", "fp", "{\"secret\":\"ada@example.com\"}",
                NOW.plusSeconds(60));
        CartRepository repository = encrypting(CryptoFixtures.keys("k1"));

        repository.save(new CartWrite(cart, 0, List.of(), record));

        assertThat(raw.findIdempotency(record.key(), NOW).orElseThrow().response())
                .startsWith("cfenc:1:k1:").doesNotContain("ada@example.com");
        assertThat(repository.findIdempotency(record.key(), NOW)).contains(record);
    }

    @Test
    void find_valuesStoredBeforeEncryption_readAsTheyAre() {
        Cart legacy = cartWith("{\"email\":\"old@example.com\"}");
        raw.save(CartWrite.of(legacy, 0, List.of()));

        assertThat(encrypting(CryptoFixtures.keys("k1")).find(legacy.id())).contains(legacy);
    }

    @Test
    void find_afterRotation_readsOldKeyAndWritesWithTheNewOne() {
        Cart cart = cartWith(METADATA);
        encrypting(CryptoFixtures.keys("k1")).save(CartWrite.of(cart, 0, List.of()));
        CartRepository rotated = encrypting(CryptoFixtures.keys("k1", "k2"));

        assertThat(rotated.find(cart.id())).contains(cart);
        Cart next = cart.toBuilder().version(2).build();
        rotated.save(CartWrite.of(next, 1, List.of()));

        assertThat(raw.find(cart.id()).orElseThrow().metadata()).contains("cfenc:1:k2:").doesNotContain("cfenc:1:k1:");
        assertThat(rotated.find(cart.id())).contains(next);
    }

    @Test
    void find_keyRetiredFromTheProvider_failsInternal() {
        Cart cart = cartWith(METADATA);
        encrypting(CryptoFixtures.keys("k1")).save(CartWrite.of(cart, 0, List.of()));

        assertThatThrownBy(() -> encrypting(CryptoFixtures.keys("k2")).find(cart.id()))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL));
    }

    @Test
    void find_otherKeyUnderTheSameId_failsInternalWithTheTagFailure() {
        Cart cart = cartWith(METADATA);
        encrypting(CryptoFixtures.keys("k1")).save(CartWrite.of(cart, 0, List.of()));
        KeyProvider impostor = InMemoryKeyProvider.builder().key("k1", CryptoFixtures.keyBytes("other")).build();

        assertThatThrownBy(() -> encrypting(impostor).find(cart.id()))
                .isInstanceOfSatisfying(CartException.class, e -> {
                    assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL);
                    assertThat(e.getCause()).isInstanceOf(javax.crypto.AEADBadTagException.class);
                });
    }

    @Test
    void find_envelopeCopiedToAnotherCart_failsInternal() {
        Cart cart = cartWith(METADATA);
        encrypting(CryptoFixtures.keys("k1")).save(CartWrite.of(cart, 0, List.of()));
        Cart thief = CartFixtures.guestCart().toBuilder().metadata(raw.find(cart.id()).orElseThrow().metadata()).build();
        raw.save(CartWrite.of(thief, 0, List.of()));

        assertThatThrownBy(() -> encrypting(CryptoFixtures.keys("k1")).find(thief.id()))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL));
    }

    @Test
    void find_envelopesSwappedBetweenFields_failsInternal() {
        Cart cart = cartWith("{\"email\":\"a@b.c\",\"phone\":\"123\"}");
        encrypting(CryptoFixtures.keys("k1")).save(CartWrite.of(cart, 0, List.of()));
        String stored = raw.find(cart.id()).orElseThrow().metadata();
        String swapped = stored.replace("\"email\":", "\"tmp\":").replace("\"phone\":", "\"email\":")
                .replace("\"tmp\":", "\"phone\":");
        raw.save(CartWrite.of(cart.toBuilder().version(2).metadata(swapped).build(), 1, List.of()));

        assertThatThrownBy(() -> encrypting(CryptoFixtures.keys("k1")).find(cart.id()))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL));
    }

    @Test
    void find_tamperedCiphertext_failsInternal() {
        Cart cart = cartWith("{\"email\":\"a@b.c\"}");
        encrypting(CryptoFixtures.keys("k1")).save(CartWrite.of(cart, 0, List.of()));
        String stored = raw.find(cart.id()).orElseThrow().metadata();
        int at = stored.length() - 5;
        char flipped = stored.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = stored.substring(0, at) + flipped + stored.substring(at + 1);
        raw.save(CartWrite.of(cart.toBuilder().version(2).metadata(tampered).build(), 1, List.of()));

        assertThatThrownBy(() -> encrypting(CryptoFixtures.keys("k1")).find(cart.id()))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL));
    }

    @Test
    void save_keyProviderThrows_failsProviderUnavailableAndWritesNothing() {
        KeyProvider failing = new KeyProvider() {
            @Override
            public String currentKeyId() {
                throw new IllegalStateException("kms down");
            }

            @Override
            public Optional<byte[]> key(String keyId) {
                throw new IllegalStateException("kms down");
            }
        };
        Cart cart = cartWith("{\"email\":\"a@b.c\"}");

        assertThatThrownBy(() -> encrypting(failing).save(CartWrite.of(cart, 0, List.of())))
                .isInstanceOfSatisfying(CartException.class,
                        e -> assertThat(e.code()).isEqualTo(CartErrorCode.PROVIDER_UNAVAILABLE));
        assertThat(raw.find(cart.id())).isEmpty();
    }

    @Test
    void save_keyOfTheWrongLength_failsInternal() {
        KeyProvider shortKey = new KeyProvider() {
            @Override
            public String currentKeyId() {
                return "k1";
            }

            @Override
            public Optional<byte[]> key(String keyId) {
                return Optional.of(new byte[7]);
            }
        };

        assertThatThrownBy(() -> encrypting(shortKey).save(CartWrite.of(cartWith("{\"email\":1}"), 0, List.of())))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INTERNAL));
    }

    @Test
    void wrap_storage_keepsTheCapabilitiesAndDecryptsScans() {
        CartRepository repository = encrypting(CryptoFixtures.keys("k1"));
        Cart cart = cartWith(METADATA).toBuilder().expiresAt(NOW.minusSeconds(1)).build();
        repository.save(CartWrite.of(cart, 0, List.of()));

        assertThat(repository).isInstanceOf(CartStorage.class);
        assertThat(((CartMaintenanceStore) repository).findExpiringBefore(NOW, 10)).containsExactly(cart);
    }

    @Test
    void wrap_plainRepository_hasNoCapabilitiesItsDelegateLacks() {
        CartRepository plain = new CartRepository() {
            @Override
            public Optional<Cart> find(CartId id) {
                return raw.find(id);
            }

            @Override
            public Optional<Cart> findActiveByCustomer(dev.cartflow.model.CustomerId customerId) {
                return raw.findActiveByCustomer(customerId);
            }

            @Override
            public void save(CartWrite write) {
                raw.save(write);
            }

            @Override
            public void saveAll(List<CartWrite> writes) {
                raw.saveAll(writes);
            }

            @Override
            public Optional<IdempotencyRecord> findIdempotency(String key, Instant now) {
                return raw.findIdempotency(key, now);
            }
        };

        CartRepository wrapped = EncryptingCartRepository.wrap(plain, CryptoFixtures.settings(CryptoFixtures.keys("k1")));

        assertThat(wrapped).isNotInstanceOf(CartMaintenanceStore.class);
    }

    @Test
    void wrap_nullArguments_failInvalidInput() {
        assertThatThrownBy(() -> EncryptingCartRepository.wrap(null, CryptoFixtures.settings(CryptoFixtures.keys("k1"))))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> EncryptingCartRepository.wrap(raw, null))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void save_anyValueSize_storedGrowthIsTheDocumentedBound() {
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        CartRepository repository = encrypting(CryptoFixtures.keys("k1"));
        for (int i = 0; i < 50; i++) {
            String value = "\"" + "x".repeat(random.nextInt(3_000)) + "\"";
            Cart cart = cartWith("{\"email\":" + value + "}");

            repository.save(CartWrite.of(cart, 0, List.of()));

            int envelope = 11 + "k1".length() + (int) Math.ceil(4 * (value.length() + 28) / 3.0);
            assertThat(raw.find(cart.id()).orElseThrow().metadata())
                    .as("seed %d", seed).hasSize("{\"email\":".length() + envelope + 1);
        }
    }
}
