package dev.cartflow.core.crypto;

import dev.cartflow.model.Cart;
import dev.cartflow.model.CartFreeze;
import dev.cartflow.model.PricedCart;
import dev.cartflow.spi.IdempotencyRecord;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What is encrypted in a cart and a stored response, and how each value's associated data names
 * where it lives: {@code ("metadata", cart id, key)} for a metadata value, {@code ("address", cart
 * id)} for the address's personal parts ({@link AddressSealing}), {@code ("response", record key)}
 * for a stored response (the record key holds the cart id). The cart inside a frozen cart's figures
 * is sealed the same way, its cart id followed by {@code #figures}. Values stored before encryption
 * was configured (not envelopes) read as they are, and are sealed on the next write.
 */
final class CartSealing {
    private static final String QUOTED_PREFIX = "\"" + Envelope.PREFIX;

    private static final String FIGURES = "#figures";

    private final FieldCipher cipher;
    private final Set<String> fields;
    private final boolean responses;
    private final AddressSealing addresses;

    CartSealing(EncryptionSettings settings) {
        this.cipher = new FieldCipher(settings.keys(), settings.random());
        this.fields = settings.metadataFields();
        this.responses = settings.responses();
        this.addresses = settings.addresses() ? new AddressSealing(cipher) : null;
    }

    /**
     * The cart as stored: each configured metadata value and the address's personal parts sealed
     * with the current key, also in the cart inside a freeze's figures.
     */
    Cart seal(Cart cart) {
        return seal(cart, cart.id().toString());
    }

    private Cart seal(Cart cart, String where) {
        AddressSealing.requireUnreserved(cart);
        String metadata = MetadataFields.rewrite(cart.metadata(), fields,
                (name, json) -> '"' + cipher.seal(json, "metadata", where, name) + '"');
        Cart sealed = metadata.equals(cart.metadata()) ? cart : cart.toBuilder().metadata(metadata).build();
        if (addresses != null) {
            sealed = addresses.seal(sealed, where);
        }
        return withFigures(sealed, figures -> seal(figures, where + FIGURES));
    }

    /** The cart as the engine sees it: each sealed value opened. */
    Cart open(Cart cart) {
        return open(cart, cart.id().toString());
    }

    private Cart open(Cart cart, String where) {
        // a sealed address is opened whatever the settings say now, like a stored response
        Cart opened = new AddressSealing(cipher).open(cart, where);
        String metadata = MetadataFields.rewrite(opened.metadata(), fields,
                (name, json) -> sealed(json) ? cipher.open(unquoted(json), "metadata", where, name) : json);
        opened = metadata.equals(opened.metadata()) ? opened : opened.toBuilder().metadata(metadata).build();
        return withFigures(opened, figures -> open(figures, where + FIGURES));
    }

    /** Whether every configured value of a stored cart is sealed with the key new writes use. */
    boolean current(Cart stored) {
        String envelope = Envelope.PREFIX + Envelope.FORMAT + ":" + cipher.currentKeyId() + ":";
        return current(stored, envelope);
    }

    private boolean current(Cart stored, String envelope) {
        boolean metadata = MetadataFields.all(stored.metadata(), fields, json -> json.startsWith('"' + envelope));
        boolean address = addresses == null || AddressSealing.current(stored, envelope);
        boolean figures = stored.freeze() == null || current(stored.freeze().figures().cart(), envelope);
        return metadata && address && figures;
    }

    /** The cart with the cart inside its freeze's figures replaced; the cart itself when that is unchanged. */
    private static Cart withFigures(Cart cart, UnaryOperator<Cart> change) {
        CartFreeze freeze = cart.freeze();
        if (freeze == null) {
            return cart;
        }
        PricedCart p = freeze.figures();
        Cart inner = change.apply(p.cart());
        if (inner == p.cart()) {
            return cart;
        }
        PricedCart figures = new PricedCart(inner, p.currency(), p.lines(), p.subtotal(), p.discount(), p.shipping(),
                p.shippingDiscount(), p.shippingTax(), p.tax(), p.taxes(), p.total(), p.net(), p.promotions(),
                p.codes(), p.priceChanges(), p.exchangeRate(), p.pricedAt(), p.unavailableLines(), p.fallbacks());
        return cart.toBuilder().freeze(new CartFreeze(freeze.frozenAt(), freeze.until(), figures)).build();
    }

    IdempotencyRecord seal(IdempotencyRecord record) {
        if (!responses) {
            return record;
        }
        return new IdempotencyRecord(record.key(), record.fingerprint(),
                cipher.seal(record.response(), "response", record.key()), record.expiresAt());
    }

    IdempotencyRecord open(IdempotencyRecord record) {
        if (!Envelope.looksSealed(record.response())) {
            return record;
        }
        return new IdempotencyRecord(record.key(), record.fingerprint(),
                cipher.open(record.response(), "response", record.key()), record.expiresAt());
    }

    private static boolean sealed(String json) {
        return json.startsWith(QUOTED_PREFIX) && json.endsWith("\"") && json.length() > QUOTED_PREFIX.length();
    }

    /** An envelope holds no character JSON escapes, so its string literal is its text in quotes. */
    private static String unquoted(String json) {
        return json.substring(1, json.length() - 1);
    }
}
