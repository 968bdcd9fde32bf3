package dev.cartflow.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.core.CreatedCart;
import dev.cartflow.core.NewCart;
import dev.cartflow.service.CartServiceApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.json.JsonMapper;

/** The stream cap and the stream timeout, on an instance that allows one stream of two seconds. */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {EventStreamTestSettings.HEARTBEAT, EventStreamTestSettings.POLL,
                "cartservice.events.max-streams=1", "cartservice.events.stream-timeout=2s"})
class EventStreamLimitsTest {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(SseClient.WAIT).build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    CartEngine engine;

    @Autowired
    PollingCartEventFeed feed;

    @Test
    void stream_beyondTheCap_answers503WithRetryAfterUntilTheOpenOneTimesOut() throws Exception {
        CreatedCart cart = engine.createGuestCart(new NewCart(Currency.getInstance("EUR"), "DE", null, null, null));
        URI uri = URI.create("http://localhost:" + port + "/carts/" + cart.cart().id() + "/events/stream");
        Map<String, String> owner = Map.of("Cart-Token", cart.token());

        try (SseClient first = SseClient.open(http, uri, owner)) {
            assertThat(first.status()).isEqualTo(200);
            first.next();

            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(uri).timeout(SseClient.WAIT)
                    .header("Cart-Token", cart.token()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(JsonMapper.builder().build().readTree(refused.body()).get("code").asString())
                    .isEqualTo("PROVIDER_UNAVAILABLE");

            // the stream's timeout is a normal end: the response completes and the subscription goes
            first.awaitEnd();
        }
        long deadline = System.nanoTime() + SseClient.WAIT.toNanos();
        while (feed.subscriberCount() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(feed.subscriberCount()).isZero();
        try (SseClient again = SseClient.open(http, uri, owner)) {
            assertThat(again.status()).isEqualTo(200);
        }
    }
}
