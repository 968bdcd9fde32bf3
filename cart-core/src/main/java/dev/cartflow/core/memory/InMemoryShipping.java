package dev.cartflow.core.memory;

import dev.cartflow.model.ShippingMethod;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.ShippingProvider;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Thread-safe shipping methods in memory, returned for carts in their price's currency. */
public final class InMemoryShipping implements ShippingProvider {
    private final Map<String, ShippingMethod> methods = new ConcurrentHashMap<>();

    /** None. */
    public InMemoryShipping() {
    }

    /** Adds or replaces a method by id. */
    public InMemoryShipping put(ShippingMethod method) {
        if (method == null) {
            throw CartException.invalidInput("method must not be null");
        }
        methods.put(method.id(), method);
        return this;
    }

    @Override
    public List<ShippingMethod> methods(Currency currency, String country) {
        return methods.values().stream().filter(m -> m.price().currency().equals(currency)).toList();
    }
}
