package dev.cartflow.service.http;

import tools.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The request bodies of the cart resources. */
final class Bodies {
    private Bodies() {
    }

    /**
     * A new cart.
     *
     * @param currency      ISO 4217 code
     * @param country       ISO 3166 ship-to country
     * @param customerGroup the price group, or null
     * @param metadata      the host's JSON object, or null
     */
    @Schema(name = "NewCart", example = "{\"currency\": \"EUR\", \"country\": \"DE\"}")
    record NewCartBody(@Nullable String currency, @Nullable String country, @Nullable String customerGroup,
                       @Nullable @Schema(types = "object", example = "{\"giftWrap\": true}") JsonNode metadata) {
    }

    /**
     * Units of a product to add.
     *
     * @param sku       the product
     * @param quantity  a positive whole number of units
     * @param warehouse where from, or null for the default warehouse
     */
    @Schema(name = "AddLine", example = "{\"sku\": \"MUG\", \"quantity\": 2}")
    record AddLineBody(@Nullable String sku, @Nullable BigDecimal quantity, @Nullable String warehouse) {
    }

    /**
     * A line's new quantity.
     *
     * @param quantity the units; 0 removes the line
     */
    @Schema(name = "SetQuantity", example = "{\"quantity\": 3}")
    record QuantityBody(@Nullable BigDecimal quantity) {
    }

    /**
     * A code to apply.
     *
     * @param code the promotion code
     */
    @Schema(name = "ApplyCode", example = "{\"code\": \"WELCOME10\"}")
    record CodeBody(@Nullable String code) {
    }

    /**
     * A shipping method to select.
     *
     * @param methodId the method's id
     */
    @Schema(name = "SelectShipping", example = "{\"methodId\": \"STANDARD\"}")
    record ShippingBody(@Nullable String methodId) {
    }

    /**
     * A new ship-to country.
     *
     * @param country ISO 3166 code
     */
    @Schema(name = "ChangeCountry", example = "{\"country\": \"AT\"}")
    record CountryBody(@Nullable String country) {
    }

    /**
     * How to merge.
     *
     * @param policy SUM (default), MAX or GUEST_WINS
     */
    @Schema(name = "Merge", example = "{\"policy\": \"SUM\"}")
    record MergeBody(@Nullable String policy) {
    }
}
