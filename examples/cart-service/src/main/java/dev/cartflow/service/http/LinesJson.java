package dev.cartflow.service.http;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A page of a cart's priced lines ({@code GET /carts/{id}/lines}).
 *
 * @param cartId  the cart
 * @param version its version, also the response's {@code ETag}
 * @param lines   the lines of this page
 * @param page    where the page stands
 */
@Schema(name = "LinesPageResponse")
public record LinesJson(String cartId, long version, List<CartJson.LineJson> lines, CartJson.LinesPageJson page) {
}
