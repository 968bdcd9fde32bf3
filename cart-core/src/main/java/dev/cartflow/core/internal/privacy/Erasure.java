package dev.cartflow.core.internal.privacy;

import dev.cartflow.core.internal.support.Failures;
import dev.cartflow.core.privacy.ErasureReport;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CustomerId;
import dev.cartflow.spi.PersonalDataStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks each store in turn to erase the customer. Stores are independent systems, so there is no
 * transaction across them: when one fails, those before it are erased and the error says so; every
 * store's erasure is idempotent, so repeating the request finishes the job.
 */
final class Erasure {
    private Erasure() {
    }

    static ErasureReport run(List<Stores.Named<PersonalDataStore>> stores, CustomerId customerId, String subject) {
        Map<String, Map<String, Integer>> touched = new LinkedHashMap<>();
        for (Stores.Named<PersonalDataStore> named : stores) {
            Map<String, Integer> counts;
            try {
                counts = Failures.provider(named.name(), () -> named.store().eraseCustomer(customerId, subject));
            } catch (CartException e) {
                throw touched.isEmpty() ? e : new CartException(e.code(), "erasure stopped at store " + named.name()
                        + " after " + touched.keySet() + " were erased; repeat it to finish", e);
            }
            touched.put(named.name(), checked(named.name(), counts));
        }
        return new ErasureReport(subject, touched);
    }

    private static Map<String, Integer> checked(String store, Map<String, Integer> counts) {
        Map<String, Integer> copy = new LinkedHashMap<>();
        counts.forEach((kind, count) -> {
            if (kind == null || kind.isBlank() || count == null || count < 0) {
                throw CartException.providerUnavailable("store " + store + " reported an invalid erasure count", null);
            }
            copy.merge(kind, count, Integer::sum);
        });
        return copy;
    }
}
