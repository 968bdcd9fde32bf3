package dev.cartflow.core.residency;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartRepositoryContract;

/**
 * The cart-tck repository contract on {@link RegionRoutingRepository} over two in-memory regions:
 * the contract's carts have no region, so they live in the default region.
 */
class RegionRoutingRepositoryContractTest extends CartRepositoryContract {
    @Override
    protected CartRepository newRepository() {
        return RegionRoutingRepository.builder()
                .region(Region.of("eu", 1), new InMemoryCartRepository())
                .region(Region.of("us", 2), new InMemoryCartRepository())
                .defaultRegion("eu")
                .build();
    }
}
