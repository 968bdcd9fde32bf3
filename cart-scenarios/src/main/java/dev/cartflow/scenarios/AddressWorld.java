package dev.cartflow.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.core.CartCommand;
import dev.cartflow.core.memory.InMemoryTax;
import dev.cartflow.core.memory.ShippingZone;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.spi.CustomerProfile;
import dev.cartflow.spi.CustomerProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project-only parts of a scenario for addresses and customers (docs/scenario-format.md,
 * "Addresses, tax by destination and customer profiles"): tax rates by category and destination
 * ({@code taxes}), customer profiles ({@code customers}), shipping zones on methods
 * ({@code subdivisions}, {@code postalCodes}) and the {@code setAddress} step.
 */
final class AddressWorld {
    static final Set<String> TAX = Set.of("category", "country", "subdivision", "rates");
    static final Set<String> CUSTOMER = Set.of("id", "group", "taxExempt");
    static final Set<String> SET_ADDRESS = Set.of("cart", "country", "subdivision", "postalCode", "city", "street",
            "billingCountry");

    private AddressWorld() {
    }

    /** The {@code taxes} of a file: rates of a category in a country, or in one subdivision of it. */
    static InMemoryTax tax(String file, JsonNode root) {
        InMemoryTax tax = new InMemoryTax();
        int i = 0;
        for (JsonNode t : root.path("taxes")) {
            String path = "taxes[" + i++ + "]";
            Keys.check(file, path, t, TAX);
            String category = required(file, t, "category", path).asText();
            String country = required(file, t, "country", path).asText();
            List<Rate> rates = new ArrayList<>();
            for (JsonNode r : required(file, t, "rates", path)) {
                rates.add(Rate.parse(r.asText()));
            }
            String subdivision = ScenarioWorld.textOrNull(t, "subdivision");
            try {
                if (subdivision == null) {
                    tax.put(category, country, rates);
                } else {
                    tax.put(category, country, subdivision, rates);
                }
            } catch (CartException e) {
                ScenarioWorld.rethrowFormat(e, file, path);
            }
        }
        return tax;
    }

    /** The {@code customers} of a file as a customer provider, or null when the file has none. */
    static CustomerProvider customers(String file, JsonNode root) {
        if (!root.has("customers")) {
            return null;
        }
        Map<CustomerId, CustomerProfile> profiles = new ConcurrentHashMap<>();
        int i = 0;
        for (JsonNode c : root.path("customers")) {
            String path = "customers[" + i++ + "]";
            Keys.check(file, path, c, CUSTOMER);
            profiles.put(new CustomerId(required(file, c, "id", path).asText()), new CustomerProfile(
                    ScenarioWorld.textOrNull(c, "group"), null, null, c.path("taxExempt").asBoolean(false)));
        }
        return id -> Optional.ofNullable(profiles.get(id));
    }

    /** The zone of a shipping method ({@code subdivisions}, {@code postalCodes}), or null for none. */
    static ShippingZone zone(JsonNode method) {
        Set<String> subdivisions = ScenarioWorld.strings(method.path("subdivisions"));
        Set<String> postalCodes = ScenarioWorld.strings(method.path("postalCodes"));
        return subdivisions.isEmpty() && postalCodes.isEmpty() ? null : new ShippingZone(subdivisions, postalCodes);
    }

    /**
     * The command of a {@code setAddress} step: the address of its keys (none of {@code subdivision},
     * {@code postalCode}, {@code city} or {@code street} clears it), its {@code country} if given, its
     * {@code billingCountry} or none.
     */
    static CartCommand.ChangeAddress setAddress(JsonNode step) {
        String subdivision = ScenarioWorld.textOrNull(step, "subdivision");
        String postalCode = ScenarioWorld.textOrNull(step, "postalCode");
        String city = ScenarioWorld.textOrNull(step, "city");
        List<String> street = new ArrayList<>();
        step.path("street").forEach(line -> street.add(line.asText()));
        ShippingAddress address = subdivision == null && postalCode == null && city == null && street.isEmpty()
                ? null : new ShippingAddress(subdivision, postalCode, city, street);
        return new CartCommand.ChangeAddress(ScenarioWorld.textOrNull(step, "country"), address,
                ScenarioWorld.textOrNull(step, "billingCountry"));
    }

    private static JsonNode required(String file, JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new ScenarioFormatException(file + ": " + path + " needs '" + key + "'");
        }
        return value;
    }
}
