package dev.cartflow.service.page;

import dev.cartflow.core.memory.InMemoryCatalog;
import dev.cartflow.core.memory.InMemoryPricing;
import dev.cartflow.core.memory.InMemoryShipping;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import dev.cartflow.service.http.PromotionDescriptions;
import dev.cartflow.spi.PriceRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Until the demo part's catalog is merged: {@code GET /products} and {@code POST /demo/sign-in} in
 * the shape the page is built on, answered from the placeholder demo shop's beans. The lead removes
 * this at merge; it lives in the test sources only and is imported by the browser test alone.
 */
@TestConfiguration(proxyBeanMethods = false)
@RestController
class ProductsStandIn {
    /** The placeholder shop has no listing; these are its skus and codes. */
    static final List<String> SKUS = List.of("MUG", "TEA");
    static final List<String> CODES = List.of("WELCOME10");
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private final InMemoryCatalog catalog;
    private final InMemoryPricing pricing;
    private final InMemoryShipping shipping;
    private final PromotionDescriptions descriptions;
    private final HmacTokenVerifier tokens;

    ProductsStandIn(InMemoryCatalog catalog, InMemoryPricing pricing, InMemoryShipping shipping,
                    PromotionDescriptions descriptions, HmacTokenVerifier tokens) {
        this.catalog = catalog;
        this.pricing = pricing;
        this.shipping = shipping;
        this.descriptions = descriptions;
        this.tokens = tokens;
    }

    record MoneyBody(String amount, String currency) {
        static @Nullable MoneyBody of(@Nullable Money money) {
            return money == null ? null
                    : new MoneyBody(money.toDecimalString(), money.currency().getCurrencyCode());
        }
    }

    record ProductBody(String sku, String name, String category, String brand, MoneyBody price, Set<String> countries,
                       int minQuantity, int maxQuantity, int quantityStep, boolean inStock) {
    }

    record CountryBody(String code, String name, String currency, List<String> subdivisions) {
    }

    record ShippingBody(String id, String name, MoneyBody price, @Nullable MoneyBody freeAbove, Set<String> countries) {
    }

    record CodeBody(String code, @Nullable String description) {
    }

    record CatalogBody(String currency, List<ProductBody> products, Set<String> categories, Set<String> brands,
                       List<String> currencies, List<CountryBody> countries, List<ShippingBody> shippingMethods,
                       List<CodeBody> codes) {
    }

    record SignInBody(@Nullable String customerId) {
    }

    record SignedInBody(String token, String customerId, Instant expiresAt) {
    }

    @GetMapping("/products")
    CatalogBody products(@RequestParam(defaultValue = "EUR") String currency,
                         @RequestParam(required = false) @Nullable String category,
                         @RequestParam(required = false) @Nullable String brand,
                         @RequestParam(required = false) @Nullable String q) {
        Currency eur = Currency.getInstance(currency);
        Map<Sku, Product> products = catalog.products(Set.copyOf(SKUS.stream().map(Sku::of).toList()));
        Map<Sku, PriceQuote> prices = pricing.prices(new PriceRequest(products.keySet(), eur, "DE", null));
        Set<String> categories = new TreeSet<>();
        Set<String> brands = new TreeSet<>();
        List<ProductBody> shown = SKUS.stream().map(Sku::of).map(sku -> {
            Product p = products.get(sku);
            categories.add(p.category());
            brands.add(p.brand());
            return new ProductBody(sku.value(), name(sku.value()), p.category(), p.brand(),
                    MoneyBody.of(prices.get(sku).unitPrice()), p.countries(), p.minQuantity(), p.maxQuantity(),
                    p.quantityStep(), true);
        }).filter(p -> category == null || category.isBlank() || p.category().equals(category))
                .filter(p -> brand == null || brand.isBlank() || p.brand().equals(brand))
                .filter(p -> q == null || q.isBlank() || p.name().toLowerCase(Locale.ROOT)
                        .contains(q.toLowerCase(Locale.ROOT)))
                .toList();
        Map<String, ShippingMethod> methods = new LinkedHashMap<>();
        for (String country : List.of("DE", "AT")) {
            shipping.methods(eur, country).forEach(m -> methods.putIfAbsent(m.id(), m));
        }
        Set<String> countries = new TreeSet<>();
        methods.values().forEach(m -> countries.addAll(m.countries()));
        return new CatalogBody(currency, shown, categories, brands, List.of(currency),
                countries.stream().map(c -> new CountryBody(c, new Locale("", c).getDisplayCountry(Locale.ENGLISH),
                        currency, List.of())).toList(),
                methods.values().stream().map(m -> new ShippingBody(m.id(), name(m.id()), MoneyBody.of(m.price()),
                        MoneyBody.of(m.freeAbove()), m.countries())).toList(),
                CODES.stream().map(c -> new CodeBody(c, descriptions.describe(c))).toList());
    }

    @PostMapping("/demo/sign-in")
    SignedInBody signIn(@RequestBody SignInBody body) {
        if (body.customerId() == null || body.customerId().isBlank()) {
            throw dev.cartflow.error.CartException.invalidInput("customerId is required");
        }
        String token = tokens.mint(new Principal.Customer(body.customerId()), TOKEN_LIFETIME);
        return new SignedInBody(token, body.customerId(), Instant.now().plus(TOKEN_LIFETIME));
    }

    /** "MUG" -> "Mug": the placeholder catalog has no names. */
    private static String name(String id) {
        return id.charAt(0) + id.substring(1).toLowerCase(Locale.ROOT);
    }
}
