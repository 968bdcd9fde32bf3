package dev.cartflow.core.residency;

import dev.cartflow.core.memory.NamedCartsRepository;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartCommerceFieldsContract;

/** The contract on issue 11's cart content through {@link RegionRoutingRepository} (carts in the default region). */
class RegionRoutingCommerceFieldsContractTest extends CartCommerceFieldsContract {
    @Override
    protected CartRepository newRepository() {
        return RegionRoutingRepository.builder()
                .region(Region.of("eu", 1), new NamedCartsRepository())
                .region(Region.of("us", 2), new NamedCartsRepository())
                .defaultRegion("eu")
                .build();
    }
}
