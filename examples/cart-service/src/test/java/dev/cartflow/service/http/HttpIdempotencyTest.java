package dev.cartflow.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.Mutation;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.Sku;
import dev.cartflow.service.CartServiceApplication;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Idempotent repeats answer the first response; large carts are paged. */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartservice.demo.enabled=false")
@Import(TestShop.class)
class HttpIdempotencyTest {
    @LocalServerPort
    int port;
    @Autowired
    CartEngine engine;
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
    void everyMutationRepeatedWithItsKey_sameStatusAndBody_appliedOnce() {
        String lineId = repeatTwice("POST", guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":2}", "k-add")
                .get("lines").get(0).get("lineId").asText();
        assertThat(repeatTwice("PATCH", guest.path("/lines/" + lineId), "{\"quantity\":4}", "k-patch")
                .get("lines").get(0).get("quantity").asInt()).isEqualTo(4);
        repeatTwice("POST", guest.path("/codes"), "{\"code\":\"WELCOME10\"}", "k-code");
        repeatTwice("PUT", guest.path("/shipping-method"), "{\"methodId\":\"STANDARD\"}", "k-ship");
        repeatTwice("PUT", guest.path("/metadata"), "{\"note\":\"x\"}", "k-meta");
        repeatTwice("DELETE", guest.path("/codes/WELCOME10"), null, "k-uncode");
        JsonNode checkedOut = repeatTwice("POST", guest.path("/checkout"), null, "k-checkout");

        assertThat(checkedOut.get("state").asText()).isEqualTo("CHECKED_OUT");
        List<String> types = new ArrayList<>();
        engine.changesSince(Actor.guest(guest.token()), CartId.parse(guest.id()), 0)
                .forEach(event -> types.add(event.type().name()));
        assertThat(types).containsExactly("CREATED", "LINE_ADDED", "QUANTITY_CHANGED", "CODE_APPLIED",
                "SHIPPING_SELECTED", "METADATA_CHANGED", "CODE_REMOVED", "CHECKED_OUT");
    }

    @Test
    void createRepeatedWithItsKey_theSameCartAndToken() {
        String body = "{\"currency\":\"EUR\",\"country\":\"DE\"}";
        Api.Answer first = api.post("/carts", body, "Idempotency-Key", "k-create-1");
        Api.Answer again = api.post("/carts", body, "Idempotency-Key", "k-create-1");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.json().get("token").asText()).isEqualTo(first.json().get("token").asText());
        assertThat(api.post("/carts", "{\"currency\":\"EUR\",\"country\":\"AT\"}", "Idempotency-Key", "k-create-1")
                .status()).isEqualTo(422);
    }

    @Test
    void createWithTheSameKeyByTwoCustomers_eachGetsTheirOwnCart() {
        String body = "{\"currency\":\"EUR\",\"country\":\"DE\"}";
        String alice = tokens.mint(new Principal.Customer("cust-idem-alice"), Duration.ofMinutes(5));
        String bob = tokens.mint(new Principal.Customer("cust-idem-bob"), Duration.ofMinutes(5));

        Api.Answer first = api.post("/carts", body, "Authorization", "Bearer " + alice, "Idempotency-Key", "shared-key");
        Api.Answer second = api.post("/carts", body, "Authorization", "Bearer " + bob, "Idempotency-Key", "shared-key");

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asText()).isNotEqualTo(first.json().get("id").asText());
        assertThat(api.get("/customers/cust-idem-bob/cart", "Authorization", "Bearer " + bob).json().get("id").asText())
                .isEqualTo(second.json().get("id").asText());
    }

    @Test
    void mergeRepeatedWithItsKey_answersTheFirstMerge_linesMovedOnce() {
        String bearer = tokens.mint(new Principal.Customer("cust-idem-1"), Duration.ofMinutes(5));
        api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}", guest.auth());
        String[] headers = guest.auth("Authorization", "Bearer " + bearer, "Idempotency-Key", "k-merge-1");

        Api.Answer first = api.post(guest.path("/merge"), null, headers);
        Api.Answer again = api.post(guest.path("/merge"), null, headers);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        JsonNode lines = api.get("/customers/cust-idem-1/cart", "Authorization", "Bearer " + bearer).json().get("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("quantity").asInt()).isEqualTo(1);
    }

    @Test
    void largeCart_firstHundredLinesInlineAndTheRestPaged() {
        List<CartCommand.LineCommand> adds = new ArrayList<>();
        for (int i = 0; i < TestShop.MANY; i++) {
            adds.add(new CartCommand.AddItem(Sku.of(TestShop.many(i)), 1));
        }
        engine.execute(Actor.guest(guest.token()), CartId.parse(guest.id()), new CartCommand.Bulk(adds), Mutation.none());

        JsonNode cart = api.get(guest.path(""), guest.auth()).json();
        assertThat(cart.get("lines")).hasSize(CartViews.INLINE_LINES);
        assertThat(cart.get("linesPage").get("total").asInt()).isEqualTo(TestShop.MANY);
        assertThat(cart.get("totals").get("subtotal").get("amount").asText()).isEqualTo(TestShop.MANY + ".00");
        String next = cart.get("linesPage").get("next").asText();
        assertThat(next).isEqualTo(guest.path("/lines?offset=100&limit=100"));

        Api.Answer page = api.get(guest.path("/lines?offset=100&limit=20"), guest.auth());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("lines")).hasSize(20);
        assertThat(page.json().get("lines").get(0).get("sku").asText()).isEqualTo(TestShop.many(100));
        assertThat(page.json().get("page").get("next").asText()).isEqualTo(guest.path("/lines?offset=120&limit=20"));
        Api.Answer last = api.get(guest.path("/lines?offset=120&limit=20"), guest.auth());
        assertThat(last.json().get("lines")).hasSize(TestShop.MANY - 120);
        assertThat(last.json().get("page").get("next").isNull()).isTrue();
    }

    private JsonNode repeatTwice(String method, String path, String body, String key) {
        Api.Answer first = api.call(method, path, body, guest.auth("Idempotency-Key", key));
        Api.Answer again = api.call(method, path, body, guest.auth("Idempotency-Key", key));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        return first.json();
    }
}
