package dev.cartflow.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.service.CartServiceApplication;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The client-caused statuses of API.md's error table, each as problem+json with its code. */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartservice.demo.enabled=false")
@Import(TestShop.class)
class HttpErrorStatusTest {
    @LocalServerPort
    int port;
    @Autowired
    HmacTokenVerifier tokens;
    Api api;
    Api.Guest guest;

    @BeforeEach
    void cart() {
        api = new Api(port);
        guest = api.guest("EUR", "DE");
    }

    @Test
    void badInput_400InvalidInput() {
        problem(api.post("/carts", "{\"currency\":\"EURO\",\"country\":\"DE\"}"), 400, "INVALID_INPUT");
        problem(api.post("/carts", "{\"currency\":\"EUR\"}"), 400, "INVALID_INPUT");
        problem(api.post("/carts", "{\"currency\":"), 400, "INVALID_INPUT");
        problem(api.get("/carts/not-a-cart", guest.auth()), 400, "INVALID_INPUT");
        problem(api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth("If-Match", "v1")),
                400, "INVALID_INPUT");
        problem(api.post(guest.path("/lines"), "{\"quantity\":1}", guest.auth()), 400, "INVALID_INPUT");
        problem(api.call("PUT", guest.path("/metadata"), "[1,2]", guest.auth()), 400, "INVALID_INPUT");
        problem(api.get(guest.path("/lines?offset=-1"), guest.auth()), 400, "INVALID_INPUT");
        problem(api.post(guest.path("/merge"), "{\"policy\":\"HALF\"}",
                guest.auth("Authorization", "Bearer " + customer("cust-err-1"))), 400, "INVALID_INPUT");
    }

    @Test
    void missingOrUnverifiableCredentials_401() {
        problem(api.get(guest.path("")), 401, "UNAUTHENTICATED");
        problem(api.get(guest.path(""), "Authorization", "Bearer forged.token.here"), 401, "UNAUTHENTICATED");
        problem(api.get(guest.path(""), "X-Api-Key", "not-a-key"), 401, "UNAUTHENTICATED");
        problem(api.post(guest.path("/merge"), null, guest.auth()), 401, "UNAUTHENTICATED");
        String expired = tokens.mint(new Principal.Customer("cust-err-2"), Duration.ofSeconds(-5));
        problem(api.get("/customers/cust-err-2/cart", "Authorization", "Bearer " + expired), 401, "UNAUTHENTICATED");
    }

    @Test
    void wrongTokenOrStrangersCart_403AccessDeniedAlsoForAMissingCart() {
        problem(api.get(guest.path(""), "Cart-Token", "someone-elses-token"), 403, "ACCESS_DENIED");
        problem(api.get("/carts/" + UUID.randomUUID(), guest.auth()), 403, "ACCESS_DENIED");
        problem(api.get("/customers/cust-err-3/cart", "Authorization", "Bearer " + customer("cust-err-4")),
                403, "ACCESS_DENIED");
    }

    @Test
    void missingCartForAService_404CartNotFound_unknownPath404() {
        problem(api.get("/carts/" + UUID.randomUUID(), "X-Api-Key", "demo-order-service-key"), 404, "CART_NOT_FOUND");
        problem(api.get("/customers/cust-err-5/cart", "Authorization", "Bearer " + customer("cust-err-5")),
                404, "CART_NOT_FOUND");
        problem(api.get("/no/such/path"), 404, "NOT_FOUND");
    }

    @Test
    void changeOnACheckedOutCart_409CartNotActive() {
        api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth());
        assertThat(api.post(guest.path("/checkout"), null, guest.auth()).status()).isEqualTo(200);

        problem(api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}", guest.auth()), 409, "CART_NOT_ACTIVE");
        problem(api.post(guest.path("/checkout"), null, guest.auth()), 409, "CART_NOT_ACTIVE");
    }

    @Test
    void staleIfMatch_412WithTheCurrentVersion_nothingChanged() {
        long created = api.get(guest.path(""), guest.auth()).json().get("version").asLong();
        api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth());

        Api.Answer stale = api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}",
                guest.auth("If-Match", "\"" + created + "\""));

        JsonNode body = problem(stale, 412, "VERSION_CONFLICT");
        assertThat(body.get("currentVersion").asLong()).isEqualTo(created + 1);
        assertThat(api.get(guest.path(""), guest.auth()).json().get("lines")).hasSize(1);
        Api.Answer fresh = api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}",
                guest.auth("If-Match", "\"" + (created + 1) + "\""));
        assertThat(fresh.status()).isEqualTo(200);
    }

    @Test
    void businessRules_422WithTheEngineCode() {
        problem(api.post(guest.path("/lines"), "{\"sku\":\"NOPE\",\"quantity\":1}", guest.auth()), 422, "PRODUCT_NOT_FOUND");
        api.call("PUT", guest.path("/country"), "{\"country\":\"AT\"}", guest.auth());
        problem(api.post(guest.path("/lines"), "{\"sku\":\"LOCAL\",\"quantity\":1}", guest.auth()), 422, "COUNTRY_RESTRICTED");
        problem(api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":2.5}", guest.auth()), 422, "INVALID_QUANTITY");
        problem(api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":-1}", guest.auth()), 422, "INVALID_QUANTITY");
        problem(api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":11}", guest.auth()), 422, "QUANTITY_LIMIT");
        problem(api.post(guest.path("/lines"), "{\"sku\":\"SCARCE\",\"quantity\":3}", guest.auth()), 422, "OUT_OF_STOCK");
        problem(api.post(guest.path("/codes"), "{\"code\":\"NOSUCHCODE\"}", guest.auth()), 422, "PROMOTION_NOT_FOUND");
        problem(api.call("PUT", guest.path("/shipping-method"), "{\"methodId\":\"DRONE\"}", guest.auth()),
                422, "SHIPPING_NOT_AVAILABLE");
    }

    @Test
    void singleUseCodeSpent_secondCheckout422PromotionExhausted() {
        Api.Guest first = api.guest("EUR", "DE");
        api.post(first.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", first.auth());
        api.post(first.path("/codes"), "{\"code\":\"ONCE\"}", first.auth());
        api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth());
        api.post(guest.path("/codes"), "{\"code\":\"ONCE\"}", guest.auth());
        assertThat(api.post(first.path("/checkout"), null, first.auth()).status()).isEqualTo(200);

        problem(api.post(guest.path("/checkout"), null, guest.auth()), 422, "PROMOTION_EXHAUSTED");
    }

    @Test
    void mergeAcrossCurrencies_422CurrencyMismatch() {
        String bearer = customer("cust-err-6");
        api.post("/carts", "{\"currency\":\"USD\",\"country\":\"DE\"}", "Authorization", "Bearer " + bearer);
        api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth());

        problem(api.post(guest.path("/merge"), null, guest.auth("Authorization", "Bearer " + bearer)),
                422, "CURRENCY_MISMATCH");
    }

    @Test
    void idempotencyKeyReusedForAnotherRequest_422() {
        api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth("Idempotency-Key", "reuse-1"));

        problem(api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}", guest.auth("Idempotency-Key", "reuse-1")),
                422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void wrongMethodOrMediaType_405And415AsProblems() {
        problem(api.call("PUT", "/carts", "{}"), 405, "METHOD_NOT_ALLOWED");
        Api.Answer text = api.call("POST", guest.path("/lines"), null, guest.auth("Content-Type", "text/plain"));
        assertThat(text.status()).isIn(400, 415);
        assertThat(text.contentType()).startsWith("application/problem+json");
    }

    private String customer(String id) {
        return tokens.mint(new Principal.Customer(id), Duration.ofMinutes(5));
    }

    static JsonNode problem(Api.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("type").asText()).isNotBlank();
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("detail").asText()).isNotBlank()
                .doesNotContain("Exception").doesNotContain("dev.cartflow").doesNotContain("\tat ");
        return body;
    }
}
