package dev.cartflow.service.demo;

import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The demo shop's products: one row each, with its words for the page, what the engine's catalog
 * needs (category, brand, weight, countries, quantity rules), its net price in each currency and
 * its tax category. The MUG and TEA rows are the placeholder's, unchanged, because other tests of
 * the service build carts from them.
 */
final class DemoCatalog {
    static final Currency EUR = Currency.getInstance("EUR");
    static final Currency USD = Currency.getInstance("USD");
    /** The currencies every product is priced in, the default first. */
    static final List<Currency> CURRENCIES = List.of(EUR, USD);

    static final String STANDARD = "standard";
    static final String REDUCED = "reduced";

    private static final Set<String> EU = Set.of("DE", "AT", "FR", "NL");
    private static final Set<String> ANYWHERE = Set.of();
    private static final Set<String> WINE_COUNTRIES = Set.of("DE", "AT", "FR");

    /**
     * One product of the demo shop.
     *
     * @param sku         the sku
     * @param name        the name shown on the page
     * @param category    the category promotions filter on
     * @param brand       the brand promotions filter on
     * @param weightGrams one unit's weight
     * @param eur         the net unit price in EUR
     * @param usd         the net unit price in USD
     * @param taxCategory {@link #STANDARD} or {@link #REDUCED}
     * @param countries   where it may be sold, empty for everywhere
     * @param min         the smallest line quantity
     * @param max         the largest line quantity
     * @param step        the step of a line's quantity
     */
    record Item(String sku, String name, String category, String brand, long weightGrams, String eur, String usd,
                String taxCategory, Set<String> countries, int min, int max, int step) {

        Product product() {
            return Product.builder(Sku.of(sku)).category(category).brand(brand).weightGrams(weightGrams)
                    .countries(countries).minQuantity(min).maxQuantity(max).quantityStep(step).build();
        }

        Money price(Currency currency) {
            if (currency.equals(EUR)) {
                return Money.parse(eur, EUR);
            }
            if (currency.equals(USD)) {
                return Money.parse(usd, USD);
            }
            throw new IllegalArgumentException("the demo shop sells in EUR and USD only");
        }

        PriceQuote quote(Currency currency) {
            return new PriceQuote(Sku.of(sku), price(currency), List.of(), taxCategory);
        }
    }

    private static Item item(String sku, String name, String category, String brand, long grams, String eur,
                             String usd, String taxCategory) {
        return new Item(sku, name, category, brand, grams, eur, usd, taxCategory, ANYWHERE, 1, 99, 1);
    }

    private static Item limited(String sku, String name, String category, String brand, long grams, String eur,
                                String usd, String taxCategory, Set<String> countries, int min, int max, int step) {
        return new Item(sku, name, category, brand, grams, eur, usd, taxCategory, countries, min, max, step);
    }

