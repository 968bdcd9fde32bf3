package dev.cartflow.scenarios;

import dev.cartflow.core.memory.InMemoryCartRepository;
import dev.cartflow.core.memory.InMemoryPromotionUsageStore;
import dev.cartflow.spi.CartRepository;
import dev.cartflow.spi.PromotionUsageStore;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Erasure, export and retention over the in-memory stores. Their "stored text" is every value of
 * their private maps, read by reflection: the in-memory stores have no other way to be scanned.
 */
class InMemoryCustomerDataTest extends CustomerDataContract {
    private InMemoryCartRepository repository;
    private InMemoryPromotionUsageStore usage;

    @Override
    protected CartRepository newRepository() {
        repository = new InMemoryCartRepository();
        return repository;
    }

    @Override
    protected PromotionUsageStore newUsageStore() {
        usage = new InMemoryPromotionUsageStore();
        return usage;
    }

    @Override
    protected List<String> storedText() {
        List<String> text = new ArrayList<>();
        for (Object store : List.of(repository, usage)) {
            synchronized (store) {
                for (Field field : store.getClass().getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || !Map.class.isAssignableFrom(field.getType())) {
                        continue;
                    }
                    field.setAccessible(true);
                    try {
                        ((Map<?, ?>) field.get(store)).forEach((k, v) -> text.add(field.getName() + ": " + k + " = " + v));
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        return text;
    }
}
