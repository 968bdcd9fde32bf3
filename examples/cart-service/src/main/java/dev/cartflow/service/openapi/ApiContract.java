package dev.cartflow.service.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What the OpenAPI document says about one HTTP operation beyond its signature: the credentials it
 * takes, its success status and the problem statuses it can answer ({@code ../shared/API.md}'s
 * status table, narrowed to the route). {@link OpenApiConfiguration} renders it: the security
 * requirements, a {@code application/problem+json} response with an example for each status, the
 * {@code ETag}, {@code Location} and {@code Retry-After} response headers, {@code Idempotency-Key} on
 * every change and {@code If-Match} where a stale one answers {@code 412}.
 *
 * <p>A status listed here must be one a request can produce: the OpenAPI tests make a real request
 * for each.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiContract {

    /** Who may call the operation, as security requirements. */
    Access access();

    /** The success status: 200, or 201 for a creation. */
    int success() default 200;

    /** The problem statuses the operation answers, each from API.md's table. */
    int[] problems();

    /** The credentials an operation takes. */
    enum Access {
        /** Nobody needs to prove anything. */
        PUBLIC,
        /** Anyone; a customer's bearer token makes it the customer's. */
        ANYONE_OR_CUSTOMER,
        /** An existing cart's caller: its guest (Cart-Token), a participant, a customer or staff (bearer), a service. */
        CART,
        /** The guest cart's Cart-Token and the signed-in customer's bearer token, both. */
        GUEST_AND_CUSTOMER,
        /** A customer or staff (bearer) or a service (X-Api-Key). */
        CUSTOMER_OR_SERVICE
    }
}
