package dev.cartflow.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.model.CartId;
import dev.cartflow.service.CartServiceApplication;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The concurrency limit over real HTTP: with one permit and a held request inside, the next API
 * request is answered at once with 503 (load shedding) and Retry-After, actuator still answers, and once
 * the held request is done the API answers again.
 */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cartservice.load-shedding.max-concurrent=1", "cartservice.load-shedding.queue-wait=20ms",
                "cartservice.load-shedding.retry-after=2s"})
@Import(LoadSheddingHttpTest.Store.class)
class LoadSheddingHttpTest {
    @TestConfiguration(proxyBeanMethods = false)
    static class Store {
        @Bean
        HoldingRepository holdingRepository() {
            return new HoldingRepository();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    HoldingRepository repository;
    Api api;
    Api.Guest guest;

    @BeforeEach
    void cart() {
        api = new Api(port);
        guest = api.guest("EUR", "DE");
    }

    @AfterEach
    void letGo() {
        repository.release();
    }

    @Test
    void request_limitTakenByAHeldRequest_503OverloadedWithRetryAfterAndRecovers() throws Exception {
        repository.hold(new CartId(UUID.fromString(guest.id())));
        CompletableFuture<Api.Answer> held = CompletableFuture.supplyAsync(() -> api.get(guest.path(""), guest.auth()));
        assertThat(repository.awaitHeld()).as("the first read is inside the service").isTrue();

        Api.Answer refused = api.get(guest.path(""), guest.auth());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).hasValue("2");
        assertThat(refused.json().get("code").asText()).isEqualTo(LoadShedding.CODE);
        assertThat(refused.json().get("status").asInt()).isEqualTo(503);
        assertThat(refused.json().get("instance").asText()).isEqualTo(guest.path(""));
        assertThat(api.post("/carts", "{\"currency\":\"EUR\",\"country\":\"DE\"}").status())
                .as("a creation is limited too").isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness").status()).as("actuator is never limited").isEqualTo(200);

        repository.release();
        assertThat(held.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        Api.Answer after = api.get(guest.path(""), guest.auth());
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("id").asText()).isEqualTo(guest.id());
    }

    @Test
    void metrics_afterARefusal_countTheShedRequest() throws Exception {
        double before = shedCount();
        repository.hold(new CartId(UUID.fromString(guest.id())));
        CompletableFuture<Api.Answer> held = CompletableFuture.supplyAsync(() -> api.get(guest.path(""), guest.auth()));
        assertThat(repository.awaitHeld()).isTrue();
        assertThat(api.get(guest.path(""), guest.auth()).status()).isEqualTo(503);
        assertThat(api.get(guest.path(""), guest.auth()).status()).isEqualTo(503);
        repository.release();
        held.get(30, TimeUnit.SECONDS);

        assertThat(shedCount()).isEqualTo(before + 2);
    }

    private double shedCount() {
        String metrics = api.get("/actuator/prometheus").body();
        return metrics.lines().filter(line -> line.startsWith("cartservice_http_shed_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no cartservice_http_shed_total in " + metrics));
    }
}
