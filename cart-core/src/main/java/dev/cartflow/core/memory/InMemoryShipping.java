package dev.cartflow.core.memory;

import dev.cartflow.model.ShippingMethod;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.Destination;
import dev.cartflow.spi.ShippingProvider;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe shipping methods in memory, returned for carts in their price's currency; a method put
 * with a {@link ShippingZone} is offered only to destinations in the zone (and so never to a
 * country alone).
 */
public final class InMemoryShipping implements ShippingProvider {
    private final Map<String, ShippingMethod> methods = new ConcurrentHashMap<>();
    private final Map<String, ShippingZone> zones = new ConcurrentHashMap<>();

    /** None. */
    public InMemoryShipping() {
    }

    /**
     * Adds or replaces a method by id, offered to every destination of its countries.
     *
     * @param method the method; not null ({@code INVALID_INPUT}). A zone given earlier for its id is dropped
     * @return this
     */
    public InMemoryShipping put(ShippingMethod method) {
        if (method == null) {
            throw CartException.invalidInput("method must not be null");
        }
        zones.remove(method.id());
        methods.put(method.id(), method);
        return this;
    }

    /**
     * Adds or replaces a method by id, offered only to destinations in a zone of its countries.
     *
     * @param method the method
     * @param zone   the subdivisions or postal codes it ships to
     * @return this
     */
    public InMemoryShipping put(ShippingMethod method, ShippingZone zone) {
        if (method == null || zone == null) {
            throw CartException.invalidInput("method and zone must not be null");
        }
        zones.put(method.id(), zone);
        methods.put(method.id(), method);
        return this;
    }

    @Override
    public List<ShippingMethod> methods(Currency currency, String country) {
        return methods(currency, Destination.country(country));
    }

    @Override
    public List<ShippingMethod> methods(Currency currency, Destination destination) {
        CartException.requireNonNull(destination, "destination");
        return methods.values().stream().filter(m -> m.price().currency().equals(currency))
                .filter(m -> {
                    ShippingZone zone = zones.get(m.id());
                    return zone == null || zone.contains(destination);
                }).toList();
    }
}
