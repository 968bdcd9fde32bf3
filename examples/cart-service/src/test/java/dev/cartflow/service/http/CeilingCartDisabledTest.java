package dev.cartflow.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.service.CartServiceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Without {@code cartservice.benchmark.ceiling-endpoint=true} there is no ceiling endpoint. */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CeilingCartDisabledTest {
    @LocalServerPort
    int port;

    @Test
    void get_byDefault_404NotFound() {
        Api.Answer answer = new Api(port).get("/benchmark/ceiling-cart");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("code").asText()).isEqualTo("NOT_FOUND");
    }
}
