package dev.cartflow.core.memory;

import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartCommerceFieldsContract;

/** The test double the decorator tests stand on passes the contract it stands in for. */
class NamedCartsRepositoryContractTest extends CartCommerceFieldsContract {
    @Override
    protected CartRepository newRepository() {
        return new NamedCartsRepository();
    }
}
