package dev.cartflow.service.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An error answer, {@code application/problem+json} (RFC 9457), with the engine's stable code.
 *
 * @param type           a URI naming the kind of problem
 * @param title          a short summary of the kind
 * @param status         the HTTP status
 * @param detail         what went wrong with this request (never internals)
 * @param code           the stable {@code CartErrorCode}, or a service code ({@code UNAUTHENTICATED},
 *                       {@code NOT_FOUND}, {@code METHOD_NOT_ALLOWED}, {@code UNSUPPORTED_MEDIA_TYPE},
 *                       {@code NOT_ACCEPTABLE}) for what the engine never sees
 * @param currentVersion the cart's version, for a version conflict or a stale {@code If-Match}
 * @param instance       the request path
 */
@Schema(name = "Problem", example = "{\"type\": \"https://cartflow.dev/problems/out-of-stock\", \"title\": "
        + "\"Out of stock\", \"status\": 422, \"detail\": \"only 2 left\", \"code\": \"OUT_OF_STOCK\", "
        + "\"instance\": \"/carts/7b0c.../lines\"}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemJson(String type, String title, int status, String detail, String code,
                          @Nullable Long currentVersion, @Nullable String instance) {
}
