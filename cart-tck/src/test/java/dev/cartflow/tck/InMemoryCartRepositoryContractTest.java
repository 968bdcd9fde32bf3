package dev.cartflow.tck;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.spi.CartRepository;

class InMemoryCartRepositoryContractTest extends CartRepositoryContract {
    @Override
    protected CartRepository newRepository() {
        return new InMemoryCartRepository();
    }
}
