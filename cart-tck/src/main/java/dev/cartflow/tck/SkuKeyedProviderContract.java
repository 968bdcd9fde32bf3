package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cartflow.model.Sku;
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
 * The checks shared by the contracts of the providers that answer a batch of skus with one value per
 * known sku ({@link CatalogProviderContract}, {@link PricingProviderContract}): known skus answered
 * by sku, unknown ones absent, only what was asked, the same answer twice, a large batch, concurrent
 * callers, a failing source. Extend those contracts, not this class.
 *
 * @param <P> the provider
 * @param <V> what it answers per sku
 */
public abstract class SkuKeyedProviderContract<P, V> {

    SkuKeyedProviderContract() {
    }

    /**
     * A provider that knows exactly these values (a catalog holding these products, a price source
     * quoting these prices in euro for every country and customer group).
     *
     * @param known the values to know
     * @return the provider under test
     */
    protected abstract P newProvider(List<V> known);

    /**
     * A provider whose source fails on every call, when the implementation has a source that can
     * fail (a decorator, a remote service); empty skips that check.
     *
     * @return the failing provider, or empty
     */
    protected Optional<P> failingProvider() {
        return Optional.empty();
    }

    /** {@code count} distinct values for the skus {@code SKU-0} to {@code SKU-(count-1)}. */
    abstract List<V> sample(int count);

    abstract Sku skuOf(V value);

    /** The provider's answer to a batch, in the contract's default context. */
    abstract Map<Sku, V> ask(P provider, Set<Sku> skus);

    /** The SPI method's name, for messages. */
    abstract String method();

    Map<Sku, V> bySku(List<V> values) {
        Map<Sku, V> bySku = new HashMap<>();
        values.forEach(v -> bySku.put(skuOf(v), v));
        return bySku;
    }

    @Test
    void answer_knownSkus_returnsThemBySku() {
        List<V> known = sample(3);
        P provider = newProvider(known);
        Set<Sku> asked = bySku(known).keySet();

        Map<Sku, V> answer = ask(provider, asked);

        ProviderChecks.wellFormed(answer, asked, method());
        assertEquals(bySku(known), answer);
    }

    @Test
    void answer_unknownSkus_absent() {
        P provider = newProvider(sample(2));
        Set<Sku> asked = Set.of(new Sku("SKU-1"), new Sku("NOPE-1"), new Sku("NOPE-2"));

        Map<Sku, V> answer = ask(provider, asked);

        ProviderChecks.wellFormed(answer, asked, method());
        assertEquals(Set.of(new Sku("SKU-1")), answer.keySet());
        assertEquals(Map.of(), ask(provider, Set.of(new Sku("NOPE-3"))));
    }

    @Test
    void answer_subsetAsked_answersOnlyThatSubset() {
        P provider = newProvider(sample(10));
        Set<Sku> asked = Set.of(new Sku("SKU-3"), new Sku("SKU-7"));

        Map<Sku, V> answer = ask(provider, asked);

        ProviderChecks.wellFormed(answer, asked, method());
        assertEquals(asked, answer.keySet());
    }

    @Test
    void answer_askedAgain_sameAnswer() {
        P provider = newProvider(sample(5));
        Set<Sku> asked = Set.of(new Sku("SKU-2"), new Sku("SKU-4"), new Sku("NOPE"));

        Map<Sku, V> first = ask(provider, asked);
        for (int i = 0; i < 3; i++) {
            assertEquals(first, ask(provider, asked));
        }
    }

    @Test
    void answer_largeBatch_answersEverySku() {
        List<V> known = sample(500);
        P provider = newProvider(known);

        assertEquals(bySku(known), ask(provider, bySku(known).keySet()));
    }

    @Test
    void answer_concurrentCalls_eachGetsItsOwnAnswer() throws Exception {
        long seed = System.nanoTime();
        List<V> known = sample(50);
        Map<Sku, V> all = bySku(known);
        P provider = newProvider(known);
        List<Set<Sku>> questions = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            Set<Sku> asked = new HashSet<>();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                asked.add(new Sku((random.nextInt(5) == 0 ? "NOPE-" : "SKU-") + random.nextInt(60)));
            }
            questions.add(asked);
        }

        List<Map<Sku, V>> answers = Concurrently.run(8, questions.size(), i -> () -> ask(provider, questions.get(i)));

        for (int i = 0; i < questions.size(); i++) {
            Map<Sku, V> expected = new HashMap<>(all);
            expected.keySet().retainAll(questions.get(i));
            assertEquals(expected, answers.get(i), "seed " + seed + ", question " + i);
        }
    }

    @Test
    void answer_sourceFails_providerUnavailable() {
        Optional<P> failing = failingProvider();
        assumeTrue(failing.isPresent(), "no failing source for this provider");

        ProviderChecks.unavailable(() -> ask(failing.get(), Set.of(new Sku("SKU-0"))));
    }
}
