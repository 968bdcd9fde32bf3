package dev.cartflow.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without {@code cartservice.demo.sign-in-enabled}, as in the postgres profile, there is no demo sign-in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cartservice.demo.sign-in-enabled=false")
class DemoSignInDisabledTest {
    @LocalServerPort
    int port;

    @Test
    void signIn_disabled_answersNotFoundAndNoToken() {
        ShopClient.Answer answer = ShopClient.anonymous(port).post("/demo/sign-in", Map.of("customerId", "alice"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().has("token")).isFalse();
    }

    @Test
    void products_signInDisabled_stillServesTheCatalog() {
        ShopClient.Answer answer = ShopClient.anonymous(port).get("/products");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("products")).hasSize(DemoCatalog.ITEMS.size());
    }
}
