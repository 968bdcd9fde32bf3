package dev.cartflow.core.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartFreeze;
import dev.cartflow.model.CartKind;
import dev.cartflow.model.Participant;
import dev.cartflow.model.RecoveryToken;
import dev.cartflow.model.ShippingAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the cart content of {@link CommerceLayout}. Each value is written only when it
 * differs from the default of a cart stored before it existed (a shopping cart, no name, no address,
 * no billing country, no participants, no recovery token, no freeze), so that such a cart's document
 * stays byte for byte what earlier releases wrote.
 */
final class CommerceFields {
    private CommerceFields() {
    }

    static void write(ObjectNode root, Cart cart, CommerceLayout k, CartCodec.Keys keys) {
        if (cart.kind() != CartKind.SHOPPING) {
            root.put(k.kind(), cart.kind().name());
        }
        if (cart.name() != null) {
            root.put(k.name(), cart.name());
        }
        ShippingAddress address = cart.shippingAddress();
        if (address != null) {
            ObjectNode a = root.putObject(k.address());
            putIfPresent(a, k.subdivision(), address.subdivision());
            putIfPresent(a, k.postalCode(), address.postalCode());
            putIfPresent(a, k.city(), address.city());
            ArrayNode lines = a.putArray(k.streetLines());
            address.streetLines().forEach(lines::add);
        }
        if (cart.billingCountry() != null) {
            root.put(k.billingCountry(), cart.billingCountry());
        }
        if (!cart.participants().isEmpty()) {
            ArrayNode participants = root.putArray(k.participants());
            for (Participant p : cart.participants()) {
                participants.addObject()
                        .put(k.participantId(), p.id())
                        .put(k.tokenHash(), p.tokenHash())
                        .put(k.role(), p.role().name())
                        .put(k.mayCheckout(), p.mayCheckout())
                        .put(k.invitedAt(), p.invitedAt().toString())
                        .put(k.expiresAt(), p.expiresAt().toString());
            }
        }
        RecoveryToken recovery = cart.recovery();
        if (recovery != null) {
            root.putObject(k.recovery())
                    .put(k.tokenHash(), recovery.tokenHash())
                    .put(k.issuedAt(), recovery.issuedAt().toString())
                    .put(k.expiresAt(), recovery.expiresAt().toString());
        }
        CartFreeze freeze = cart.freeze();
        if (freeze != null) {
            ObjectNode f = root.putObject(k.freeze())
                    .put(k.frozenAt(), freeze.frozenAt().toString())
                    .put(k.until(), freeze.until().toString());
            f.set(k.figures(), PricedCartCodec.node(freeze.figures(), keys));
        }
    }

    /** The content found in {@code root}, with defaults for what is absent. */
    static Content read(JsonNode root, CommerceLayout k) {
        CartKind kind = root.hasNonNull(k.kind()) ? Nodes.constant(root, k.kind(), CartKind.class) : CartKind.SHOPPING;
        String name = Nodes.optionalText(root, k.name());
        ShippingAddress address = address(Nodes.optionalObject(root, k.address()), k);
        String billing = Nodes.optionalText(root, k.billingCountry());
        List<Participant> participants = new ArrayList<>();
        for (JsonNode p : Nodes.optionalArray(root, k.participants())) {
            if (!p.isObject()) {
                throw CartException.invalidInput(k.participants() + " must hold objects");
            }
            participants.add(new Participant(Nodes.text(p, k.participantId()), Nodes.text(p, k.tokenHash()),
                    Nodes.constant(p, k.role(), Participant.Role.class), Nodes.bool(p, k.mayCheckout()),
                    Nodes.instant(p, k.invitedAt()), Nodes.instant(p, k.expiresAt())));
        }
        JsonNode r = Nodes.optionalObject(root, k.recovery());
        RecoveryToken recovery = r == null ? null
                : new RecoveryToken(Nodes.text(r, k.tokenHash()), Nodes.instant(r, k.issuedAt()),
                        Nodes.instant(r, k.expiresAt()));
        JsonNode f = Nodes.optionalObject(root, k.freeze());
        CartFreeze freeze = f == null ? null
                : new CartFreeze(Nodes.instant(f, k.frozenAt()), Nodes.instant(f, k.until()),
                        PricedCartCodec.read(Nodes.object(f, k.figures())));
        return new Content(kind, name, address, billing, participants, recovery, freeze);
    }

    /** The values read, in the order of the cart's canonical constructor. */
    record Content(CartKind kind, String name, ShippingAddress address, String billingCountry,
                   List<Participant> participants, RecoveryToken recovery, CartFreeze freeze) {
    }

    private static ShippingAddress address(JsonNode a, CommerceLayout k) {
        if (a == null) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode line : Nodes.optionalArray(a, k.streetLines())) {
            if (!line.isTextual()) {
                throw CartException.invalidInput(k.streetLines() + " must hold text");
            }
            lines.add(line.asText());
        }
        return new ShippingAddress(Nodes.optionalText(a, k.subdivision()), Nodes.optionalText(a, k.postalCode()),
                Nodes.optionalText(a, k.city()), lines);
    }

    private static void putIfPresent(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }
}
