package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/** Checks shared by the contracts of batch providers (catalog, prices, stock levels). */
final class ProviderChecks {
    private ProviderChecks() {
    }

    /** A batch answer: not null, no null keys or values, only keys that were asked for. */
    static <K, V> void wellFormed(Map<K, V> answer, Set<K> asked, String what) {
        assertNotNull(answer, what + ": the answer must not be null");
        for (Map.Entry<K, V> e : answer.entrySet()) {
            assertNotNull(e.getKey(), what + ": null key");
            assertNotNull(e.getValue(), what + ": null value for " + e.getKey());
            assertTrue(asked.contains(e.getKey()), what + ": answered " + e.getKey() + ", which was not asked");
        }
    }

    /** A failing source surfaces as {@code PROVIDER_UNAVAILABLE}, never as another exception. */
    static void unavailable(Executable call) {
        CartException e = assertThrows(CartException.class, call);
        assertEquals(CartErrorCode.PROVIDER_UNAVAILABLE, e.code(), e::getMessage);
    }
}
