package dev.cartflow.spi;

/**
 * One stored record about a customer, as exported for a data subject's access request.
 *
 * @param kind what it is ({@code cart}, {@code event}, {@code redemption}, {@code audit}, ...)
 * @param id   its identity within its kind
 * @param json its content as a JSON document
 */
public record PersonalRecord(String kind, String id, String json) {
}
