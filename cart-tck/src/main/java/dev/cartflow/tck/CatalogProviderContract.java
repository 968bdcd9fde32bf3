package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.CatalogProvider;
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
 * What any correct {@link CatalogProvider} satisfies, a host's own or a decorator around one. Extend
 * it beside the implementation: {@link #newProvider} returns a provider whose catalog holds exactly
 * the given products, and {@link #failingProvider} (optional) one whose source is down.
 *
 * <p>An implementation answers a batch with the products of the asked skus it knows, keyed by their
 * sku, and nothing else: unknown skus are absent, never a null value; the same question gets the same
 * answer; a failing source is a {@code CartException} with {@code PROVIDER_UNAVAILABLE}. It must be
 * thread-safe: the engine asks from any number of threads at once.
 */
public abstract class CatalogProviderContract {

    /** Subclasses are the implementation-specific tests. */
    protected CatalogProviderContract() {
    }

    /**
     * A provider whose catalog holds exactly these products.
     *
     * @param products the products to know
     * @return the provider under test
     */
    protected abstract CatalogProvider newProvider(List<Product> products);

    /**
     * A provider whose source fails on every call, when the implementation has a source that can
     * fail (a decorator, a remote catalog); empty skips that check.
     *
     * @return the failing provider, or empty
     */
    protected Optional<CatalogProvider> failingProvider() {
        return Optional.empty();
    }

    private static List<Product> products(int count) {
        List<Product> products = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            products.add(new Product(new Sku("SKU-" + i), i % 2 == 0 ? "shoes" : null, i % 3 == 0 ? "acme" : null,
                    100L * i, i % 4 == 0 ? Set.of("DE", "AT") : Set.of(), 1, 1_000 + i, 1 + i % 3));
        }
        return products;
    }

    private static Map<Sku, Product> bySku(List<Product> products) {
        Map<Sku, Product> bySku = new HashMap<>();
        products.forEach(p -> bySku.put(p.sku(), p));
        return bySku;
    }

    @Test
    void products_knownSkus_returnsTheProductsBySku() {
        List<Product> known = products(3);
        CatalogProvider provider = newProvider(known);
        Set<Sku> asked = bySku(known).keySet();

        Map<Sku, Product> answer = provider.products(asked);

        ProviderChecks.wellFormed(answer, asked, "products");
        assertEquals(bySku(known), answer);
    }

    @Test
    void products_unknownSkus_absent() {
        CatalogProvider provider = newProvider(products(2));
        Set<Sku> asked = Set.of(new Sku("SKU-0"), new Sku("NOPE-1"), new Sku("NOPE-2"));

        Map<Sku, Product> answer = provider.products(asked);

        ProviderChecks.wellFormed(answer, asked, "products");
        assertEquals(Set.of(new Sku("SKU-0")), answer.keySet());
        assertEquals(Map.of(), provider.products(Set.of(new Sku("NOPE-3"))));
    }

    @Test
    void products_subsetAsked_answersOnlyThatSubset() {
        List<Product> known = products(10);
        CatalogProvider provider = newProvider(known);
        Set<Sku> asked = Set.of(new Sku("SKU-1"), new Sku("SKU-7"));

        Map<Sku, Product> answer = provider.products(asked);

        ProviderChecks.wellFormed(answer, asked, "products");
        assertEquals(asked, answer.keySet());
    }

    @Test
    void products_askedAgain_sameAnswer() {
        CatalogProvider provider = newProvider(products(5));
        Set<Sku> asked = Set.of(new Sku("SKU-2"), new Sku("SKU-4"), new Sku("NOPE"));

        Map<Sku, Product> first = provider.products(asked);
        for (int i = 0; i < 3; i++) {
            assertEquals(first, provider.products(asked));
        }
    }

    @Test
    void products_largeBatch_answersEverySku() {
        List<Product> known = products(500);
        CatalogProvider provider = newProvider(known);

        assertEquals(bySku(known), provider.products(bySku(known).keySet()));
    }

    @Test
    void products_concurrentCalls_eachGetsItsOwnAnswer() throws Exception {
        long seed = System.nanoTime();
        List<Product> known = products(50);
        Map<Sku, Product> all = bySku(known);
        CatalogProvider provider = newProvider(known);
        List<Set<Sku>> questions = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            Set<Sku> asked = new HashSet<>();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                asked.add(new Sku((random.nextInt(5) == 0 ? "NOPE-" : "SKU-") + random.nextInt(60)));
            }
            questions.add(asked);
        }

        List<Map<Sku, Product>> answers = Concurrently.run(8, questions.size(),
                i -> () -> provider.products(questions.get(i)));

        for (int i = 0; i < questions.size(); i++) {
            Map<Sku, Product> expected = new HashMap<>(all);
            expected.keySet().retainAll(questions.get(i));
            assertEquals(expected, answers.get(i), "seed " + seed + ", question " + i);
        }
    }

    @Test
    void products_sourceFails_providerUnavailable() {
        Optional<CatalogProvider> failing = failingProvider();
        assumeTrue(failing.isPresent(), "no failing source for this provider");

        ProviderChecks.unavailable(() -> failing.get().products(Set.of(new Sku("SKU-0"))));
    }
}
