package dev.cartflow.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /products} over real HTTP: the shape the page builds on, both currencies, the filters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProductsResourceTest {
    @LocalServerPort
    int port;

    private JsonNode products(String query) {
        return ShopClient.ok(ShopClient.anonymous(port).get("/products" + query));
    }

    @Test
    void products_noQuery_listsEveryProductInEuroWithTheShapeOfThePage() {
        JsonNode page = products("");

        assertThat(page.get("currency").asText()).isEqualTo("EUR");
        assertThat(page.get("products")).hasSize(DemoCatalog.ITEMS.size());
        JsonNode mug = find(page.get("products"), "sku", "MUG");
        DemoCatalog.Item item = DemoCatalog.get("MUG");
        assertThat(mug.get("name").asText()).isEqualTo(item.name());
        assertThat(mug.get("category").asText()).isEqualTo(item.category());
        assertThat(mug.get("brand").asText()).isEqualTo(item.brand());
        assertThat(mug.get("price").get("amount").isTextual()).isTrue();
        assertThat(mug.get("price").get("amount").asText()).isEqualTo(item.eur());
        assertThat(mug.get("price").get("currency").asText()).isEqualTo("EUR");
        assertThat(mug.get("maxQuantity").asInt()).isEqualTo(item.max());
        assertThat(mug.get("minQuantity").asInt()).isEqualTo(item.min());
        assertThat(mug.get("quantityStep").asInt()).isEqualTo(item.step());
        assertThat(mug.get("inStock").asBoolean()).isTrue();
        assertThat(mug.get("countries").isArray()).isTrue();
        assertThat(texts(page.get("currencies"))).containsExactly("EUR", "USD");
        assertThat(texts(page.get("categories"))).isEqualTo(
                DemoCatalog.ITEMS.stream().map(DemoCatalog.Item::category).distinct().sorted().toList());
        assertThat(texts(page.get("brands"))).isEqualTo(
                DemoCatalog.ITEMS.stream().map(DemoCatalog.Item::brand).distinct().sorted().toList());
    }

    @Test
    void products_noQuery_describesCountriesShippingAndCodes() {
        JsonNode page = products("");

        JsonNode us = find(page.get("countries"), "code", "US");
        assertThat(us.get("currency").asText()).isEqualTo("USD");
        assertThat(texts(us.get("subdivisions"), "code")).contains("CA", "NY");
        JsonNode germany = find(page.get("countries"), "code", "DE");
        assertThat(germany.get("name").asText()).isEqualTo("Germany");
        assertThat(germany.get("subdivisions")).isEmpty();

        JsonNode standard = null;
        for (JsonNode method : page.get("shippingMethods")) {
            if (method.get("id").asText().equals("STANDARD") && texts(method.get("countries")).contains("DE")) {
                standard = method;
            }
        }
        assertThat(standard).isNotNull();
        assertThat(standard.get("price").get("amount").asText()).isEqualTo("4.90");
        assertThat(standard.get("freeAbove").get("amount").asText()).isEqualTo("50.00");
        assertThat(texts(standard.get("countries"))).contains("DE", "AT");
        JsonNode express = find(page.get("shippingMethods"), "id", "EXPRESS");
        assertThat(express.has("freeAbove")).isTrue();
        assertThat(express.get("freeAbove").isNull()).isTrue();

        JsonNode welcome = find(page.get("codes"), "code", "WELCOME10");
        assertThat(welcome.get("description").asText()).isEqualTo(DemoPromotions.describe("WELCOME10"));
        Set<String> codedInEuro = DemoPromotions.inCurrency(DemoCatalog.EUR).filter(p -> p.coded())
                .map(p -> p.code()).collect(Collectors.toSet());
        assertThat(texts(page.get("codes"), "code")).containsExactlyInAnyOrderElementsOf(codedInEuro);
    }

    @Test
    void products_currencyUsd_pricesEveryProductAndShippingInDollars() {
        JsonNode page = products("?currency=USD");

        assertThat(page.get("currency").asText()).isEqualTo("USD");
        for (JsonNode product : page.get("products")) {
            DemoCatalog.Item item = DemoCatalog.get(product.get("sku").asText());
            assertThat(product.get("price").get("currency").asText()).isEqualTo("USD");
            assertThat(product.get("price").get("amount").asText()).isEqualTo(item.usd());
        }
        for (JsonNode method : page.get("shippingMethods")) {
            assertThat(method.get("price").get("currency").asText()).isEqualTo("USD");
        }
        JsonNode save5 = find(page.get("codes"), "code", "SAVE5");
        assertThat(save5.get("description").asText()).isEqualTo(DemoPromotions.describe("SAVE5-USD"));
    }

    @Test
    void products_categoryFilter_listsOnlyThatCategoryButEveryCategoryForTheFilter() {
        JsonNode page = products("?category=shoes");

        List<String> expected = DemoCatalog.ITEMS.stream().filter(i -> i.category().equals("shoes"))
                .map(DemoCatalog.Item::sku).toList();
        assertThat(texts(page.get("products"), "sku")).isEqualTo(expected).isNotEmpty();
        assertThat(texts(page.get("categories"))).contains("kitchen", "shoes");
    }

    @Test
    void products_brandAndQueryFilters_combine() {
        JsonNode byBrand = products("?brand=Trailhead");
        JsonNode byBrandAndQuery = products("?brand=Trailhead&q=shoe");

        assertThat(texts(byBrand.get("products"), "sku")).isEqualTo(DemoCatalog.ITEMS.stream()
                .filter(i -> i.brand().equals("Trailhead")).map(DemoCatalog.Item::sku).toList());
        assertThat(texts(byBrandAndQuery.get("products"), "sku")).containsExactly("TRAIL");
    }

    @Test
    void products_stockOfTheDemo_marksTheSoldOutPlanter() {
        JsonNode page = products("?q=planter");

        assertThat(find(page.get("products"), "sku", "PLANTER").get("inStock").asBoolean()).isFalse();
    }

    @Test
    void products_unknownCurrency_answersInvalidInputProblem() {
        ShopClient.Answer answer = ShopClient.anonymous(port).get("/products?currency=GBP");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).isEqualTo("INVALID_INPUT");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.get(field).asText()));
        return texts;
    }
}
