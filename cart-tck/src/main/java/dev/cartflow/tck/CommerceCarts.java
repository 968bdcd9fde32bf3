package dev.cartflow.tck;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartFreeze;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CodeStatus;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.ExchangeRate;
import dev.cartflow.model.LineDiscount;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.Participant;
import dev.cartflow.model.PriceChange;
import dev.cartflow.model.PricedCart;
import dev.cartflow.model.PricedLine;
import dev.cartflow.model.PromotionExplanation;
import dev.cartflow.model.PromotionResult;
import dev.cartflow.model.Rate;
import dev.cartflow.model.RecoveryToken;
import dev.cartflow.model.ShippingAddress;
import dev.cartflow.model.Sku;
import dev.cartflow.model.TaxAmount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random carts using the content of issue 11 (kind, name, shipping address, billing country,
 * participants, recovery token, freeze with its priced figures), for round-trip and contract tests.
 * Every value is one the model accepts, with nanosecond instants and text that stresses a store
 * (quotes, backslashes, non-ASCII and supplementary characters, the longest allowed lengths); one
 * {@link Random} drives everything, so a seed reproduces a cart.
 */
public final class CommerceCarts {
    private static final Currency[] CURRENCIES = {
        Currency.getInstance("EUR"), Currency.getInstance("JPY"), Currency.getInstance("KWD")};
    private static final String[] PIECES = {
        "a", "Z", "7", " ", "'", "\"", "\\", "/", "%", "_", "ß", "é", "Ω", "中", "\uD83D\uDE00", "{", "}", ",", ":"};

    private final Random random;

    /**
     * A generator.
     *
     * @param seed the seed; print it when a test fails
     */
    public CommerceCarts(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A customer or guest cart at version 1 to 50 in which each part of issue 11's content is present
     * or absent at random (each present at least now and then); the rest is random too.
     *
     * @return the cart
     */
    public Cart next() {
        CartOwner owner = random.nextBoolean() ? new CartOwner.Customer(new CustomerId("c-" + text(1, 20)))
                : new CartOwner.Guest(hex(64));
        return next(owner, CartKind.values()[random.nextInt(CartKind.values().length)]);
    }

    /**
     * A cart of this owner and kind with every part of issue 11's content present.
     *
     * @param owner the owner
     * @param kind  the kind
     * @return the cart, at version 1 to 50
     */
    public Cart full(CartOwner owner, CartKind kind) {
        Cart plain = plain(owner, kind);
        Instant at = plain.updatedAt();
        return plain.toBuilder().name(text(1, 128)).shippingAddress(address(true)).billingCountry("FR")
                .participants(participants(1 + random.nextInt(3), at)).recovery(recovery(at))
                .freeze(freeze(plain, at)).build();
    }

    /**
     * A cart of this owner and kind with each part of issue 11's content present or absent at random.
     *
     * @param owner the owner
     * @param kind  the kind
     * @return the cart
     */
    public Cart next(CartOwner owner, CartKind kind) {
        Cart plain = plain(owner, kind);
        Instant at = plain.updatedAt();
        return plain.toBuilder()
                .name(random.nextBoolean() ? text(1, 128) : null)
                .shippingAddress(random.nextBoolean() ? address(random.nextBoolean()) : null)
                .billingCountry(random.nextBoolean() ? "US" : null)
                .participants(random.nextBoolean() ? participants(random.nextInt(4), at) : List.of())
                .recovery(random.nextBoolean() ? recovery(at) : null)
                .freeze(random.nextInt(3) == 0 ? freeze(plain, at) : null)
                .build();
    }

    private Cart plain(CartOwner owner, CartKind kind) {
        Currency currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        Instant created = instant();
        Instant updated = created.plusSeconds(random.nextInt(100_000)).plusNanos(random.nextInt(1_000_000_000));
        List<LineItem> lines = new ArrayList<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            lines.add(new LineItem(new LineId("l" + i + "-" + hex(6)), new Sku("SKU-" + i + text(0, 10)),
                    1 + random.nextInt(99), LineItem.DEFAULT_WAREHOUSE,
                    random.nextBoolean() ? Money.ofMinor(random.nextInt(1_000_000), currency) : null,
                    updated.minusNanos(random.nextInt(1_000_000))));
        }
        String metadata = random.nextBoolean() ? "{}" : "{\"note\":\"" + text(0, 20).replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"}";
        return new Cart(CartId.random(), owner, random.nextBoolean() ? "vip" : null, currency, "DE",
                CartState.ACTIVE, 1 + random.nextInt(50), lines, random.nextBoolean() ? List.of("SAVE10") : List.of(),
                random.nextBoolean() ? "dhl" : null, metadata, created, updated, updated.plusSeconds(86_400),
                random.nextInt(4) == 0 ? updated.plusNanos(1) : null, random.nextBoolean() ? "eu" : null, kind,
                null, null, null, List.of(), null, null);
    }

