package dev.cartflow.tck;

import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Rate;
import dev.cartflow.model.Sku;
import dev.cartflow.spi.PriceRequest;
import dev.cartflow.spi.PricingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * must be thread-safe: the engine asks from any number of threads at once. The checks are those of
 * {@link SkuKeyedProviderContract} (asked for Germany, no customer group) and one for another
 * country and group.
 */
public abstract class PricingProviderContract extends SkuKeyedProviderContract<PricingProvider, PriceQuote> {

    /** Subclasses are the implementation-specific tests. */
    protected PricingProviderContract() {
    }

    @Override
    final List<PriceQuote> sample(int count) {
        List<PriceQuote> quotes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<Rate> rates = i % 3 == 0 ? List.of() : i % 3 == 1 ? List.of(Rate.parse("0.19"))
                    : List.of(Rate.parse("0.07"), Rate.parse("0.01"));
            quotes.add(new PriceQuote(new Sku("SKU-" + i), Money.ofMinor(100 + i, CartFixtures.EUR), rates,
                    i % 2 == 0 ? "standard" : null));
        }
        return quotes;
    }

    @Override
    final Sku skuOf(PriceQuote quote) {
        return quote.sku();
    }

    @Override
    final Map<Sku, PriceQuote> ask(PricingProvider provider, Set<Sku> skus) {
        return provider.prices(new PriceRequest(skus, CartFixtures.EUR, "DE", null));
    }

    @Override
    final String method() {
        return "prices";
    }

    @Test
    void prices_anotherCountryOrGroup_stillAnswersOnlyAskedSkus() {
        PricingProvider provider = newProvider(sample(4));
        Set<Sku> asked = Set.of(new Sku("SKU-0"), new Sku("SKU-2"), new Sku("NOPE"));

        Map<Sku, PriceQuote> answer = provider.prices(new PriceRequest(asked, CartFixtures.EUR, "AT", "vip"));

        ProviderChecks.wellFormed(answer, asked, "prices");
    }
}
