package dev.cartflow.core.codec;

/**
 * The key names of one cart document layout. One writer and one reader serve every layout, so the
 * layouts differ only here: in names, in whether the owner and the added price are nested objects,
 * and in whether absent values are written as explicit nulls.
 *
 * @param formatKey     the key of the format version
 * @param ownerObject   the key of the owner object, or null when the owner keys sit at the top
 * @param lineMoney     the key of the added price object of a line, or null when its amount and
 *                      currency sit in the line itself
 * @param writeNulls    whether absent optional values are written as {@code null}
 * @param region        the key of the data-residency region (optional content: documents without
 *                      it read as carts without a region)
 * @param commerce      the keys of issue 11's content (optional content, see {@link CommerceLayout})
 */
record CartLayout(String formatKey, String ownerObject, String guest, String customer, String group,
                  String currency, String country, String state, String version, String lines, String lineId,
                  String sku, String quantity, String warehouse, String lineMoney, String priceMinor,
                  String priceCurrency, String addedAt, String codes, String shipping, String metadata,
                  String created, String updated, String expires, String abandoned, boolean writeNulls,
                  String region, CommerceLayout commerce) {

    /** Short keys for caches and idempotency records (the cart-redis format of earlier releases). */
    static final CartLayout COMPACT = new CartLayout("fv", "o", "g", "c", "cg", "cu", "co", "st", "v", "l", "i",
            "s", "q", "w", null, "pm", "pc", "a", "cd", "sm", "md", "ca", "ua", "ea", "aa", false,
            "rg", CommerceLayout.COMPACT);

    /** Spelled-out keys for export and for people (the cart-jdbi JSON lines of earlier releases). */
    static final CartLayout VERBOSE = new CartLayout("formatVersion", "owner", "guestTokenHash", "customerId",
            "customerGroup", "currency", "country", "state", "version", "lines", "id", "sku", "quantity",
            "warehouse", "addedUnitPrice", "minor", "currency", "addedAt", "codes", "shippingMethod", "metadata",
            "createdAt", "updatedAt", "expiresAt", "abandonedAt", true,
            "region", CommerceLayout.VERBOSE);

    /** Read only: the format of cart-core's {@code CartJson} of earlier releases (idempotent responses). */
    static final CartLayout CORE_V1 = new CartLayout("f", null, "guest", "customer", "group", "currency",
            "country", "state", "version", "lines", "id", "sku", "qty", "wh", null, "price", "priceCurrency", "at",
            "codes", "shipping", "metadata", "created", "updated", "expires", "abandoned", false,
            "region", CommerceLayout.COMPACT);
}