    /**
     * An address; with {@code full} every part is present (the longest street lines the model
     * allows), otherwise each part at random.
     *
     * @param full whether every part is present
     * @return the address
     */
    public ShippingAddress address(boolean full) {
        List<String> lines = new ArrayList<>();
        int count = full ? ShippingAddress.MAX_STREET_LINES : random.nextInt(ShippingAddress.MAX_STREET_LINES + 1);
        for (int i = 0; i < count; i++) {
            lines.add(full && i == 0 ? "x".repeat(255) + "中" : text(1, 60));
        }
        return new ShippingAddress(full || random.nextBoolean() ? "CA-" + random.nextInt(10) : null,
                full || random.nextBoolean() ? text(1, 16) : null, full || random.nextBoolean() ? text(1, 128) : null,
                lines);
    }

    private List<Participant> participants(int count, Instant at) {
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Participant.Role role = random.nextBoolean() ? Participant.Role.EDIT : Participant.Role.VIEW;
            participants.add(new Participant("p" + i + "-" + hex(12), hex(64), role,
                    role == Participant.Role.EDIT && random.nextBoolean(), at.minusNanos(random.nextInt(1_000_000)),
                    at.plusSeconds(3600).plusNanos(random.nextInt(1_000_000_000))));
        }
        return participants;
    }

    private RecoveryToken recovery(Instant at) {
        return new RecoveryToken(hex(64), at.minusNanos(1 + random.nextInt(999_999)),
                at.plusSeconds(86_400).plusNanos(random.nextInt(1_000_000_000)));
    }

    /** The freeze of {@code cart} at {@code at}: figures of the cart as it was when it was frozen. */
    private CartFreeze freeze(Cart cart, Instant at) {
        Currency c = cart.currency();
        List<PricedLine> lines = new ArrayList<>();
        for (LineItem line : cart.lines()) {
            Money unit = money(c);
            lines.add(new PricedLine(line.id(), line.sku(), line.quantity(), unit, money(c), money(c), money(c),
                    money(c), money(c), List.of(new TaxAmount(new Rate(19, 2), money(c))),
                    random.nextBoolean() ? List.of(new LineDiscount("P-" + hex(4), money(c))) : List.of()));
        }
        List<LineId> unavailable = random.nextInt(4) == 0 && !cart.lines().isEmpty()
                ? List.of(cart.lines().get(0).id()) : List.of();
        PricedCart figures = new PricedCart(cart, c, lines, money(c), money(c), money(c), money(c), money(c),
                money(c), List.of(new TaxAmount(new Rate(7, 2), money(c))), money(c), money(c),
                List.of(new PromotionExplanation("P-" + hex(4), random.nextBoolean() ? "SAVE10" : null,
                        PromotionResult.values()[random.nextInt(PromotionResult.values().length)], money(c),
                        text(0, 30))),
                List.of(new CodeStatus("SAVE10", CodeStatus.State.values()[random.nextInt(
                        CodeStatus.State.values().length)])),
                cart.lines().isEmpty() ? List.of()
                        : List.of(new PriceChange(cart.lines().get(0).id(), cart.lines().get(0).sku(), money(c),
                                money(c))),
                random.nextBoolean() ? null
                        : new ExchangeRate(Currency.getInstance("USD"), c, new Rate(108_123, 5), at.minusSeconds(60)),
                at, unavailable, random.nextBoolean() ? Set.of() : Set.of("pricing", "tax"));
        return new CartFreeze(at, at.plusSeconds(900).plusNanos(random.nextInt(1_000_000_000)), figures);
    }

    private Money money(Currency currency) {
        return Money.ofMinor(random.nextInt(2_000_000) - 1_000_000, currency);
    }

    private Instant instant() {
        return Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(400_000_000))
                .plusNanos(random.nextInt(1_000_000_000));
    }

    private String hex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    /** Text of {@code min} to {@code max} UTF-16 units, never blank and never splitting a surrogate pair. */
    private String text(int min, int max) {
        int target = min + random.nextInt(max - min + 1);
        StringBuilder out = new StringBuilder();
        while (out.length() < target) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            if (out.length() + piece.length() > target) {
                piece = "q";
            }
            out.append(piece);
        }
        if (target > 0 && out.toString().isBlank()) {
            out.setCharAt(0, 'k');
        }
        return out.toString();
    }
}
