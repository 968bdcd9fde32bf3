package dev.cartflow.core.residency;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Checks;
import java.util.OptionalInt;
import java.util.Random;
import java.util.UUID;

/**
 * A data-residency region: the name carts carry ({@link dev.cartflow.model.Cart#region()}) and a
 * small number, unique among a shop's regions and never reused, that new cart ids carry so that a
 * {@link RegionRoutingRepository} finds a cart's storage from its id alone.
 *
 * <p>A cart id made for a region is an RFC 9562 version 8 UUID: the region code in its 12 lowest
 * bits of the first half, the version and variant bits, and 110 random bits (a random version 4
 * UUID has 122), which keeps ids unguessable.
 *
 * @param name the region name stored with each cart, such as {@code eu}
 * @param code 1 to {@value #MAX_CODE}, stable for the region's life
 */
public record Region(String name, int code) {
    /** The largest region code. */
    public static final int MAX_CODE = 0xFFF;
    private static final long CODE_BITS = 0xFFFL;

    /**
     * Validates.
     *
     * @param name 1 to 32 ASCII letters, digits, {@code -} and {@code _}
     * @param code 1 to {@value #MAX_CODE}
     * @throws CartException {@code INVALID_INPUT} when the name or the code is out of shape
     */
    public Region {
        Checks.region(name, "region name");
        if (code < 1 || code > MAX_CODE) {
            throw CartException.invalidInput("a region code must be between 1 and " + MAX_CODE);
        }
    }

    /**
     * A region.
     *
     * @param name the region name
     * @param code its code
     * @return the region
     */
    public static Region of(String name, int code) {
        return new Region(name, code);
    }

    /**
     * A new random cart id carrying this region's code.
     *
     * @param random the source of the random bits (a {@code SecureRandom} in the engine)
     * @return the id
     */
    public CartId newCartId(Random random) {
        long high = random.nextLong() & ~0xFFFFL | 0x8000L | code;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new CartId(new UUID(high, low));
    }

    /**
     * The region code a cart id carries.
     *
     * @param id a cart id
     * @return the code, or empty for an id not made by {@link #newCartId} (such as the random ids of
     *         carts created before regions)
     */
    public static OptionalInt codeOf(CartId id) {
        UUID uuid = id.value();
        if (uuid.version() != 8 || uuid.variant() != 2) {
            return OptionalInt.empty();
        }
        int code = (int) (uuid.getMostSignificantBits() & CODE_BITS);
        return code == 0 ? OptionalInt.empty() : OptionalInt.of(code);
    }
}
