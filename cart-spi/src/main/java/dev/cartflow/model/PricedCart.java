package dev.cartflow.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A cart with every figure a shop shows and charges, computed by the pricing function.
 * {@code subtotal}, {@code discount} and {@code shipping} are in the price mode of the tax mode
 * (gross in {@code INCLUSIVE}, net in {@code EXCLUSIVE}); {@code total} is what the customer pays,
 * tax included; {@code net = total - tax}.
 *
 * @param cart          the cart that was priced
 * @param currency      the currency
 * @param lines         priced lines, in cart order
 * @param subtotal      sum of unit price times quantity
 * @param discount      all item and order discounts
 * @param shipping      shipping after its discounts
 * @param shippingDiscount discount on shipping
 * @param shippingTax   tax of the shipping
 * @param tax           all tax, lines and shipping
 * @param taxes         all tax per rate
 * @param total         what the customer pays
 * @param net           total minus tax
 * @param promotions    an explanation for every promotion considered
 * @param codes         every code on the cart and whether it applies now
 * @param priceChanges  lines whose unit price changed since they were added
 * @param exchangeRate  the exchange rate used to convert prices, or null when none was needed
 * @param pricedAt      the instant the prices and promotions were evaluated for
 * @param unavailableLines ids of the cart's lines that could not be priced because their product or
 *                      price is missing (for example, the product left the catalog), in cart order.
 *                      They are not in {@code lines} and count in no figure: totals, promotions and
 *                      shipping are those of the other lines. Such a cart can be shown, not checked
 *                      out (checkout refuses it with {@code PRODUCT_NOT_FOUND}).
 * @param fallbacks     the providers whose answer in these figures came from a fallback instead of
 *                      the provider itself ({@code core.resilience}: a last known good answer or a
 *                      configured default), by name: {@code catalog}, {@code pricing}, {@code tax},
 *                      {@code exchange-rates}, {@code inventory}, {@code promotions},
 *                      {@code promotion-usage}, {@code shipping}. Empty when every provider answered
 *                      itself. A shop shows such figures as provisional; checkout refuses fallback
 *                      money figures unless the engine is configured otherwise.
 * @param hints         what the cart lacks to qualify for promotions that did not apply only because
 *                      of a threshold, and for the selected shipping method's free-shipping
 *                      threshold (docs/pricing-rules.md, "Hints"): promotion hints in evaluation
 *                      order, the shipping hint last. Empty when nothing is missing, and on the
 *                      final prices of a checked-out cart.
 */
