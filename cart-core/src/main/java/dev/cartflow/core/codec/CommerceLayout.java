package dev.cartflow.core.codec;

/**
 * The key names of the cart content added by issue 11 (kind, name, shipping address, billing
 * country, participants, recovery token, freeze), per key set. All of it is optional content: a
 * document without these keys (every earlier one) reads as a shopping cart without any of it, and
 * a cart without any of it is written without these keys, exactly as before.
 */
record CommerceLayout(String kind, String name, String address, String subdivision, String postalCode,
                      String city, String streetLines, String billingCountry, String participants,
                      String participantId, String tokenHash, String role, String mayCheckout, String invitedAt,
                      String expiresAt, String recovery, String issuedAt, String freeze, String frozenAt,
                      String until, String figures) {

    /** Short keys, beside {@link CartLayout#COMPACT}. */
    static final CommerceLayout COMPACT = new CommerceLayout("kd", "nm", "ad", "sd", "po", "ct", "sl", "bc", "pt",
            "i", "th", "r", "mc", "ia", "ea", "rc", "ia", "fz", "fa", "fu", "pr");

    /** Spelled-out keys, beside {@link CartLayout#VERBOSE}. */
    static final CommerceLayout VERBOSE = new CommerceLayout("kind", "name", "shippingAddress", "subdivision",
            "postalCode", "city", "streetLines", "billingCountry", "participants", "id", "tokenHash", "role",
            "mayCheckout", "invitedAt", "expiresAt", "recovery", "issuedAt", "freeze", "frozenAt", "until",
            "figures");
}
