package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cartflow.model.Sku;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.StockKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What any correct {@link InventoryProvider} (stock levels) satisfies. Extend it beside the
 * implementation: {@link #newInventory} returns a provider tracking exactly the given levels, and
 * {@link #failingInventory} (optional) one whose stock source is down.
 *
 * <p>An implementation answers the asked keys it tracks with their units, never negative, and
 * nothing else: untracked keys are absent (unlimited), never a null value; the same question gets the
 * same answer while stock does not change; a failing source is a {@code CartException} with
 * {@code PROVIDER_UNAVAILABLE}. It must be thread-safe.
 */
public abstract class InventoryContract {

    /** Subclasses are the implementation-specific tests. */
    protected InventoryContract() {
    }

    /**
     * A provider tracking exactly these levels.
     *
     * @param levels units by sku and warehouse
     * @return the provider under test
     */
    protected abstract InventoryProvider newInventory(Map<StockKey, Long> levels);

    /**
     * A provider whose source fails on every call, when it has one that can fail; empty skips that
     * check.
     *
     * @return the failing provider, or empty
     */
    protected Optional<InventoryProvider> failingInventory() {
        return Optional.empty();
    }

    private static StockKey key(String sku, String warehouse) {
        return new StockKey(new Sku(sku), warehouse);
    }

    private static Map<StockKey, Long> levels(int skus) {
        Map<StockKey, Long> levels = new HashMap<>();
        for (int i = 0; i < skus; i++) {
            levels.put(key("SKU-" + i, "main"), (long) i * 3);
            if (i % 2 == 0) {
                levels.put(key("SKU-" + i, "east"), (long) i);
            }
        }
        return levels;
    }

    @Test
    void available_trackedKeys_returnsTheirUnits() {
        Map<StockKey, Long> levels = levels(4);
        InventoryProvider inventory = newInventory(levels);

        Map<StockKey, Long> answer = inventory.available(levels.keySet());

        ProviderChecks.wellFormed(answer, levels.keySet(), "available");
        assertEquals(levels, answer);
    }

    @Test
    void available_untrackedKeys_absent() {
        InventoryProvider inventory = newInventory(levels(2));
        Set<StockKey> asked = Set.of(key("SKU-0", "main"), key("SKU-1", "east"), key("NOPE", "main"));

        Map<StockKey, Long> answer = inventory.available(asked);

        ProviderChecks.wellFormed(answer, asked, "available");
        assertEquals(Set.of(key("SKU-0", "main")), answer.keySet());
    }

    @Test
    void available_sameSkuOtherWarehouse_answeredPerWarehouse() {
        InventoryProvider inventory = newInventory(Map.of(key("A", "main"), 5L, key("A", "east"), 2L));

        assertEquals(Map.of(key("A", "east"), 2L), inventory.available(Set.of(key("A", "east"))));
        assertEquals(Map.of(key("A", "main"), 5L), inventory.available(Set.of(key("A", "main"))));
    }

    @Test
    void available_askedAgain_sameAnswerNeverNegative() {
        Map<StockKey, Long> levels = levels(6);
        InventoryProvider inventory = newInventory(levels);

        Map<StockKey, Long> first = inventory.available(levels.keySet());
        first.values().forEach(units -> assertTrue(units >= 0, "negative units " + units));
        for (int i = 0; i < 3; i++) {
            assertEquals(first, inventory.available(levels.keySet()));
        }
    }

    @Test
    void available_concurrentCalls_eachGetsItsOwnAnswer() throws Exception {
        long seed = System.nanoTime();
        Map<StockKey, Long> levels = levels(40);
        InventoryProvider inventory = newInventory(levels);
        List<Set<StockKey>> questions = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            Set<StockKey> asked = new HashSet<>();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                asked.add(key("SKU-" + random.nextInt(50), random.nextBoolean() ? "main" : "east"));
            }
            questions.add(asked);
        }

        List<Map<StockKey, Long>> answers = Concurrently.run(8, questions.size(),
                i -> () -> inventory.available(questions.get(i)));

        for (int i = 0; i < questions.size(); i++) {
            Map<StockKey, Long> expected = new HashMap<>(levels);
            expected.keySet().retainAll(questions.get(i));
            assertEquals(expected, answers.get(i), "seed " + seed + ", question " + i);
        }
    }

    @Test
    void available_sourceFails_providerUnavailable() {
        Optional<InventoryProvider> failing = failingInventory();
        assumeTrue(failing.isPresent(), "no failing source for this provider");

        ProviderChecks.unavailable(() -> failing.get().available(Set.of(key("SKU-0", "main"))));
    }
}
