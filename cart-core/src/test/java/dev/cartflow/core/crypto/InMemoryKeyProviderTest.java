package dev.cartflow.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryKeyProviderTest {
    @Test
    void build_withoutCurrent_theLastKeyAddedIsCurrent() {
        InMemoryKeyProvider keys = InMemoryKeyProvider.builder().key("a", new byte[16]).key("b", new byte[32]).build();

        assertThat(keys.currentKeyId()).isEqualTo("b");
        assertThat(keys.key("a")).hasValueSatisfying(k -> assertThat(k).hasSize(16));
        assertThat(keys.key("c")).isEmpty();
    }

    @Test
    void key_returnedArrayCleared_providerKeepsItsKey() {
        InMemoryKeyProvider keys = InMemoryKeyProvider.builder().key("a", CryptoFixtures.keyBytes("a")).build();

        java.util.Arrays.fill(keys.key("a").orElseThrow(), (byte) 0);

        assertThat(keys.key("a").orElseThrow()).isEqualTo(CryptoFixtures.keyBytes("a"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 8, 15, 17, 31, 33, 64})
    void key_notAnAesLength_failsInvalidInput(int length) {
        assertThatThrownBy(() -> InMemoryKeyProvider.builder().key("a", new byte[length]))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a:b", "a b", "é", "a/b"})
    void key_malformedId_failsInvalidInput(String id) {
        assertThatThrownBy(() -> InMemoryKeyProvider.builder().key(id, new byte[16]))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }

    @Test
    void build_unknownCurrentOrNoKeys_failsInvalidInput() {
        assertThatThrownBy(() -> InMemoryKeyProvider.builder().build())
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> InMemoryKeyProvider.builder().key("a", new byte[16]).current("b").build())
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
        assertThatThrownBy(() -> InMemoryKeyProvider.builder().key("a", new byte[16]).key("a", new byte[16]))
                .isInstanceOfSatisfying(CartException.class, e -> assertThat(e.code()).isEqualTo(CartErrorCode.INVALID_INPUT));
    }
}
