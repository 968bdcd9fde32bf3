package dev.cartflow.scenarios;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.spi.CartRepository;

/** The engine over the in-memory repository: the reference the store modules are held to. */
class InMemoryEngineOverRepositoryTest extends EngineOverRepositoryContract {
    @Override
    protected CartRepository newRepository() {
        return new InMemoryCartRepository();
    }
}
