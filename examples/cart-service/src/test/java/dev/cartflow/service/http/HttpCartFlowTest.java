package dev.cartflow.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.Invitation;
import dev.cartflow.core.Mutation;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CartState;
import dev.cartflow.model.Participant;
import dev.cartflow.model.PricedCart;
import dev.cartflow.service.CartServiceApplication;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Every resource of API.md answering its success, over real HTTP, the figures checked against the engine. */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartservice.demo.enabled=false")
@Import(TestShop.class)
class HttpCartFlowTest {
    @LocalServerPort
    int port;
    @Autowired
    CartEngine engine;
    @Autowired
    HmacTokenVerifier tokens;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void createGuestCart_noCredentials_201WithLocationETagAndTokenOnce() {
        Api.Answer created = api.post("/carts", "{\"currency\":\"EUR\",\"country\":\"DE\",\"metadata\":{\"channel\":\"web\"}}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode cart = created.json();
        assertThat(created.header("Location")).contains("/carts/" + cart.get("id").asText());
        assertThat(created.header("ETag")).contains("\"" + cart.get("version").asLong() + "\"");
        assertThat(cart.get("owner").asText()).isEqualTo("GUEST");
        assertThat(cart.get("metadata").get("channel").asText()).isEqualTo("web");
        String token = cart.get("token").asText();
        Api.Answer read = api.get("/carts/" + cart.get("id").asText(), "Cart-Token", token);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("token")).isFalse();
    }

