package dev.cartflow.core.crypto;

import dev.cartflow.core.memory.NamedCartsRepository;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartCommerceFieldsContract;

/** The contract on issue 11's cart content through {@link EncryptingCartRepository} (addresses sealed). */
class EncryptingCommerceFieldsContractTest extends CartCommerceFieldsContract {
    @Override
    protected CartRepository newRepository() {
        return EncryptingCartRepository.wrap(new NamedCartsRepository(),
                CryptoFixtures.settings(CryptoFixtures.keys("k1")));
    }
}
