package dev.cartflow.service.demo;

import dev.cartflow.service.openapi.ApiContract;
import io.swagger.v3.oas.annotations.Operation;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Money;
import dev.cartflow.model.Promotion;
import dev.cartflow.service.http.MoneyJson;
import dev.cartflow.spi.InventoryProvider;
import dev.cartflow.spi.StockKey;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /products}: the demo catalog in one currency, filtered, with what the page's choices
 * need. Off with the demo shop ({@code cartservice.demo.enabled=false}): it shows the demo's data only.
 */
@RestController
@ConditionalOnProperty(name = "cartservice.demo.enabled", havingValue = "true", matchIfMissing = true)
class ProductsResource {
    private static final int MAX_FILTER_LENGTH = 100;

    private final InventoryProvider inventory;

    ProductsResource(InventoryProvider inventory) {
        this.inventory = inventory;
    }

    @Operation(summary = "List the demo catalog")
    @ApiContract(access = ApiContract.Access.PUBLIC, problems = {400})
    @GetMapping(path = "/products", produces = "application/json")
    ProductsJson products(@RequestParam(defaultValue = "EUR") String currency,
                          @RequestParam(required = false) @Nullable String category,
                          @RequestParam(required = false) @Nullable String brand,
                          @RequestParam(required = false) @Nullable String q) {
        Currency shown = currency(currency);
        Predicate<DemoCatalog.Item> filter = equalTo(category, DemoCatalog.Item::category)
                .and(equalTo(brand, DemoCatalog.Item::brand)).and(matching(q));
        return new ProductsJson(shown.getCurrencyCode(),
                DemoCatalog.ITEMS.stream().filter(filter).map(item -> product(item, shown)).toList(),
                DemoCatalog.ITEMS.stream().map(DemoCatalog.Item::category).distinct().sorted().toList(),
                DemoCatalog.ITEMS.stream().map(DemoCatalog.Item::brand).distinct().sorted().toList(),
                DemoCatalog.CURRENCIES.stream().map(Currency::getCurrencyCode).toList(),
                DemoMarkets.COUNTRIES.stream().map(c -> new ProductsJson.CountryJson(c.code(), c.name(), c.currency(),
                        c.subdivisions().stream().map(s -> new ProductsJson.SubdivisionJson(s.code(), s.name()))
                                .toList())).toList(),
                DemoShipping.offers(shown).stream().map(o -> new ProductsJson.ShippingMethodJson(o.id(), o.name(),
                        money(o.price()), o.freeAbove() == null ? null : money(o.freeAbove()),
                        o.countries().stream().sorted().toList())).toList(),
                codes(shown));
    }

    private ProductsJson.ProductJson product(DemoCatalog.Item item, Currency currency) {
        return new ProductsJson.ProductJson(item.sku(), item.name(), item.category(), item.brand(),
                money(item.price(currency)), item.countries().stream().sorted().toList(), item.min(), item.max(),
                item.step(), inStock(item.sku()));
    }

    private boolean inStock(String sku) {
        Set<StockKey> keys = DemoStock.keys(sku);
        return keys.isEmpty() || inventory.available(keys).values().stream().anyMatch(units -> units > 0);
    }

    private static List<ProductsJson.CodeJson> codes(Currency currency) {
        // one entry per code, though a code may belong to a promotion per currency
        Map<String, String> byCode = new TreeMap<>();
        DemoPromotions.inCurrency(currency).filter(Promotion::coded)
                .forEach(p -> byCode.putIfAbsent(p.code(), DemoPromotions.describe(p.id())));
        return byCode.entrySet().stream().map(e -> new ProductsJson.CodeJson(e.getKey(), e.getValue())).toList();
    }

    private static Currency currency(String code) {
        return DemoCatalog.CURRENCIES.stream().filter(c -> c.getCurrencyCode().equals(code)).findFirst()
                .orElseThrow(() -> CartException.invalidInput("currency must be one of EUR, USD"));
    }

    private static Predicate<DemoCatalog.Item> equalTo(@Nullable String wanted,
                                                       Function<DemoCatalog.Item, String> field) {
        if (wanted == null || wanted.isBlank()) {
            return item -> true;
        }
        bounded(wanted);
        return item -> field.apply(item).equalsIgnoreCase(wanted.trim());
    }

    private static Predicate<DemoCatalog.Item> matching(@Nullable String query) {
        if (query == null || query.isBlank()) {
            return item -> true;
        }
        bounded(query);
        String needle = query.trim().toLowerCase(Locale.ROOT);
        return item -> item.name().toLowerCase(Locale.ROOT).contains(needle)
                || item.sku().toLowerCase(Locale.ROOT).contains(needle);
    }

    private static void bounded(String filter) {
        if (filter.length() > MAX_FILTER_LENGTH) {
            throw CartException.invalidInput("a filter has at most " + MAX_FILTER_LENGTH + " characters");
        }
    }

    private static MoneyJson money(Money money) {
        return new MoneyJson(money.toDecimalString(), money.currency().getCurrencyCode());
    }
}
