package dev.cartflow.core.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.ShippingAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Encryption of the personal parts of a cart's shipping address: postal code, city and street lines.
 * An envelope does not fit the address's own fields (a postal code holds 16 characters), so the three
 * are sealed together as one value, stored under the reserved metadata key {@value #KEY} appended at
 * the end of the metadata text, and the stored address keeps only its subdivision. Opening cuts that
 * key off again, giving back the metadata text exactly as the host wrote it. Associated data:
 * {@code ("address", where)}, where names the cart (its id, or its id and {@code #figures} for the
 * cart inside a freeze's figures).
 */
final class AddressSealing {
    /** The metadata key of a sealed address; a host's metadata must not use it. */
    static final String KEY = "cartflow:address";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final java.util.Set<String> RESERVED = java.util.Set.of(KEY);

    private final FieldCipher cipher;

    AddressSealing(FieldCipher cipher) {
        this.cipher = cipher;
    }

    /** Whether the cart has address parts this class seals. */
    static boolean hasPersonalParts(Cart cart) {
        ShippingAddress a = cart.shippingAddress();
        return a != null && (a.postalCode() != null || a.city() != null || !a.streetLines().isEmpty());
    }

    /**
     * Refuses a host's metadata that holds the reserved key, which would read back as a sealed
     * address; checked on every sealed write, whether addresses are encrypted or not.
     */
    static void requireUnreserved(Cart cart) {
        if (cart.metadata().contains('"' + KEY + '"') && !MetadataFields.all(cart.metadata(), RESERVED, v -> false)) {
            throw CartException.invalidInput("metadata key " + KEY + " is reserved for the encrypted address");
        }
    }

    /** The cart with its address's personal parts sealed into its metadata; the cart itself when it has none. */
    Cart seal(Cart cart, String where) {
        if (!hasPersonalParts(cart)) {
            return cart;
        }
        ShippingAddress a = cart.shippingAddress();
        ObjectNode plain = MAPPER.createObjectNode();
        if (a.postalCode() != null) {
            plain.put("po", a.postalCode());
        }
        if (a.city() != null) {
            plain.put("ct", a.city());
        }
        ArrayNode lines = plain.putArray("sl");
        a.streetLines().forEach(lines::add);
        String envelope = cipher.seal(plain.toString(), "address", where);
        return cart.toBuilder()
                .shippingAddress(new ShippingAddress(a.subdivision(), null, null, List.of()))
                .metadata(MetadataFields.append(cart.metadata(), KEY, '"' + envelope + '"'))
                .build();
    }

    /** The cart with a sealed address opened; the cart itself when nothing is sealed. */
    Cart open(Cart cart, String where) {
        MetadataFields.Cut cut = MetadataFields.cutLast(cart.metadata(), KEY);
        if (cut == null) {
            return cart;
        }
        String json = cut.valueJson();
        if (json.length() < 2 || json.charAt(0) != '"' || json.charAt(json.length() - 1) != '"') {
            throw CartException.internal("a sealed address is not an envelope", null);
        }
        JsonNode plain;
        try {
            plain = MAPPER.readTree(cipher.open(json.substring(1, json.length() - 1), "address", where));
        } catch (JsonProcessingException e) {
            throw CartException.internal("a sealed address does not hold JSON", e);
        }
        List<String> lines = new ArrayList<>();
        plain.path("sl").forEach(line -> lines.add(line.asText()));
        ShippingAddress stored = cart.shippingAddress();
        ShippingAddress address = new ShippingAddress(stored == null ? null : stored.subdivision(),
                plain.hasNonNull("po") ? plain.get("po").asText() : null,
                plain.hasNonNull("ct") ? plain.get("ct").asText() : null, lines);
        return cart.toBuilder().shippingAddress(address).metadata(cut.rest()).build();
    }

    /** Whether the cart's sealed address (if it needs one) is sealed with the key {@code prefix} names. */
    static boolean current(Cart stored, String envelopePrefix) {
        MetadataFields.Cut cut = MetadataFields.cutLast(stored.metadata(), KEY);
        if (cut == null) {
            return !hasPersonalParts(stored);
        }
        return cut.valueJson().startsWith('"' + envelopePrefix);
    }
}
