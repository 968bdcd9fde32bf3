package dev.cartflow.core.internal.carts;

import dev.cartflow.core.internal.support.Pseudonyms;
import dev.cartflow.core.residency.Region;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.CustomerId;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The id of a named cart, derived from its customer, kind and name, so that two creations of the
 * same named cart (a double click, two instances racing) write the same id and the second meets a
 * version conflict instead of making a second cart. The derivation is the engine's keyed pseudonym
 * (HMAC-SHA256 under its pseudonym key), so an id tells no one without the key whose cart it is,
 * and every instance with the same key derives the same id. The id has the layout of
 * {@link Region#newCartId}: a version 8 UUID carrying the engine's region code (0 without a
 * region), so a routing repository finds a named cart like any other.
 */
final class NamedCartIds {
    private static final String PSEUDONYM_KIND = "named-cart";
    private static final long CODE_BITS = 0xFFFL;

    private final Pseudonyms pseudonyms;
    private final @Nullable Region region;

    NamedCartIds(Pseudonyms pseudonyms, @Nullable Region region) {
        this.pseudonyms = pseudonyms;
        this.region = region;
    }

    CartId of(CustomerId customerId, CartKind kind, String name) {
        // Length-prefixed parts: no two (customer, kind, name) triples encode alike.
        String value = customerId.value().length() + ":" + customerId.value() + kind.name() + ":" + name;
        byte[] mac = Base64.getUrlDecoder().decode(pseudonyms.of(PSEUDONYM_KIND, value));
        ByteBuffer bits = ByteBuffer.wrap(mac);
        long code = region == null ? 0 : region.code() & CODE_BITS;
        long high = bits.getLong() & ~0xFFFFL | 0x8000L | code;
        long low = bits.getLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new CartId(new UUID(high, low));
    }
}
