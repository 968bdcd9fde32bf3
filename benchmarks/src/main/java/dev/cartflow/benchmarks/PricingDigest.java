package dev.cartflow.benchmarks;

import dev.cartflow.core.internal.pricing.CartPricer;
import dev.cartflow.core.internal.pricing.PricingInput;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.Hint;
import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.LineId;
import dev.cartflow.model.Money;
import dev.cartflow.model.PriceQuote;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PricingPolicy;
import dev.cartflow.model.Product;
import dev.cartflow.model.Promotion;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.Rate;
import dev.cartflow.model.ShippingMethod;
import dev.cartflow.model.Sku;
import dev.cartflow.model.TaxAmount;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A digest of every figure, explanation and error code of many seeded random carts (every action,
 * scope, basis, stacking mode, cap, condition, tax mode, tax calculation, rounding, one or two tax
 * rates, shipping with and without a free threshold). Two builds price alike exactly when they print
 * the same digest. It uses only constructors the code before the pipeline re-cut had too, so the
 * same file, with {@code core.pricing} for {@code core.internal.pricing}, runs on that jar. Run:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.cartflow.benchmarks.PricingDigest [CARTS [SEED [MAXLINES]]]}.
 * The default carts have at most 8 lines and 6 promotions; with {@code MAXLINES} they have up to that
 * many lines, up to 24 promotions, more categories and quantities on some carts (so that the
 * paths for large carts, grouping and unit-price keys and their fallbacks, are taken) and the hints
 * are digested too. That mode draws other random numbers, so its digest differs from the default one;
 * compare it between builds with the same arguments.
 */
