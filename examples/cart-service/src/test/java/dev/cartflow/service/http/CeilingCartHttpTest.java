package dev.cartflow.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cartflow.service.CartServiceApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The benchmark ceiling endpoint, switched on: the same priced cart JSON a guest reading a cart of
 * those products gets, answered again and again without a new cart.
 */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cartservice.benchmark.ceiling-endpoint=true", "cartservice.benchmark.ceiling-skus=MUG,TEA"})
class CeilingCartHttpTest {
    @LocalServerPort
    int port;

    @Test
    void get_enabled_answersTheCartAReadOfTheSameProductsAnswers() {
        Api api = new Api(port);
        Api.Guest guest = api.guest("EUR", "DE");
        for (String sku : List.of("MUG", "TEA")) {
            assertThat(api.post(guest.path("/lines"), "{\"sku\":\"" + sku + "\",\"quantity\":1}", guest.auth())
                    .status()).isEqualTo(200);
        }
        JsonNode read = api.get(guest.path(""), guest.auth()).json();

        Api.Answer first = api.get("/benchmark/ceiling-cart");
        Api.Answer second = api.get("/benchmark/ceiling-cart");

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());
        JsonNode ceiling = first.json();
        assertThat(skus(ceiling)).isEqualTo(skus(read));
        assertThat(ceiling.get("totals")).isEqualTo(read.get("totals"));
        assertThat(ceiling.get("promotions")).isEqualTo(read.get("promotions"));
        assertThat(first.header("ETag")).hasValue("\"" + ceiling.get("version").asLong() + "\"");
    }

    private static List<String> skus(JsonNode cart) {
        List<String> skus = new ArrayList<>();
        cart.get("lines").forEach(line -> skus.add(line.get("sku").asText()));
        return skus;
    }
}
