package dev.cartflow.core.crypto;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartRepositoryContract;

/** The cart-tck repository contract on {@link EncryptingCartRepository} over the in-memory store. */
class EncryptingCartRepositoryContractTest extends CartRepositoryContract {
    @Override
    protected CartRepository newRepository() {
        return EncryptingCartRepository.wrap(new InMemoryCartRepository(), CryptoFixtures.settings(CryptoFixtures.keys("k1")));
    }
}
