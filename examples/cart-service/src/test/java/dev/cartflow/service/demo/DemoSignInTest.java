package dev.cartflow.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.service.CartServiceProperties;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /demo/sign-in} where the default profile turns it on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoSignInTest {
    @LocalServerPort
    int port;

    @Autowired
    HmacTokenVerifier verifier;

    @Autowired
    CartServiceProperties properties;

    @Test
    void signIn_demoCustomer_answersATokenTheServiceVerifiesAsThatCustomer() {
        Instant before = Instant.now();

        JsonNode signedIn = ShopClient.ok(ShopClient.anonymous(port).post("/demo/sign-in", Map.of("customerId", "alice")));

        assertThat(signedIn.get("customerId").asText()).isEqualTo("alice");
        assertThat(verifier.verify(signedIn.get("token").asText())).contains(new Principal.Customer("alice"));
        Instant expiresAt = Instant.parse(signedIn.get("expiresAt").asText());
        Duration lifetime = properties.getAuth().getTokenLifetime();
        assertThat(expiresAt).isBetween(before.plus(lifetime).minusSeconds(1), Instant.now().plus(lifetime));
    }

    @Test
    void signIn_token_opensACustomerCart() {
        String token = ShopClient.ok(ShopClient.anonymous(port).post("/demo/sign-in", Map.of("customerId", "bob")))
                .get("token").asText();

        ShopClient.CartHandle cart = ShopClient.customer(port, token).cart("EUR", "DE");

        assertThat(cart.created().get("owner").asText()).isEqualTo("CUSTOMER");
        assertThat(cart.created().has("token")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Alice", "alice@example.com", "with space", "-starts-with-dash",
            "a-name-that-is-much-longer-than-forty-characters"})
    void signIn_badCustomerId_answersAnInvalidInputProblemWithoutEchoingIt(String customerId) {
        ShopClient.Answer answer = ShopClient.anonymous(port).post("/demo/sign-in", Map.of("customerId", customerId));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).isEqualTo("INVALID_INPUT");
        assertThat(answer.body().has("token")).isFalse();
        if (!customerId.isEmpty()) {
            assertThat(answer.body().toString()).doesNotContain(customerId);
        }
    }

    @Test
    void signIn_noCustomerId_answersAnInvalidInputProblem() {
        ShopClient.Answer answer = ShopClient.anonymous(port).post("/demo/sign-in", Map.of());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asText()).isEqualTo("INVALID_INPUT");
    }
}