    @Test
    void createCustomerCart_bearerToken_customerOwnsIt() {
        String bearer = tokens.mint(new Principal.Customer("cust-flow-1"), Duration.ofMinutes(5));
        Api.Answer created = api.post("/carts", "{\"currency\":\"EUR\",\"country\":\"DE\"}",
                "Authorization", "Bearer " + bearer);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("owner").asText()).isEqualTo("CUSTOMER");
        assertThat(created.json().has("token")).isFalse();
        Api.Answer mine = api.get("/customers/cust-flow-1/cart", "Authorization", "Bearer " + bearer);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("id").asText()).isEqualTo(created.json().get("id").asText());
    }

    @Test
    void lineCodeShippingCountryAndMetadataChanges_eachAnswersThePricedCartTheEngineComputes() {
        Api.Guest guest = api.guest("EUR", "DE");
        Api.Answer added = api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":2}", guest.auth());
        assertThat(added.status()).isEqualTo(200);
        assertMatchesEngine(added, guest);
        String lineId = added.json().get("lines").get(0).get("lineId").asText();

        Api.Answer tea = api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":3}", guest.auth());
        assertThat(tea.json().get("lines")).hasSize(2);
        Api.Answer patched = api.call("PATCH", guest.path("/lines/" + lineId), "{\"quantity\":5}", guest.auth());
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("lines").get(0).get("quantity").asInt()).isEqualTo(5);
        assertMatchesEngine(patched, guest);

        Api.Answer coded = api.post(guest.path("/codes"), "{\"code\":\"WELCOME10\"}", guest.auth());
        assertThat(coded.status()).isEqualTo(200);
        JsonNode welcome = promotion(coded.json(), "WELCOME10");
        assertThat(welcome.get("result").asText()).isEqualTo("APPLIED");
        assertThat(welcome.get("description").asText()).isEqualTo("10 % off your order");
        assertThat(coded.json().get("codes").get(0).get("code").asText()).isEqualTo("WELCOME10");
        assertMatchesEngine(coded, guest);

        Api.Answer shipped = api.call("PUT", guest.path("/shipping-method"), "{\"methodId\":\"STANDARD\"}", guest.auth());
        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.json().get("shippingMethod").asText()).isEqualTo("STANDARD");
        assertMatchesEngine(shipped, guest);

        Api.Answer moved = api.call("PUT", guest.path("/country"), "{\"country\":\"AT\"}", guest.auth());
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("country").asText()).isEqualTo("AT");

        Api.Answer meta = api.call("PUT", guest.path("/metadata"), "{\"giftWrap\":true}", guest.auth());
        assertThat(meta.status()).isEqualTo(200);
        assertThat(meta.json().get("metadata").get("giftWrap").asBoolean()).isTrue();

        Api.Answer uncoded = api.call("DELETE", guest.path("/codes/WELCOME10"), null, guest.auth());
        assertThat(uncoded.json().get("codes")).isEmpty();
        Api.Answer removed = api.call("DELETE", guest.path("/lines/" + lineId), null, guest.auth());
        assertThat(removed.json().get("lines")).hasSize(1);
        Api.Answer cleared = api.call("DELETE", guest.path("/lines"), null, guest.auth());
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("lines")).isEmpty();
        assertThat(cleared.header("ETag")).contains("\"" + cleared.json().get("version").asLong() + "\"");
    }

    @Test
    void setQuantity_zero_removesTheLine() {
        Api.Guest guest = api.guest("EUR", "DE");
        String lineId = api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}", guest.auth())
                .json().get("lines").get(0).get("lineId").asText();

        Api.Answer zero = api.call("PATCH", guest.path("/lines/" + lineId), "{\"quantity\":0}", guest.auth());

        assertThat(zero.status()).isEqualTo(200);
        assertThat(zero.json().get("lines")).isEmpty();
    }

    @Test
    void moneyInJson_decimalStringsInTheCurrencysDigits_neverNumbers() {
        Api.Guest guest = api.guest("EUR", "DE");
        JsonNode cart = api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth()).json();

        JsonNode total = cart.get("totals").get("total");
        assertThat(total.get("amount").isTextual()).isTrue();
        assertThat(total.get("amount").asText()).matches("\\d+\\.\\d{2}");
        assertThat(total.get("currency").asText()).isEqualTo("EUR");
        assertThat(cart.get("lines").get(0).get("unitPrice").get("amount").asText()).isEqualTo("12.50");
    }

    @Test
    void checkout_activeCart_handOffWithReservationAndCheckedOutState() {
        Api.Guest guest = api.guest("EUR", "DE");
        api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth());

        Api.Answer checkout = api.post(guest.path("/checkout"), null, guest.auth());

        assertThat(checkout.status()).isEqualTo(200);
        assertThat(checkout.json().get("state").asText()).isEqualTo("CHECKED_OUT");
        assertThat(checkout.json().get("checkout").get("reservationId").asText()).isNotBlank();
        assertThat(engine.get(Actor.guest(guest.token()), CartId.parse(guest.id())).state())
                .isEqualTo(CartState.CHECKED_OUT);
    }

    @Test
    void mergeAndPreview_guestIntoSignedInCustomer_previewChangesNothingMergeMovesTheLines() {
        String bearer = tokens.mint(new Principal.Customer("cust-merge-1"), Duration.ofMinutes(5));
        Api.Guest mine = new Api.Guest(api.post("/carts", "{\"currency\":\"EUR\",\"country\":\"DE\"}",
                "Authorization", "Bearer " + bearer).json().get("id").asText(), null);
        api.post(mine.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", "Authorization", "Bearer " + bearer);
        Api.Guest guest = api.guest("EUR", "DE");
        api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":2}", guest.auth());

        Api.Answer preview = api.post(guest.path("/merge-preview"), "{\"policy\":\"SUM\"}",
                guest.auth("Authorization", "Bearer " + bearer));
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("merge").get("preview").asBoolean()).isTrue();
        assertThat(preview.json().get("merge").get("lines").get(0).get("resultQuantity").asInt()).isEqualTo(3);
        assertThat(engine.get(Actor.guest(guest.token()), CartId.parse(guest.id())).state()).isEqualTo(CartState.ACTIVE);

        Api.Answer merged = api.post(guest.path("/merge"), "{\"policy\":\"SUM\"}",
                guest.auth("Authorization", "Bearer " + bearer));
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().get("id").asText()).isEqualTo(mine.id());
        assertThat(merged.json().get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
        assertThat(merged.json().get("merge").get("preview").asBoolean()).isFalse();
        assertThat(engine.get(Actor.guest(guest.token()), CartId.parse(guest.id())).state())
                .isEqualTo(CartState.MERGED);
    }

    @Test
    void events_afterAVersion_theChangesSinceInOrder() {
        Api.Guest guest = api.guest("EUR", "DE");
        api.post(guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":1}", guest.auth());
        api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}", guest.auth());

        Api.Answer all = api.get(guest.path("/events?after=0"), guest.auth());
        Api.Answer later = api.get(guest.path("/events?after=2"), guest.auth());

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("events").findValuesAsText("type")).containsExactly("CREATED", "LINE_ADDED", "LINE_ADDED");
        assertThat(later.json().get("events")).hasSize(1);
        assertThat(later.json().get("events").get(0).get("version").asLong()).isEqualTo(3);
    }

    @Test
    void customerCart_serviceWithApiKey_readsIt() {
        String bearer = tokens.mint(new Principal.Customer("cust-svc-1"), Duration.ofMinutes(5));
        api.post("/carts", "{\"currency\":\"EUR\",\"country\":\"DE\"}", "Authorization", "Bearer " + bearer);

        Api.Answer read = api.get("/customers/cust-svc-1/cart", "X-Api-Key", "demo-order-service-key");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("owner").asText()).isEqualTo("CUSTOMER");
    }

    @Test
    void supportStaff_bearerWithReason_readsAShoppersCart() {
        Api.Guest guest = api.guest("EUR", "DE");
        String staff = tokens.mint(new Principal.Staff("agent-7", "TICKET-1", true), Duration.ofMinutes(5));

        Api.Answer read = api.get(guest.path(""), "Authorization", "Bearer " + staff);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("id").asText()).isEqualTo(guest.id());
    }

    @Test
    void sharedCartParticipant_shareTokenHeader_readsAndEditsButSeesNoParticipants() {
        Api.Guest guest = api.guest("EUR", "DE");
        Invitation invitation = engine.invite(Actor.guest(guest.token()), CartId.parse(guest.id()),
                Participant.Role.EDIT, false, Duration.ofHours(1), Mutation.none());

        Api.Answer added = api.post(guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}",
                "Cart-Share-Token", invitation.token());

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json().get("lines")).hasSize(1);
        assertThat(added.body()).doesNotContain(invitation.participantId()).doesNotContain("participants");
        assertThat(api.post(guest.path("/checkout"), null, "Cart-Share-Token", invitation.token()).status())
                .isEqualTo(403);
    }

    private void assertMatchesEngine(Api.Answer answer, Api.Guest guest) {
        PricedCart priced = engine.price(Actor.guest(guest.token()), CartId.parse(guest.id()));
        JsonNode totals = answer.json().get("totals");
        assertThat(totals.get("total").get("amount").asText()).isEqualTo(priced.total().toDecimalString());
        assertThat(totals.get("subtotal").get("amount").asText()).isEqualTo(priced.subtotal().toDecimalString());
        assertThat(totals.get("discount").get("amount").asText()).isEqualTo(priced.discount().toDecimalString());
        assertThat(totals.get("tax").get("amount").asText()).isEqualTo(priced.tax().toDecimalString());
        assertThat(totals.get("shipping").get("amount").asText()).isEqualTo(priced.shipping().toDecimalString());
        assertThat(answer.json().get("version").asLong()).isEqualTo(priced.cart().version());
        assertThat(answer.header("ETag")).contains("\"" + priced.cart().version() + "\"");
    }

    private static JsonNode promotion(JsonNode cart, String id) {
        for (JsonNode promotion : cart.get("promotions")) {
            if (promotion.get("promotionId").asText().equals(id)) {
                return promotion;
            }
        }
        throw new AssertionError("no promotion " + id + " in " + cart);
    }
}
