package dev.cartflow.core.internal.pricing;

import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.Product;
import dev.cartflow.model.Sku;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The first pricing step: the cart's lines that can be priced, each with its product and quote,
 * indexed {@code 0..size()}. A line whose product or price is missing (the product vanished from
 * the catalog) is left out and reported by {@link #unavailable()}, so one such line does not make
 * the whole cart unpriceable.
 */
final class PricingLines {
    private final Cart cart;
    private final int size;
    private final LineItem[] items;
    private final PriceQuote[] quotes;
    // the filter reads skus, categories and brands once per line and promotion: kept in arrays
    // rather than behind each line's objects
    private final Sku[] skus;
    private final String[] categories;
    private final String[] brands;
    private final long[] quantity;
    /** Price times quantity: the amount before any promotion, by line index. */
    private final long[] original;
    /** Sum of the original amounts; checked once, so that no sum of line amounts overflows later. */
    private final long subtotal;
    private final List<LineId> unavailable;

    private PricingLines(Cart cart, int size, LineItem[] items, PriceQuote[] quotes, String[] categories,
                         String[] brands, List<LineId> unavailable) {
        this.cart = cart;
        this.size = size;
        this.items = items;
        this.quotes = quotes;
        this.categories = categories;
        this.brands = brands;
        this.unavailable = unavailable;
        Currency currency = cart.currency();
        skus = new Sku[size];
        quantity = new long[size];
        original = new long[size];
        long sum = 0;
        for (int i = 0; i < size; i++) {
            PriceQuote quote = quotes[i];
            if (!quote.unitPrice().currency().equals(currency)) {
                throw new CartException(CartErrorCode.CURRENCY_MISMATCH, "price of " + quote.sku() + " is in "
                        + quote.unitPrice().currency() + ", cart is in " + currency);
            }
            skus[i] = items[i].sku();
            quantity[i] = items[i].quantity();
            long amount = Arith.multiplyAmounts(quote.unitPrice().minor(), quantity[i]);
            original[i] = amount;
            sum = Arith.addAmounts(sum, amount);
        }
        subtotal = sum;
    }

    /**
     * Resolves every line of the cart.
     *
     * @throws CartException {@code CURRENCY_MISMATCH} when a quote is in another currency than the
     *                       cart, {@code INVALID_INPUT} when a line's amount or their sum does not fit a long
     */
    static PricingLines resolve(Cart cart, Map<Sku, Product> products, Map<Sku, PriceQuote> prices) {
        List<LineItem> lines = cart.lines();
        int n = lines.size();
        LineItem[] items = new LineItem[n];
        PriceQuote[] quotes = new PriceQuote[n];
        String[] categories = new String[n];
        String[] brands = new String[n];
        List<LineId> unavailable = null; // rare
        int size = 0;
        for (int i = 0; i < n; i++) {
            LineItem item = lines.get(i);
            Product product = products.get(item.sku());
            PriceQuote quote = prices.get(item.sku());
            if (product == null || quote == null) {
                if (unavailable == null) {
                    unavailable = new ArrayList<>(1);
                }
                unavailable.add(item.id());
                continue;
            }
            items[size] = item;
            quotes[size] = quote;
            categories[size] = product.category();
            brands[size] = product.brand();
            size++;
        }
        return new PricingLines(cart, size, items, quotes, categories, brands,
                unavailable == null ? List.of() : List.copyOf(unavailable));
    }

    Cart cart() {
        return cart;
    }

    Currency currency() {
        return cart.currency();
    }

    /** Number of priced lines. */
    int size() {
        return size;
    }

    LineItem item(int line) {
        return items[line];
    }

    PriceQuote quote(int line) {
        return quotes[line];
    }

    Sku sku(int line) {
        return skus[line];
    }

    String category(int line) {
        return categories[line];
    }

    String brand(int line) {
        return brands[line];
    }

    long quantity(int line) {
        return quantity[line];
    }

    long original(int line) {
        return original[line];
    }

    /** Sum of unit price times quantity over the priced lines. */
    long subtotal() {
        return subtotal;
    }

    /** A copy of the original amounts, by line index, to run promotions on. */
    long[] originalAmounts() {
        return original.clone();
    }

    /** Ids of the cart's lines left out for a missing product or price, in cart order. */
    List<LineId> unavailable() {
        return unavailable;
    }
}