public record PricedCart(Cart cart, Currency currency, List<PricedLine> lines, Money subtotal, Money discount,
                         Money shipping, Money shippingDiscount, Money shippingTax, Money tax, List<TaxAmount> taxes,
                         Money total, Money net, List<PromotionExplanation> promotions, List<CodeStatus> codes,
                         List<PriceChange> priceChanges, @Nullable ExchangeRate exchangeRate, Instant pricedAt,
                         List<LineId> unavailableLines, Set<String> fallbacks, List<Hint> hints) {
    /**
     * Copies the lists; the amounts are taken as given (the pricing function computes them) and the collections
     * must not be null.
     *
     * @param cart             not null
     * @param currency         not null
     * @param lines            copied
     * @param subtotal         as given
     * @param discount         as given
     * @param shipping         as given
     * @param shippingDiscount as given
     * @param shippingTax      as given
     * @param tax              as given
     * @param taxes            copied
     * @param total            as given
     * @param net              as given
     * @param promotions       copied
     * @param codes            copied
     * @param priceChanges     copied
     * @param exchangeRate     the rate, or null
     * @param pricedAt         not null
     * @param unavailableLines copied
     * @param fallbacks        no null name; copied and sorted by name
     * @param hints            no null element; copied
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when {@code cart}, {@code currency},
     *                                          {@code pricedAt}, {@code unavailableLines}, {@code fallbacks} or
     *                                          {@code hints}, a fallback name or a hint is null
     */
    public PricedCart {
        Checks.notNull(cart, "cart");
        Checks.notNull(currency, "currency");
        lines = List.copyOf(lines);
        taxes = List.copyOf(taxes);
        promotions = List.copyOf(promotions);
        codes = List.copyOf(codes);
        priceChanges = List.copyOf(priceChanges);
        Checks.notNull(pricedAt, "priced at");
        unavailableLines = List.copyOf(Checks.notNull(unavailableLines, "unavailable lines"));
        if (Checks.notNull(fallbacks, "fallbacks").isEmpty()) {
            fallbacks = Set.of(); // nearly every priced cart: no copy on the read path
        } else {
            Set<String> names = new TreeSet<>();
            for (String name : fallbacks) {
                names.add(Checks.notNull(name, "fallback"));
            }
            fallbacks = Collections.unmodifiableSet(names);
        }
        hints = Checks.notNull(hints, "hints").isEmpty() ? List.of() : Checks.listOf(hints, "hints");
    }

    /**
     * A priced cart without {@link #hints()}; see the canonical constructor.
     *
     * @param cart             the cart that was priced
     * @param currency         the currency
     * @param lines            priced lines, in cart order
     * @param subtotal         sum of unit price times quantity
     * @param discount         all item and order discounts
     * @param shipping         shipping after its discounts
     * @param shippingDiscount discount on shipping
     * @param shippingTax      tax of the shipping
     * @param tax              all tax, lines and shipping
     * @param taxes            all tax per rate
     * @param total            what the customer pays
     * @param net              total minus tax
     * @param promotions       an explanation for every promotion considered
     * @param codes            every code on the cart and whether it applies now
     * @param priceChanges     lines whose unit price changed since they were added
     * @param exchangeRate     the exchange rate used, or null when none was needed
     * @param pricedAt         the instant the prices and promotions were evaluated for
     * @param unavailableLines ids of the lines that could not be priced, in cart order
     * @param fallbacks        the providers whose fallback answered, by name
     */
    public PricedCart(Cart cart, Currency currency, List<PricedLine> lines, Money subtotal, Money discount,
                      Money shipping, Money shippingDiscount, Money shippingTax, Money tax, List<TaxAmount> taxes,
                      Money total, Money net, List<PromotionExplanation> promotions, List<CodeStatus> codes,
                      List<PriceChange> priceChanges, @Nullable ExchangeRate exchangeRate, Instant pricedAt,
                      List<LineId> unavailableLines, Set<String> fallbacks) {
        this(cart, currency, lines, subtotal, discount, shipping, shippingDiscount, shippingTax, tax, taxes, total,
                net, promotions, codes, priceChanges, exchangeRate, pricedAt, unavailableLines, fallbacks, List.of());
    }

    /**
     * A priced cart whose figures all came from the providers themselves (no {@link #fallbacks()}) and
     * without {@link #hints()}; see the canonical constructor.
     *
     * @param cart             the cart that was priced
     * @param currency         the currency
     * @param lines            priced lines, in cart order
     * @param subtotal         sum of unit price times quantity
     * @param discount         all item and order discounts
     * @param shipping         shipping after its discounts
     * @param shippingDiscount discount on shipping
     * @param shippingTax      tax of the shipping
     * @param tax              all tax, lines and shipping
     * @param taxes            all tax per rate
     * @param total            what the customer pays
     * @param net              total minus tax
     * @param promotions       an explanation for every promotion considered
     * @param codes            every code on the cart and whether it applies now
     * @param priceChanges     lines whose unit price changed since they were added
     * @param exchangeRate     the exchange rate used, or null when none was needed
     * @param pricedAt         the instant the prices and promotions were evaluated for
     * @param unavailableLines ids of the lines that could not be priced, in cart order
     */
    public PricedCart(Cart cart, Currency currency, List<PricedLine> lines, Money subtotal, Money discount,
                      Money shipping, Money shippingDiscount, Money shippingTax, Money tax, List<TaxAmount> taxes,
                      Money total, Money net, List<PromotionExplanation> promotions, List<CodeStatus> codes,
                      List<PriceChange> priceChanges, @Nullable ExchangeRate exchangeRate, Instant pricedAt,
                      List<LineId> unavailableLines) {
        this(cart, currency, lines, subtotal, discount, shipping, shippingDiscount, shippingTax, tax, taxes, total,
                net, promotions, codes, priceChanges, exchangeRate, pricedAt, unavailableLines, Set.of());
    }

    /**
     * A priced cart in which every line could be priced (no {@link #unavailableLines()}), with no
     * {@link #fallbacks()} and no {@link #hints()}; see the canonical constructor.
     *
     * @param cart             the cart that was priced
     * @param currency         the currency
     * @param lines            priced lines, in cart order
     * @param subtotal         sum of unit price times quantity
     * @param discount         all item and order discounts
     * @param shipping         shipping after its discounts
     * @param shippingDiscount discount on shipping
     * @param shippingTax      tax of the shipping
     * @param tax              all tax, lines and shipping
     * @param taxes            all tax per rate
     * @param total            what the customer pays
     * @param net              total minus tax
     * @param promotions       an explanation for every promotion considered
     * @param codes            every code on the cart and whether it applies now
     * @param priceChanges     lines whose unit price changed since they were added
     * @param exchangeRate     the exchange rate used to convert prices
     * @param pricedAt         the instant the prices and promotions were evaluated for
     */
    public PricedCart(Cart cart, Currency currency, List<PricedLine> lines, Money subtotal, Money discount,
                      Money shipping, Money shippingDiscount, Money shippingTax, Money tax, List<TaxAmount> taxes,
                      Money total, Money net, List<PromotionExplanation> promotions, List<CodeStatus> codes,
                      List<PriceChange> priceChanges, ExchangeRate exchangeRate, Instant pricedAt) {
        this(cart, currency, lines, subtotal, discount, shipping, shippingDiscount, shippingTax, tax, taxes, total,
                net, promotions, codes, priceChanges, exchangeRate, pricedAt, List.of());
    }

    /**
     * True when every line of the cart was priced, so that the figures cover the whole cart.
     *
     * @return whether {@link #unavailableLines()} is empty
     */
    public boolean allLinesPriced() {
        return unavailableLines.isEmpty();
    }

    /**
     * True when some figure came from a fallback ({@link #fallbacks()} is not empty).
     *
     * @return whether the figures are provisional
     */
    public boolean degraded() {
        return !fallbacks.isEmpty();
    }

    /**
     * The same figures and hints, flagged with the providers whose fallback answered.
     *
     * @param fallbacks provider names (see {@link #fallbacks()}), replacing the current ones; copied
     *                  and sorted
     * @return a priced cart with these flags
     * @throws dev.cartflow.error.CartException {@code INVALID_INPUT} when the set or a name is null
     */
    public PricedCart withFallbacks(Set<String> fallbacks) {
        return new PricedCart(cart, currency, lines, subtotal, discount, shipping, shippingDiscount, shippingTax, tax,
                taxes, total, net, promotions, codes, priceChanges, exchangeRate, pricedAt, unavailableLines,
                fallbacks, hints);
    }
}