public final class PricingDigest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final String[] CATEGORIES = {"shoes", "shirts", "pants"};
    private static final String[] BRANDS = {"acme", "globex"};
    private static final Rate[] RATES = {Rate.parse("0.19"), Rate.parse("0.07"), Rate.parse("0.055"), Rate.ZERO};
    private static final RoundingMode[] ROUNDINGS = {RoundingMode.HALF_EVEN, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN};
    private static final String[] CODES = {"A", "B"};
    /** Categories of the wide carts of the large mode: more than the grouping of lines takes. */
    private static final String[] WIDE_CATEGORIES = {"shoes", "shirts", "pants", "c3", "c4", "c5", "c6", "c7", "c8",
        "c9"};

    private PricingDigest() {
    }

    /** Arguments: number of carts (default 60 000), seed (default 9) and, for the large mode, the most lines. */
    public static void main(String[] args) throws NoSuchAlgorithmException {
        int carts = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 9;
        int maxLines = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        SplittableRandom random = new SplittableRandom(seed);
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        CartPricer pricer = CartPricer.standard();
        int failed = 0;
        for (int c = 0; c < carts; c++) {
            PricingInput input = input(random, maxLines);
            StringBuilder out = new StringBuilder(512);
            try {
                PricedCart priced = pricer.price(input);
                write(priced, out);
                if (maxLines > 0) {
                    for (Hint hint : priced.hints()) {
                        out.append(" h").append(hint);
                    }
                }
            } catch (CartException e) {
                out.append("error ").append(e.code());
                failed++;
            }
            digest.update(out.append('\n').toString().getBytes(StandardCharsets.UTF_8));
        }
        System.out.println("carts " + carts + " seed " + seed + (maxLines > 0 ? " max lines " + maxLines : "")
                + " rejected " + failed + " digest "
                + HexFormat.of().formatHex(digest.digest()));
    }

    /** A random cart; {@code maxLines} 0 for the default mode. */
    private static PricingInput input(SplittableRandom random, int maxLines) {
        Map<Sku, Product> products = new HashMap<>();
        Map<Sku, PriceQuote> prices = new HashMap<>();
        List<LineItem> items = new ArrayList<>();
        boolean large = maxLines > 0;
        int lines = random.nextInt(large ? maxLines + 1 : 9);
        String[] categories = large && random.nextInt(4) == 0 ? WIDE_CATEGORIES : CATEGORIES;
        int maxQuantity = large && random.nextInt(4) == 0 ? 40 : 12;
        for (int i = 0; i < lines; i++) {
            Sku sku = Sku.of("S" + i);
            products.put(sku, new Product(sku, categories[random.nextInt(categories.length)],
                    BRANDS[random.nextInt(BRANDS.length)], 100, Set.of(), 1, Integer.MAX_VALUE, 1));
            Money price = Money.ofMinor(random.nextInt(4) == 0 ? random.nextInt(100) : random.nextInt(30_000), EUR);
            PriceQuote quote = random.nextInt(5) == 0
                    ? PriceQuote.of(sku, price, RATES[random.nextInt(3)], RATES[random.nextInt(3)])
                    : PriceQuote.of(sku, price, RATES[random.nextInt(RATES.length)]);
            prices.put(sku, quote);
            Money added = random.nextInt(6) == 0 ? Money.ofMinor(price.minor() + 1, EUR) : price;
            items.add(new LineItem(new LineId("l" + i), sku, 1 + random.nextInt(random.nextBoolean() ? 3 : maxQuantity),
                    LineItem.DEFAULT_WAREHOUSE, added, NOW));
        }
        List<String> codes = new ArrayList<>();
        for (String code : CODES) {
            if (random.nextBoolean()) {
                codes.add(code);
            }
        }
        Cart cart = new Cart(new CartId(new UUID(1, 2)), new CartOwner.Guest("digest"),
                random.nextBoolean() ? "vip" : null, EUR, random.nextBoolean() ? "DE" : "FR", CartState.ACTIVE, 1,
                items, codes, "STD", "{}", NOW, NOW, NOW.plusSeconds(3600), null);
        ShippingMethod shipping = random.nextInt(4) == 0 ? null
                : new ShippingMethod("STD", Money.ofMinor(random.nextInt(1_000), EUR),
                        random.nextBoolean() ? null : Money.ofMinor(random.nextInt(60_000), EUR),
                        List.of(RATES[random.nextInt(RATES.length)]), Long.MAX_VALUE, Set.of());
        List<Promotion> promotions = new ArrayList<>();
        Set<String> exhausted = new HashSet<>();
        int count = random.nextInt(large ? 25 : 7);
        for (int i = 0; i < count; i++) {
            promotions.add(promotion("P" + i, random));
            if (random.nextInt(12) == 0) {
                exhausted.add("P" + i);
            }
        }
        PricingPolicy policy = new PricingPolicy(
                random.nextBoolean() ? PricingPolicy.TaxMode.EXCLUSIVE : PricingPolicy.TaxMode.INCLUSIVE,
                random.nextBoolean() ? PricingPolicy.TaxCalculation.LINE : PricingPolicy.TaxCalculation.UNIT,
                ROUNDINGS[random.nextInt(ROUNDINGS.length)]);
        return new PricingInput(cart, products, prices, promotions, exhausted, shipping, policy, null, NOW);
    }

    private static Promotion promotion(String id, SplittableRandom random) {
        Promotion.Scope scope = Promotion.Scope.values()[random.nextInt(Promotion.Scope.values().length)];
        Promotion.Action action = switch (random.nextInt(4)) {
            case 0 -> new Promotion.Action.Percent(Rate.percent(String.valueOf(1 + random.nextInt(100))));
            case 1 -> new Promotion.Action.Amount(Money.ofMinor(random.nextInt(5_000), EUR),
                    Promotion.Per.values()[random.nextInt(Promotion.Per.values().length)]);
            case 2 -> new Promotion.Action.FixedPrice(Money.ofMinor(random.nextInt(10_000), EUR));
            default -> new Promotion.Action.BuyXGetY(1 + random.nextInt(3), 1 + random.nextInt(2),
                    Rate.percent(String.valueOf(10 * (1 + random.nextInt(10)))));
        };
        Promotion.Target target = switch (random.nextInt(4)) {
            case 0 -> new Promotion.Target(scope, Set.of(), Set.of(CATEGORIES[random.nextInt(CATEGORIES.length)]),
                    Set.of());
            case 1 -> new Promotion.Target(scope, Set.of(), Set.of(), Set.of(BRANDS[random.nextInt(BRANDS.length)]));
            case 2 -> new Promotion.Target(scope, Set.of(Sku.of("S" + random.nextInt(4))), Set.of(), Set.of());
            default -> Promotion.Target.all(scope);
        };
        Promotion.Conditions conditions = random.nextInt(3) != 0 ? Promotion.Conditions.NONE
                : new Promotion.Conditions(random.nextBoolean() ? null : Money.ofMinor(random.nextInt(40_000), EUR),
                        random.nextInt(4), random.nextInt(4) == 0 ? Set.of("vip") : Set.of(),
                        random.nextInt(4) == 0 ? Set.of("DE") : Set.of(),
                        random.nextInt(6) == 0 ? NOW.plusSeconds(60) : null,
                        random.nextInt(6) == 0 ? NOW.minusSeconds(60) : null);
        return new Promotion(id, random.nextInt(3) == 0 ? CODES[random.nextInt(CODES.length)] : null,
                random.nextInt(4), Promotion.Stacking.values()[random.nextInt(Promotion.Stacking.values().length)],
                random.nextBoolean() ? Promotion.Basis.RUNNING : Promotion.Basis.ORIGINAL, target, action, conditions,
                random.nextInt(3) == 0 ? Money.ofMinor(random.nextInt(3_000), EUR) : null, 0, 0);
    }

    private static void write(PricedCart p, StringBuilder out) {
        money(out, p.subtotal(), p.discount(), p.shipping(), p.shippingDiscount(), p.shippingTax(), p.tax(),
                p.total(), p.net());
        for (TaxAmount t : p.taxes()) {
            out.append(" t").append(t.rate()).append('=').append(t.amount().minor());
        }
        for (PricedLine line : p.lines()) {
            out.append(" |").append(line.lineId().value()).append(' ').append(line.quantity());
            money(out, line.unitPrice(), line.subtotal(), line.discount(), line.tax(), line.total(), line.net());
            for (TaxAmount t : line.taxes()) {
                out.append(" t").append(t.rate()).append('=').append(t.amount().minor());
            }
            for (LineDiscount d : line.discounts()) {
                out.append(" d").append(d.promotionId()).append('=').append(d.amount().minor());
            }
        }
        for (PromotionExplanation e : p.promotions()) {
            out.append(" |").append(e.promotionId()).append(' ').append(e.result()).append(' ')
                    .append(e.amount().minor()).append(' ').append(e.reason());
        }
        for (CodeStatus code : p.codes()) {
            out.append(" c").append(code.code()).append('=').append(code.state());
        }
        out.append(" changes ").append(p.priceChanges().size());
    }

    private static void money(StringBuilder out, Money... amounts) {
        for (Money m : amounts) {
            out.append(' ').append(m.minor());
        }
    }
}
