package dev.cartflow.core.internal.privacy;

import dev.cartflow.core.internal.pipeline.EngineConfig;
import dev.cartflow.error.CartException;
import dev.cartflow.spi.PersonalDataStore;
import dev.cartflow.spi.RetentionStore;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stores of one engine that keep personal data or records with a limited life, each once (a
 * host object wired in two roles is asked once, under its first name), in the order an erasure
 * visits them: the repository, the promotion usage store, the extra stores, the audit log last.
 */
final class Stores {
    static final String REPOSITORY = "repository";
    static final String USAGE = "promotionUsage";
    static final String MAINTENANCE = "maintenanceStore";
    static final String AUDIT = "audit";
    static final String CUSTOMER_PROFILES = "customerProfiles";
    static final Set<String> RESERVED = Set.of(REPOSITORY, USAGE, MAINTENANCE, AUDIT, CUSTOMER_PROFILES);

    /** One store under its name. */
    record Named<T>(String name, T store) {
    }

    private Stores() {
    }

    /**
     * The stores an erasure or export asks. The repository and the usage store must be able to: an
     * erasure that silently skips the carts is not one, so such wiring is {@code INTERNAL} before
     * anything is touched. The audit log is asked when it can be; it holds only pseudonyms.
     */
    static List<Named<PersonalDataStore>> personal(EngineConfig config) {
        List<Named<PersonalDataStore>> stores = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        stores.add(new Named<>(REPOSITORY, required(config.repository(), REPOSITORY)));
        seen.put(config.repository(), true);
        if (seen.put(config.usage(), true) == null) {
            stores.add(new Named<>(USAGE, required(config.usage(), USAGE)));
        }
        for (NamedStore extra : config.personalDataStores()) {
            if (seen.put(extra.store(), true) == null) {
                stores.add(new Named<>(extra.name(), extra.store()));
            }
        }
        if (config.audit() instanceof PersonalDataStore audit && seen.put(audit, true) == null) {
            stores.add(new Named<>(AUDIT, audit));
        }
        // a resilient customer provider remembers profiles (personal data) for its fallback
        if (config.providers().customers() instanceof PersonalDataStore profiles && seen.put(profiles, true) == null) {
            stores.add(new Named<>(CUSTOMER_PROFILES, profiles));
        }
        return stores;
    }

    /** The stores that can age records out, each once. */
    static List<Named<RetentionStore>> retaining(EngineConfig config) {
        List<Named<RetentionStore>> stores = new ArrayList<>();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        addRetaining(stores, seen, REPOSITORY, config.repository());
        addRetaining(stores, seen, MAINTENANCE, config.maintenanceStore());
        addRetaining(stores, seen, USAGE, config.usage());
        for (NamedStore extra : config.personalDataStores()) {
            addRetaining(stores, seen, extra.name(), extra.store());
        }
        addRetaining(stores, seen, AUDIT, config.audit());
        return stores;
    }

    private static void addRetaining(List<Named<RetentionStore>> stores, Map<Object, Boolean> seen, String name,
                                     Object store) {
        if (store instanceof RetentionStore retaining && seen.put(store, true) == null) {
            stores.add(new Named<>(name, retaining));
        }
    }

    private static PersonalDataStore required(Object store, String name) {
        if (store instanceof PersonalDataStore personal) {
            return personal;
        }
        throw CartException.internal("the " + name + " of this engine cannot erase or export personal data"
                + " (it is not a PersonalDataStore)", null);
    }
}
