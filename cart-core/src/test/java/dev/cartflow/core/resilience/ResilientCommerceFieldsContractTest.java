package dev.cartflow.core.resilience;

import dev.cartflow.core.memory.NamedCartsRepository;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.tck.CartCommerceFieldsContract;
import java.time.Duration;

/** The contract on issue 11's cart content through the resilient repository decorator. */
class ResilientCommerceFieldsContractTest extends CartCommerceFieldsContract {
    @Override
    protected CartRepository newRepository() {
        return Resilience.repository(new NamedCartsRepository(), ProviderPolicy.builder()
                .timeout(Duration.ofSeconds(5)).build());
    }
}
