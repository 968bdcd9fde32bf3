package dev.cartflow.core.memory;

import dev.cartflow.spi.PromotionUsageStore;
import dev.cartflow.tck.PromotionUsageStoreContract;

/** The cart-tck usage contract on {@link InMemoryPromotionUsageStore}. */
class InMemoryPromotionUsageStoreContractTest extends PromotionUsageStoreContract {
    @Override
    protected PromotionUsageStore newStore() {
        return new InMemoryPromotionUsageStore();
    }
}
