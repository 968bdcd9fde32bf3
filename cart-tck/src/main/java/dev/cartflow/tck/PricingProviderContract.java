package dev.cartflow.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
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
 * What any correct {@link PricingProvider} satisfies, a host's own or a decorator around one.
 * Extend it beside the implementation: {@link #newProvider} returns a provider that quotes exactly
 * the given prices (euro) for every country and customer group, and {@link #failingProvider}
 * (optional) one whose source is down.
 *
 * <p>An implementation answers a request with quotes for the asked skus it prices, keyed by their
 * sku, and nothing else: skus without a price are absent, never a null value; the same request gets
 * the same answer; a failing source is a {@code CartException} with {@code PROVIDER_UNAVAILABLE}. It
 * must be thread-safe: the engine asks from any number of threads at once.
 */
public abstract class PricingProviderContract {

    /** Subclasses are the implementation-specific tests. */
    protected PricingProviderContract() {
    }

    /**
     * A provider that quotes exactly these prices, whatever the country and customer group.
     *
     * @param quotes the quotes, in euro
     * @return the provider under test
     */
    protected abstract PricingProvider newProvider(List<PriceQuote> quotes);

    /**
     * A provider whose source fails on every call, when the implementation has a source that can
     * fail; empty skips that check.
     *
     * @return the failing provider, or empty
     */
    protected Optional<PricingProvider> failingProvider() {
        return Optional.empty();
    }

    private static List<PriceQuote> quotes(int count) {
        List<PriceQuote> quotes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Rate> rates = i % 3 == 0 ? List.of() : i % 3 == 1 ? List.of(Rate.parse("0.19"))
                    : List.of(Rate.parse("0.07"), Rate.parse("0.01"));
            quotes.add(new PriceQuote(new Sku("SKU-" + i), Money.ofMinor(100 + i, CartFixtures.EUR), rates,
                    i % 2 == 0 ? "standard" : null));
        }
        return quotes;
    }

    private static Map<Sku, PriceQuote> bySku(List<PriceQuote> quotes) {
        Map<Sku, PriceQuote> bySku = new HashMap<>();
        quotes.forEach(q -> bySku.put(q.sku(), q));
        return bySku;
    }

    private static PriceRequest request(Set<Sku> skus) {
        return new PriceRequest(skus, CartFixtures.EUR, "DE", null);
    }

    @Test
    void prices_pricedSkus_returnsTheQuotesBySku() {
        List<PriceQuote> known = quotes(3);
        PricingProvider provider = newProvider(known);
        Set<Sku> asked = bySku(known).keySet();

        Map<Sku, PriceQuote> answer = provider.prices(request(asked));

        ProviderChecks.wellFormed(answer, asked, "prices");
        assertEquals(bySku(known), answer);
    }

    @Test
    void prices_unpricedSkus_absent() {
        PricingProvider provider = newProvider(quotes(2));
        Set<Sku> asked = Set.of(new Sku("SKU-1"), new Sku("NOPE-1"), new Sku("NOPE-2"));

        Map<Sku, PriceQuote> answer = provider.prices(request(asked));

        ProviderChecks.wellFormed(answer, asked, "prices");
        assertEquals(Set.of(new Sku("SKU-1")), answer.keySet());
        assertEquals(Map.of(), provider.prices(request(Set.of(new Sku("NOPE-3")))));
    }

    @Test
    void prices_subsetAsked_answersOnlyThatSubset() {
        PricingProvider provider = newProvider(quotes(10));
        Set<Sku> asked = Set.of(new Sku("SKU-3"), new Sku("SKU-8"));

        Map<Sku, PriceQuote> answer = provider.prices(request(asked));

        ProviderChecks.wellFormed(answer, asked, "prices");
        assertEquals(asked, answer.keySet());
    }

    @Test
    void prices_anotherCountryOrGroup_stillAnswersOnlyAskedSkus() {
        PricingProvider provider = newProvider(quotes(4));
        Set<Sku> asked = Set.of(new Sku("SKU-0"), new Sku("SKU-2"), new Sku("NOPE"));

        Map<Sku, PriceQuote> answer = provider.prices(new PriceRequest(asked, CartFixtures.EUR, "AT", "vip"));

        ProviderChecks.wellFormed(answer, asked, "prices");
    }

    @Test
    void prices_askedAgain_sameAnswer() {
        PricingProvider provider = newProvider(quotes(5));
        PriceRequest request = request(Set.of(new Sku("SKU-2"), new Sku("SKU-4"), new Sku("NOPE")));

        Map<Sku, PriceQuote> first = provider.prices(request);
        for (int i = 0; i < 3; i++) {
            assertEquals(first, provider.prices(request));
        }
    }

    @Test
    void prices_largeBatch_answersEverySku() {
        List<PriceQuote> known = quotes(500);
        PricingProvider provider = newProvider(known);

        assertEquals(bySku(known), provider.prices(request(bySku(known).keySet())));
    }

    @Test
    void prices_concurrentCalls_eachGetsItsOwnAnswer() throws Exception {
        long seed = System.nanoTime();
        List<PriceQuote> known = quotes(50);
        Map<Sku, PriceQuote> all = bySku(known);
        PricingProvider provider = newProvider(known);
        List<Set<Sku>> questions = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 200; i++) {
            Set<Sku> asked = new HashSet<>();
            for (int k = 1 + random.nextInt(8); k > 0; k--) {
                asked.add(new Sku((random.nextInt(5) == 0 ? "NOPE-" : "SKU-") + random.nextInt(60)));
            }
            questions.add(asked);
        }

        List<Map<Sku, PriceQuote>> answers = Concurrently.run(8, questions.size(),
                i -> () -> provider.prices(request(questions.get(i))));

        for (int i = 0; i < questions.size(); i++) {
            Map<Sku, PriceQuote> expected = new HashMap<>(all);
            expected.keySet().retainAll(questions.get(i));
            assertEquals(expected, answers.get(i), "seed " + seed + ", question " + i);
        }
    }

    @Test
    void prices_sourceFails_providerUnavailable() {
        Optional<PricingProvider> failing = failingProvider();
        assumeTrue(failing.isPresent(), "no failing source for this provider");

        ProviderChecks.unavailable(() -> failing.get().prices(request(Set.of(new Sku("SKU-0")))));
    }
}
