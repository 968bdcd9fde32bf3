package dev.cartflow.core.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartOwner;
import dev.cartflow.model.CartState;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.LineItem;
import dev.cartflow.model.Money;
import dev.cartflow.model.Sku;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The one JSON form of a {@link Cart}, for storage adapters: cache entries, idempotency records,
 * snapshots, export and import.
 *
 * <p>Two key sets carry the same content: {@link Keys#COMPACT} (short keys, for caches and stored
 * responses) and {@link Keys#VERBOSE} (spelled-out keys, for export files and people). Every document
 * holds its format version ({@code "fv"} in the compact set, {@code "formatVersion"} in the verbose
 * one). {@link #read} accepts both key sets, every version up to {@link #FORMAT_VERSION}, and the
 * unversioned documents of earlier releases (cart-core's {@code CartJson}, cart-redis's cache
 * entries and cart-jdbi's JSON lines), and ignores keys it does not know, so a later release can add
 * optional content without a new version (the cart's region was added so: {@code "rg"} or
 * {@code "region"}, absent in older documents, which read as carts without a region; issue 11's
 * kind, name, shipping address, billing country, participants, recovery token and freeze were added
 * the same way, each written only when it differs from what an older cart reads as, with a frozen
 * cart's figures in the {@link PricedCartCodec} form).
 *
 * <pre>{@code
 * String entry = CartCodec.write(cart, CartCodec.Keys.COMPACT);
 * Cart again = CartCodec.read(entry);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CartCodec {
    /** The format version written, and the newest one read. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The key set of a written document. */
    public enum Keys {
        /** Short keys: cache entries, idempotency records. */
        COMPACT(CartLayout.COMPACT),
        /** Spelled-out keys: export files, documents people read. */
        VERBOSE(CartLayout.VERBOSE);

        private final CartLayout layout;

        Keys(CartLayout layout) {
            this.layout = layout;
        }
    }

    private CartCodec() {
    }

    /**
     * The cart as one line of JSON.
     *
     * @param cart the cart
     * @param keys the key set
     * @return the document, with its format version
     */
    public static String write(Cart cart, Keys keys) {
        CartException.requireNonNull(cart, "cart");
        return node(cart, CartException.requireNonNull(keys, "keys")).toString();
    }

    /** The document as a tree (a frozen cart's figures nest one). */
    static ObjectNode node(Cart cart, Keys keys) {
        CartLayout k = keys.layout;
        ObjectNode root = MAPPER.createObjectNode();
        root.put(k.formatKey(), FORMAT_VERSION);
        root.put("id", cart.id().toString());
        ObjectNode owner = k.ownerObject() == null ? root : root.putObject(k.ownerObject());
        if (cart.owner() instanceof CartOwner.Guest g) {
            owner.put(k.guest(), g.tokenHash());
        } else if (cart.owner() instanceof CartOwner.Customer c) {
            owner.put(k.customer(), c.customerId().value());
        }
        optional(root, k, k.group(), cart.customerGroup());
        root.put(k.currency(), cart.currency().getCurrencyCode());
        root.put(k.country(), cart.country());
        root.put(k.state(), cart.state().name());
        root.put(k.version(), cart.version());
        ArrayNode lines = root.putArray(k.lines());
        for (LineItem line : cart.lines()) {
            ObjectNode l = lines.addObject();
            l.put(k.lineId(), line.id().value());
            l.put(k.sku(), line.sku().value());
            l.put(k.quantity(), line.quantity());
            l.put(k.warehouse(), line.warehouse());
            Money price = line.addedUnitPrice();
            if (k.lineMoney() == null) {
                if (price != null) {
                    l.put(k.priceMinor(), price.minor());
                    l.put(k.priceCurrency(), price.currency().getCurrencyCode());
                }
            } else if (price != null) {
                ObjectNode money = l.putObject(k.lineMoney());
                money.put(k.priceMinor(), price.minor());
                money.put(k.priceCurrency(), price.currency().getCurrencyCode());
            } else if (k.writeNulls()) {
                l.putNull(k.lineMoney());
            }
            l.put(k.addedAt(), line.addedAt().toString());
        }
        ArrayNode codes = root.putArray(k.codes());
        cart.codes().forEach(codes::add);
        optional(root, k, k.shipping(), cart.shippingMethod());
        root.put(k.metadata(), cart.metadata());
        root.put(k.created(), cart.createdAt().toString());
        root.put(k.updated(), cart.updatedAt().toString());
        root.put(k.expires(), cart.expiresAt().toString());
        optional(root, k, k.abandoned(), cart.abandonedAt() == null ? null : cart.abandonedAt().toString());
        if (cart.region() != null) {
            // optional content, absent rather than null, so a cart without a region is written
            // exactly as earlier releases wrote it
            root.put(k.region(), cart.region());
        }
        CommerceFields.write(root, cart, k.commerce(), keys);
        return root;
    }

    private static void optional(ObjectNode node, CartLayout k, String key, String value) {
        if (value != null) {
            node.put(key, value);
        } else if (k.writeNulls()) {
            node.putNull(key);
        }
    }

    /**
     * Reads a cart written by {@link #write} in either key set and any known version, or by an
     * earlier release.
     *
     * @param json the document
     * @return the cart
     * @throws CartException {@code INVALID_INPUT} when the text is not a cart document this version
     *                       reads: malformed JSON, content after the object, a format version newer
     *                       than {@link #FORMAT_VERSION}, a missing or mistyped key, or a value the
     *                       model refuses. The message names keys, never values.
     */
    public static Cart read(String json) {
        CartException.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw CartException.invalidInput("cart JSON is malformed");
        }
        if (root == null || !root.isObject()) {
            throw CartException.invalidInput("a cart document must be a JSON object");
        }
        try {
            return read(root);
        } catch (CartException e) {
            throw e;
        } catch (RuntimeException e) {
            // Every value a document can hold wrongly is refused above as INVALID_INPUT (currency,
            // state, instant, id, the model's own checks); anything else escaping is our bug.
            throw CartException.internal("reading a cart document failed", e);
        }
    }

    /** Reads a tree of {@link #node} (or of an earlier release); {@code INVALID_INPUT} on anything wrong. */
    static Cart read(JsonNode root) {
        return read(root, layoutOf(root));
    }

    /** The layout of a document, after checking that its version is one this reader knows. */
    private static CartLayout layoutOf(JsonNode root) {
        for (CartLayout layout : List.of(CartLayout.COMPACT, CartLayout.VERBOSE, CartLayout.CORE_V1)) {
            JsonNode version = root.get(layout.formatKey());
            if (version != null) {
                if (!version.isIntegralNumber() || !version.canConvertToInt() || version.intValue() < 1) {
                    throw CartException.invalidInput("format version must be a positive whole number");
                }
                if (version.intValue() > FORMAT_VERSION) {
                    throw CartException.invalidInput("cart format version " + version.intValue()
                            + " is newer than this reader (" + FORMAT_VERSION + ")");
                }
                return layout;
            }
        }
        if (root.path(CartLayout.VERBOSE.ownerObject()).isObject()) {
            return CartLayout.VERBOSE; // JSON lines exported before documents carried a version
        }
        throw CartException.invalidInput("cart document has no format version");
    }

    private static Cart read(JsonNode root, CartLayout k) {
        JsonNode ownerNode = k.ownerObject() == null ? root : object(root, k.ownerObject());
        String customer = optionalText(ownerNode, k.customer());
        String guest = optionalText(ownerNode, k.guest());
        if ((customer == null) == (guest == null)) {
            throw CartException.invalidInput("cart document needs exactly one of " + k.guest() + " and "
                    + k.customer());
        }
        CartOwner owner = customer != null ? new CartOwner.Customer(new CustomerId(customer))
                : new CartOwner.Guest(guest);
        List<LineItem> lines = new ArrayList<>();
        for (JsonNode l : array(root, k.lines())) {
            lines.add(line(l, k));
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode c : array(root, k.codes())) {
            if (!c.isTextual()) {
                throw CartException.invalidInput(k.codes() + " must hold text");
            }
            codes.add(c.asText());
        }
        String abandoned = optionalText(root, k.abandoned());
        CommerceFields.Content more = CommerceFields.read(root, k.commerce());
        return new Cart(
                CartId.parse(text(root, "id")),
                owner,
                optionalText(root, k.group()),
                currency(text(root, k.currency())),
                text(root, k.country()),
                state(text(root, k.state())),
                wholeNumber(root, k.version()),
                lines,
                codes,
                optionalText(root, k.shipping()),
                text(root, k.metadata()),
                instant(root, k.created()),
                instant(root, k.updated()),
                instant(root, k.expires()),
                abandoned == null ? null : instant(root, k.abandoned()),
                optionalText(root, k.region()),
                more.kind(),
                more.name(),
                more.address(),
                more.billingCountry(),
                more.participants(),
                more.recovery(),
                more.freeze());
    }

    private static LineItem line(JsonNode l, CartLayout k) {
        if (!l.isObject()) {
            throw CartException.invalidInput(k.lines() + " must hold objects");
        }
        Money price = null;
        JsonNode moneyNode = k.lineMoney() == null ? l : l.get(k.lineMoney());
        if (moneyNode != null && !moneyNode.isNull()) {
            if (!moneyNode.isObject()) {
                throw CartException.invalidInput(k.lineMoney() + " must be an object");
            }
            JsonNode minor = moneyNode.get(k.priceMinor());
            if (minor != null && !minor.isNull()) {
                price = Money.ofMinor(wholeNumber(moneyNode, k.priceMinor()),
                        currency(text(moneyNode, k.priceCurrency())));
            } else if (k.lineMoney() != null) {
                throw CartException.invalidInput("missing " + k.priceMinor());
            }
        }
        long quantity = wholeNumber(l, k.quantity());
        if (quantity < Integer.MIN_VALUE || quantity > Integer.MAX_VALUE) {
            throw CartException.invalidInput(k.quantity() + " is out of range");
        }
        return new LineItem(new LineId(text(l, k.lineId())), new Sku(text(l, k.sku())), (int) quantity,
                text(l, k.warehouse()), price, instant(l, k.addedAt()));
    }

    private static JsonNode object(JsonNode node, String key) {
        return Nodes.object(node, key);
    }

    private static JsonNode array(JsonNode node, String key) {
        return Nodes.array(node, key);
    }

    private static String text(JsonNode node, String key) {
        return Nodes.text(node, key);
    }

    private static String optionalText(JsonNode node, String key) {
        return Nodes.optionalText(node, key);
    }

    private static long wholeNumber(JsonNode node, String key) {
        return Nodes.wholeNumber(node, key);
    }

    private static Instant instant(JsonNode node, String key) {
        return Nodes.instant(node, key);
    }

    private static Currency currency(String code) {
        return Nodes.currency(code);
    }

    private static CartState state(String name) {
        try {
            return CartState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw CartException.invalidInput("unknown cart state");
        }
    }
}
