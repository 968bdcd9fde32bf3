package dev.cartflow.service.http;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.error.CartErrorCode;
import dev.cartflow.error.CartException;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.LineId;
import dev.cartflow.model.Sku;
import dev.cartflow.service.auth.ActorResolver;
import tools.jackson.databind.JsonNode;
import dev.cartflow.service.openapi.ApiContract;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The changes to one cart: lines, codes, shipping, country and metadata. Each answers with the
 * whole priced cart; {@code If-Match} makes it strict and {@code Idempotency-Key} retry-safe, both
 * through the engine.
 */
@Tag(name = "Cart changes", description = "Changing a cart; each answers with the whole priced cart")
@RestController
class CartChanges {
    private final CartEngine engine;
    private final ActorResolver actors;
    private final CartViews views;

    CartChanges(CartEngine engine, ActorResolver actors, CartViews views) {
        this.engine = engine;
        this.actors = actors;
        this.views = views;
    }

    @Operation(summary = "Add a product", description = "Adds units of a product (merged into its line when the cart has one).")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @PostMapping(path = "/carts/{id}/lines", consumes = "application/json")
    ResponseEntity<CartJson> add(@PathVariable String id, @RequestBody Bodies.AddLineBody body,
                                 HttpServletRequest request) {
        if (body.sku() == null || body.quantity() == null) {
            throw CartException.invalidInput("sku and quantity are required");
        }
        return run(id, new CartCommand.AddItem(Sku.of(body.sku()), quantity(body.quantity()), body.warehouse()),
                request);
    }

    @Operation(summary = "Set a line's quantity", description = "0 removes the line.")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @PatchMapping(path = "/carts/{id}/lines/{lineId}", consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<CartJson> setQuantity(@PathVariable String id, @PathVariable String lineId,
                                         @RequestBody Bodies.QuantityBody body, HttpServletRequest request) {
        if (body.quantity() == null) {
            throw CartException.invalidInput("quantity is required");
        }
        return run(id, new CartCommand.SetQuantity(new LineId(lineId), quantity(body.quantity())), request);
    }

    @Operation(summary = "Remove a line")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @DeleteMapping("/carts/{id}/lines/{lineId}")
    ResponseEntity<CartJson> remove(@PathVariable String id, @PathVariable String lineId,
                                    HttpServletRequest request) {
        return run(id, new CartCommand.RemoveLines(List.of(new LineId(lineId))), request);
    }

    @Operation(summary = "Clear the cart", description = "Removes every line.")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @DeleteMapping("/carts/{id}/lines")
    ResponseEntity<CartJson> clear(@PathVariable String id, HttpServletRequest request) {
        return run(id, new CartCommand.Clear(), request);
    }

    @Operation(summary = "Apply a code")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @PostMapping(path = "/carts/{id}/codes", consumes = "application/json")
    ResponseEntity<CartJson> applyCode(@PathVariable String id, @RequestBody Bodies.CodeBody body,
                                       HttpServletRequest request) {
        if (body.code() == null) {
            throw CartException.invalidInput("code is required");
        }
        return run(id, new CartCommand.ApplyCode(body.code()), request);
    }

    @Operation(summary = "Remove a code")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @DeleteMapping("/carts/{id}/codes/{code}")
    ResponseEntity<CartJson> removeCode(@PathVariable String id, @PathVariable String code,
                                        HttpServletRequest request) {
        return run(id, new CartCommand.RemoveCode(code), request);
    }

    @Operation(summary = "Select the shipping method")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @PutMapping(path = "/carts/{id}/shipping-method", consumes = "application/json")
    ResponseEntity<CartJson> selectShipping(@PathVariable String id, @RequestBody Bodies.ShippingBody body,
                                            HttpServletRequest request) {
        if (body.methodId() == null) {
            throw CartException.invalidInput("methodId is required");
        }
        return run(id, new CartCommand.SelectShipping(body.methodId()), request);
    }

    @Operation(summary = "Change the ship-to country")
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @PutMapping(path = "/carts/{id}/country", consumes = "application/json")
    ResponseEntity<CartJson> changeCountry(@PathVariable String id, @RequestBody Bodies.CountryBody body,
                                           HttpServletRequest request) {
        if (body.country() == null) {
            throw CartException.invalidInput("country is required");
        }
        return run(id, new CartCommand.ChangeCountry(body.country()), request);
    }

    @Operation(summary = "Replace the cart's metadata", description = "The host's own JSON object.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(types = "object", example = "{\"giftWrap\": true}"))))
    @ApiContract(access = ApiContract.Access.CART, problems = {400, 401, 403, 404, 409, 412, 422, 429, 500, 503})
    @PutMapping(path = "/carts/{id}/metadata", consumes = "application/json")
    ResponseEntity<CartJson> setMetadata(@PathVariable String id, @RequestBody JsonNode body,
                                         HttpServletRequest request) {
        if (!body.isObject()) {
            throw CartException.invalidInput("metadata must be a JSON object");
        }
        return run(id, new CartCommand.SetMetadata(body.toString()), request);
    }

    private ResponseEntity<CartJson> run(String id, CartCommand command, HttpServletRequest request) {
        CartId cartId = Requests.cartId(id);
        Actor actor = actors.actor(Requests.credentials(request));
        engine.execute(actor, cartId, command, Requests.mutation(request));
        return answer(views.cart(engine.price(actor, cartId)));
    }

    /** A cart answer: {@code 200} with the version as the {@code ETag}. */
    static ResponseEntity<CartJson> answer(CartJson cart) {
        return ResponseEntity.ok().eTag(Requests.etag(cart.version())).body(cart);
    }

    /** A JSON quantity as the engine's int: a fraction or a number past int is not a quantity. */
    static int quantity(BigDecimal quantity) {
        try {
            return quantity.intValueExact();
        } catch (ArithmeticException e) {
            throw new CartException(CartErrorCode.INVALID_QUANTITY, "quantity must be a whole number of units");
        }
    }
}
