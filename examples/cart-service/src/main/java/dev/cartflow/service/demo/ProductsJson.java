package dev.cartflow.service.demo;

import dev.cartflow.service.http.MoneyJson;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The demo catalog for the page ({@code GET /products}): the products in one currency, and what
 * the page's filters and choices need.
 *
 * @param currency        the currency of every price
 * @param products        the products that pass the filters
 * @param categories      every category of the shop
 * @param brands          every brand of the shop
 * @param currencies      the currencies the shop sells in
 * @param countries       where it ships to
 * @param shippingMethods its shipping methods in this currency
 * @param codes           the coupon codes a cart in this currency can take
 */
@Schema(name = "DemoCatalog", example = "{\"currency\": \"EUR\", \"products\": [{\"sku\": \"MUG\", \"name\": \"Enamel mug\", \"category\": \"kitchen\", \"brand\": \"Acme\", \"price\": {\"amount\": \"12.50\", \"currency\": \"EUR\"}, \"countries\": [], \"minQuantity\": 1, \"maxQuantity\": 10, \"quantityStep\": 1, \"inStock\": true}], \"categories\": [\"kitchen\"], \"brands\": [\"Acme\"], \"currencies\": [\"EUR\", \"USD\"], \"countries\": [{\"code\": \"DE\", \"name\": \"Germany\", \"currency\": \"EUR\", \"subdivisions\": []}], \"shippingMethods\": [{\"id\": \"STANDARD\", \"name\": \"Standard\", \"price\": {\"amount\": \"4.90\", \"currency\": \"EUR\"}, \"freeAbove\": {\"amount\": \"50.00\", \"currency\": \"EUR\"}, \"countries\": [\"DE\", \"AT\"]}], \"codes\": [{\"code\": \"WELCOME10\", \"description\": \"10 % off your first order\"}]}")
record ProductsJson(String currency, List<ProductJson> products, List<String> categories, List<String> brands,
                    List<String> currencies, List<CountryJson> countries, List<ShippingMethodJson> shippingMethods,
                    List<CodeJson> codes) {

    /**
     * A product.
     *
     * @param sku           its sku
     * @param name          its name
     * @param category      its category
     * @param brand         its brand
     * @param price         its net unit price
     * @param countries     where it may be sold; empty for everywhere
     * @param minQuantity   the smallest line quantity
     * @param maxQuantity   the largest line quantity
     * @param quantityStep  a line's quantity is a multiple of this
     * @param inStock       whether any warehouse has it (an untracked product always has)
     */
    @Schema(name = "DemoProduct")
    record ProductJson(String sku, String name, String category, String brand, MoneyJson price,
                       List<String> countries, int minQuantity, int maxQuantity, int quantityStep, boolean inStock) {
    }

    /**
     * A country.
     *
     * @param code         ISO 3166-1 alpha-2
     * @param name         its name
     * @param currency     the currency its shoppers usually pay in
     * @param subdivisions the states with their own tax, for the address
     */
    @Schema(name = "DemoCountry")
    record CountryJson(String code, String name, String currency, List<SubdivisionJson> subdivisions) {
    }

    /**
     * A state or province.
     *
     * @param code the subdivision code without the country ({@code CA})
     * @param name its name
     */
    @Schema(name = "DemoSubdivision")
    record SubdivisionJson(String code, String name) {
    }

    /**
     * A shipping method as offered to some countries.
     *
     * @param id        the id carts select
     * @param name      its name
     * @param price     the net price
     * @param freeAbove the items' amount from which it is free, or null
     * @param countries where it ships to at this price
     */
    @Schema(name = "DemoShippingMethod")
    record ShippingMethodJson(String id, String name, MoneyJson price, @Nullable MoneyJson freeAbove,
                              List<String> countries) {
    }

    /**
     * A coupon code.
     *
     * @param code        the code to type
     * @param description what it gives
     */
    @Schema(name = "DemoCode")
    record CodeJson(String code, String description) {
    }
}
