package dev.cartflow.redis;

import dev.cartflow.error.CartException;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;

/**
 * Key layout. Every key of one cart carries the hash tag {@code {<cartId>}} so that a cart, its
 * events and its idempotency records live in one Redis Cluster slot and one Lua script can write
 * them together. Secondary indexes share the tag {@code {<prefix>-idx}}.
 */
final class RedisKeys {
    private final String prefix;
    private final String indexTag;

    RedisKeys(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.contains("{") || prefix.contains("}")) {
            throw CartException.invalidInput("key prefix must be non-blank and contain no braces");
        }
        this.prefix = prefix;
        this.indexTag = prefix + ":{" + prefix + "-idx}";
    }

    String prefix() {
        return prefix;
    }

    String cart(CartId id) {
        return prefix + ":{" + id + "}:cart";
    }

    String events(CartId id) {
        return prefix + ":{" + id + "}:events";
    }

    String idempotency(CartId id, String key) {
        return prefix + ":{" + id + "}:idem:" + key;
    }

    /** Points from an idempotency key to the cart whose slot holds the record. */
    String idempotencyPointer(String key) {
        return prefix + ":idem:{" + key + "}";
    }

    String twoPhase(String txId) {
        return prefix + ":tx:{" + txId + "}";
    }

    String indexVersions() {
        return indexTag + ":ver";
    }

    String expiresIndex() {
        return indexTag + ":expires";
    }

    String updatedIndex() {
        return indexTag + ":updated";
    }

    String customerIndex(CustomerId id) {
        return indexTag + ":customer:" + id.value();
    }

    /** Snapshot cache entry of the caching repository. */
    String snapshot(CartId id) {
        return prefix + ":{" + id + "}:snap";
    }

    /** Set of active carts holding a sku (maintained by the caching repository). */
    String skuCarts(String sku) {
        return prefix + ":sku:{" + sku + "}";
    }

    /** Pub/sub channel of near-cache invalidations. */
    String invalidationChannel() {
        return prefix + ":invalidate";
    }

    /** Provider cache entry. */
    String provider(String kind, String key) {
        return prefix + ":provider:" + kind + ":{" + key + "}";
    }
}