    /** Every product, in the order the page lists them. */
    static final List<Item> ITEMS = List.of(
            // kitchen
            limited("MUG", "Stoneware mug", "kitchen", "Acme", 350, "12.50", "13.90", STANDARD, ANYWHERE, 1, 10, 1),
            item("KETTLE", "Electric kettle", "kitchen", "Acme", 1200, "39.00", "42.00", STANDARD),
            item("TEAPOT", "Cast-iron teapot", "kitchen", "Acme", 1500, "34.90", "37.90", STANDARD),
            item("BOARD", "Oak chopping board", "kitchen", "Woodwise", 900, "24.00", "26.00", STANDARD),
            // food
            limited("TEA", "Green tea, 100 g", "food", "Leafy", 100, "4.20", "4.60", REDUCED, ANYWHERE, 1, 50, 1),
            item("TEA-EARL", "Earl Grey tea, 100 g", "food", "Leafy", 100, "4.80", "5.20", REDUCED),
            limited("HONEY", "Forest honey, 500 g", "food", "Beehive", 550, "7.90", "8.90", REDUCED, EU, 1, 24, 1),
            item("CHOCOLATE", "Dark chocolate, 100 g", "food", "Cacaoteca", 100, "2.50", "2.90", REDUCED),
            limited("WINE", "Red wine, 0.75 l", "food", "Vinum", 1300, "14.90", "16.90", STANDARD, WINE_COUNTRIES,
                    1, 12, 1),
            // coffee
            item("BEANS", "Espresso beans, 1 kg", "coffee", "Bean Bros", 1000, "18.90", "21.00", REDUCED),
            item("GROUND", "Filter coffee, 500 g", "coffee", "Bean Bros", 500, "9.50", "10.50", REDUCED),
            item("DECAF", "Decaf beans, 500 g", "coffee", "Bean Bros", 500, "10.90", "11.90", REDUCED),
            // shoes
            item("RUNNER", "Running shoes", "shoes", "Stride", 700, "89.00", "99.00", STANDARD),
            item("TRAIL", "Trail shoes", "shoes", "Trailhead", 800, "119.00", "129.00", STANDARD),
            item("SANDAL", "Leather sandals", "shoes", "Stride", 500, "49.00", "55.00", STANDARD),
            // apparel
            item("TEE-WHITE", "Organic T-shirt, white", "apparel", "Basics", 200, "19.90", "22.00", STANDARD),
            item("TEE-BLACK", "Organic T-shirt, black", "apparel", "Basics", 200, "19.90", "22.00", STANDARD),
            item("HOODIE", "Merino hoodie", "apparel", "Nordlys", 600, "79.00", "89.00", STANDARD),
            item("JACKET", "Rain jacket", "apparel", "Trailhead", 700, "149.00", "165.00", STANDARD),
            // socks
            item("SOCKS-WOOL", "Wool socks", "socks", "Woolly", 100, "12.00", "13.00", STANDARD),
            item("SOCKS-SPORT", "Sport socks", "socks", "Woolly", 80, "8.00", "9.00", STANDARD),
            // electronics
            item("HEADPHONES", "Wireless headphones", "electronics", "Soundwave", 300, "129.00", "139.00", STANDARD),
            item("SPEAKER", "Bluetooth speaker", "electronics", "Soundwave", 600, "79.00", "85.00", STANDARD),
            item("CHARGER", "USB-C charger", "electronics", "Voltix", 150, "24.90", "26.90", STANDARD),
            item("CABLE", "USB-C cable", "electronics", "Voltix", 50, "9.90", "10.90", STANDARD),
            limited("POWERBANK", "Power bank", "electronics", "Voltix", 250, "39.90", "42.90", STANDARD, EU, 1, 2, 1),
            // books and stationery
            item("BOOK-JAVA", "Modern Java in practice", "books", "Pagecraft", 800, "44.90", "49.90", REDUCED),
            item("BOOK-TEA", "The tea cookbook", "books", "Pagecraft", 900, "29.90", "32.90", REDUCED),
            item("BOOK-ALPS", "Trails of the Alps", "books", "Northbound", 600, "24.90", "27.90", REDUCED),
            limited("NOTEBOOK", "Dotted notebook (sold in pairs)", "stationery", "Paperly", 250, "8.90", "9.90",
                    STANDARD, ANYWHERE, 2, 20, 2),
            limited("PENS", "Gel pen (packs of 5)", "stationery", "Paperly", 15, "1.20", "1.40", STANDARD, ANYWHERE,
                    5, 50, 5),
            // home
            item("CANDLE", "Soy candle", "home", "Glow", 400, "14.00", "15.00", STANDARD),
            item("BLANKET", "Wool blanket", "home", "Nordlys", 1800, "89.00", "95.00", STANDARD),
            item("LAMP", "Desk lamp", "home", "Glow", 1400, "59.00", "65.00", STANDARD),
            item("PLANTER", "Ceramic planter", "home", "Woodwise", 1100, "19.50", "21.50", STANDARD),
            // outdoor
            item("BOTTLE", "Steel water bottle", "outdoor", "Trailhead", 350, "22.00", "24.00", STANDARD),
            item("BACKPACK", "Day backpack", "outdoor", "Trailhead", 900, "69.00", "75.00", STANDARD),
            limited("TENT", "Two-person tent", "outdoor", "Trailhead", 2800, "249.00", "269.00", STANDARD, ANYWHERE,
                    1, 2, 1));

    private static final Map<String, Item> BY_SKU = ITEMS.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(Item::sku, item -> item));

    private DemoCatalog() {
    }

    /** The row of a sku, if the shop has it. */
    static Optional<Item> item(String sku) {
        return Optional.ofNullable(BY_SKU.get(sku));
    }

    /** The row of a sku the caller knows the shop has. */
    static Item get(String sku) {
        return item(sku).orElseThrow(() -> new IllegalArgumentException("no demo product " + sku));
    }
}
