package dev.cartflow.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.CartCommand;
import dev.cartflow.core.CartEngine;
import dev.cartflow.core.NewCart;
import dev.cartflow.core.Invitation;
import dev.cartflow.core.Mutation;
import dev.cartflow.model.Actor;
import dev.cartflow.model.Cart;
import dev.cartflow.model.CartEvent;
import dev.cartflow.model.CartId;
import dev.cartflow.model.CustomerId;
import dev.cartflow.model.Participant;
import dev.cartflow.service.CartServiceApplication;
import dev.cartflow.service.auth.HmacTokenVerifier;
import dev.cartflow.service.auth.Principal;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /carts/{id}/events/stream} end to end: the service on a random port, changes made by
 * other clients over HTTP, and the stream read line by line over real HTTP.
 */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {EventStreamTestSettings.HEARTBEAT, EventStreamTestSettings.POLL})
class CartEventStreamResourceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(SseClient.WAIT).build();
    private final List<SseClient> opened = new java.util.ArrayList<>();

    @Value("${local.server.port}")
    int port;

    @Autowired
    CartEngine engine;

    @Autowired
    PollingCartEventFeed feed;

    @Autowired
    EventStreams streams;

    @Autowired
    HmacTokenVerifier tokens;

    @Value("${cartservice.auth.api-keys.order-service}")
    String serviceKey;

    /** Every test leaves no subscription behind once its clients hang up, so counts start at zero. */
    @AfterEach
    void hangUp() throws InterruptedException {
        opened.forEach(SseClient::close);
        awaitAtMost(0, feed::subscriberCount);
        awaitAtMost(0, streams::openCount);
    }

    @Test
    void stream_changeByAnotherClient_arrivesWithTheEngineEvents() throws Exception {
        GuestCart cart = createCart();
        SseClient stream = open(cart, Map.of("Cart-Token", cart.token()), "");
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        SseClient.Message preamble = stream.next();
        assertThat(preamble.id()).isEqualTo(Long.toString(cart.version()));
        assertThat(preamble.retry()).isNotBlank();
        assertThat(preamble.event()).isNull();

        long changed = changeMetadata(cart, "second device");

        List<SseClient.Message> received = stream.until(message -> message.id() != null);
        List<CartEvent> expected = engine.changesSince(cart.actor(), cart.id(), cart.version());
        assertThat(received).extracting(SseClient.Message::event)
                .containsExactlyElementsOf(expected.stream().map(event -> event.type().name()).toList());
        assertThat(received.get(received.size() - 1).id()).isEqualTo(Long.toString(changed));
        JsonNode data = JSON.readTree(received.get(0).data());
        assertThat(data.get("version").asLong()).isEqualTo(expected.get(0).sequence());
        assertThat(data.get("type").asString()).isEqualTo(expected.get(0).type().name());
        assertThat(java.time.Instant.parse(data.get("at").asString())).isEqualTo(expected.get(0).at());
    }

    @Test
    void stream_resumedWithLastEventId_deliversExactlyTheMissedEventsOnce() throws Exception {
        GuestCart cart = createCart();
        long seen = changeMetadata(cart, "one");
        changeMetadata(cart, "two");
        long missedUpTo = changeMetadata(cart, "three");
        List<CartEvent> missed = engine.changesSince(cart.actor(), cart.id(), seen);

        SseClient stream = open(cart, Map.of("Cart-Token", cart.token(), "Last-Event-ID", Long.toString(seen)), "");
        assertThat(stream.next().id()).isEqualTo(Long.toString(seen));
        List<SseClient.Message> backlog = stream.until(message -> Long.toString(missedUpTo).equals(message.id()));
        assertThat(positions(backlog)).containsExactlyElementsOf(
                missed.stream().map(event -> event.sequence() + "/" + event.index()).toList());

        long next = changeMetadata(cart, "four");
        List<SseClient.Message> live = stream.until(message -> message.id() != null);
        assertThat(positions(live)).containsExactlyElementsOf(engine.changesSince(cart.actor(), cart.id(), missedUpTo)
                .stream().map(event -> event.sequence() + "/" + event.index()).toList());
        assertThat(live.get(live.size() - 1).id()).isEqualTo(Long.toString(next));
    }

    @Test
    void stream_lastEventIdQueryParameter_resumesAndTheHeaderWins() throws Exception {
        GuestCart cart = createCart();
        long first = changeMetadata(cart, "one");
        long second = changeMetadata(cart, "two");

        SseClient byQuery = open(cart, Map.of("Cart-Token", cart.token()), "lastEventId=" + first);
        assertThat(byQuery.next().id()).isEqualTo(Long.toString(first));
        assertThat(byQuery.until(message -> message.id() != null).get(0).id()).isEqualTo(Long.toString(second));

        SseClient headerWins = open(cart, Map.of("Cart-Token", cart.token(), "Last-Event-ID", Long.toString(second)),
                "lastEventId=" + first);
        assertThat(headerWins.next().id()).isEqualTo(Long.toString(second));
        assertThat(headerWins.poll(Duration.ofMillis(500))).isNull();
    }

    @Test
    void stream_wrongCartToken_answers403ProblemBeforeAnyStream() throws Exception {
        GuestCart cart = createCart();
        HttpResponse<String> answer = get(cart, Map.of("Cart-Token", "not-this-carts-token"), "");
        assertProblem(answer, 403, "ACCESS_DENIED");
    }

    @Test
    void stream_noCredentials_answers401Problem() throws Exception {
        GuestCart cart = createCart();
        HttpResponse<String> answer = get(cart, Map.of(), "");
        assertProblem(answer, 401, "UNAUTHENTICATED");
    }

    @Test
    void stream_malformedLastEventId_answers400Problem() throws Exception {
        GuestCart cart = createCart();
        HttpResponse<String> answer = get(cart, Map.of("Cart-Token", cart.token(), "Last-Event-ID", "yesterday"), "");
        assertProblem(answer, 400, "INVALID_INPUT");
    }

    @Test
    void stream_cartTokenAsQueryParameter_streamsTheChanges() throws Exception {
        GuestCart cart = createCart();
        SseClient stream = open(cart, Map.of(), "token=" + URLEncoder.encode(cart.token(), StandardCharsets.UTF_8));
        assertThat(stream.status()).isEqualTo(200);
        stream.next();
        long changed = changeMetadata(cart, "from the page");
        assertThat(stream.until(message -> message.id() != null).get(0).id()).isEqualTo(Long.toString(changed));
    }

    @Test
    void stream_wrongCartTokenAsQueryParameter_answers403Problem() throws Exception {
        GuestCart cart = createCart();
        assertProblem(get(cart, Map.of(), "token=wrong"), 403, "ACCESS_DENIED");
    }

    @Test
    void stream_customerBearerAsAccessTokenParameter_streamsTheChanges() throws Exception {
        String customerId = "stream-customer-" + UUID.randomUUID();
        Actor customer = Actor.customer(new CustomerId(customerId));
        Cart cart = engine.createCustomerCart(customer, new CustomerId(customerId),
                new NewCart(Currency.getInstance("EUR"), "DE", null, null, null));
        String bearer = tokens.mint(new Principal.Customer(customerId), Duration.ofMinutes(10));
        SseClient stream = SseClient.open(http, URI.create("http://localhost:" + port + "/carts/" + cart.id()
                + "/events/stream?access_token=" + URLEncoder.encode(bearer, StandardCharsets.UTF_8)), Map.of());
        opened.add(stream);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.next().id()).isEqualTo(Long.toString(cart.version()));

        Cart changed = engine.execute(customer, cart.id(), new CartCommand.SetMetadata("{\"note\":\"bearer\"}"),
                Mutation.none());

        assertThat(stream.until(message -> message.id() != null).get(0).id())
                .isEqualTo(Long.toString(changed.version()));
    }

    @Test
    void stream_serviceOnAMissingCart_answers404Problem() throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/carts/" + CartId.random() + "/events/stream")).timeout(SseClient.WAIT)
                .header("X-Api-Key", serviceKey).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(answer, 404, "CART_NOT_FOUND");
    }

    @Test
    void stream_participantWithShareToken_seesTheOwnersChange() throws Exception {
        GuestCart cart = createCart();
        Invitation invitation = engine.invite(cart.actor(), cart.id(), Participant.Role.VIEW, false,
                Duration.ofHours(1), Mutation.none());
        SseClient stream = open(cart, Map.of("Cart-Share-Token", invitation.token()), "");
        assertThat(stream.next().id()).isEqualTo(Long.toString(invitation.cart().version()));

        long changed = changeMetadata(cart, "the owner's change");

        List<SseClient.Message> received = stream.until(message -> message.id() != null);
        assertThat(received.get(received.size() - 1).id()).isEqualTo(Long.toString(changed));
        assertThat(received).extracting(SseClient.Message::event).containsExactlyElementsOf(
                engine.changesSince(cart.actor(), cart.id(), invitation.cart().version()).stream()
                        .map(event -> event.type().name()).toList());
    }

    @Test
    void stream_participantRemoved_endsTheStreamWithAccessDenied() throws Exception {
        GuestCart cart = createCart();
        Invitation invitation = engine.invite(cart.actor(), cart.id(), Participant.Role.VIEW, false,
                Duration.ofHours(1), Mutation.none());
        SseClient stream = open(cart, Map.of("Cart-Share-Token", invitation.token()), "");
        stream.next();

        engine.removeParticipant(cart.actor(), cart.id(), invitation.participantId());

        List<SseClient.Message> received = stream.until(message -> CartEventStream.END.equals(message.event()));
        SseClient.Message end = received.get(received.size() - 1);
        assertThat(JSON.readTree(end.data()).get("code").asString()).isEqualTo("ACCESS_DENIED");
        stream.awaitEnd();
    }

    @Test
    void stream_clientHangsUp_closesTheSubscription() throws Exception {
        GuestCart cart = createCart();
        SseClient stream = open(cart, Map.of("Cart-Token", cart.token()), "");
        stream.next();
        assertThat(feed.subscriberCount()).isEqualTo(1);
        assertThat(streams.openCount()).isEqualTo(1);

        stream.close();

        // the server finds the closed connection on its next heartbeat (a fraction of a second in this test)
        awaitAtMost(0, feed::subscriberCount);
        awaitAtMost(0, streams::openCount);
    }

    @Test
    void stream_idle_sendsHeartbeatComments() throws Exception {
        GuestCart cart = createCart();
        SseClient stream = open(cart, Map.of("Cart-Token", cart.token()), "");
        stream.next();
        long deadline = System.nanoTime() + SseClient.WAIT.toNanos();
        while (stream.comments().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(stream.comments()).isNotEmpty();
    }

    @Test
    void stop_atShutdown_endsOpenStreamsSoClientsReconnect() throws Exception {
        GuestCart cart = createCart();
        SseClient stream = open(cart, Map.of("Cart-Token", cart.token()), "");
        stream.next();
        try {
            streams.stop();

            List<SseClient.Message> received = stream.until(message -> CartEventStream.END.equals(message.event()));
            SseClient.Message end = received.get(received.size() - 1);
            assertThat(JSON.readTree(end.data()).get("code").asString()).isEqualTo("PROVIDER_UNAVAILABLE");
            stream.awaitEnd();
        } finally {
            streams.start(); // the context is shared with the other tests
        }
    }

    private static List<String> positions(List<SseClient.Message> messages) {
        return messages.stream().map(message -> {
            JsonNode data = JSON.readTree(message.data());
            return data.get("version").asLong() + "/" + data.get("index").asInt();
        }).toList();
    }

    private static void awaitAtMost(int expected, IntSupplier actual) throws InterruptedException {
        long deadline = System.nanoTime() + SseClient.WAIT.toNanos();
        while (actual.getAsInt() > expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(actual.getAsInt()).isLessThanOrEqualTo(expected);
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String code) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("dev.cartflow");
    }

    private SseClient open(GuestCart cart, Map<String, String> headers, String query)
            throws IOException, InterruptedException {
        SseClient stream = SseClient.open(http, streamUri(cart, query), headers);
        opened.add(stream);
        return stream;
    }

    private HttpResponse<String> get(GuestCart cart, Map<String, String> headers, String query)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(streamUri(cart, query)).timeout(SseClient.WAIT)
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI streamUri(GuestCart cart, String query) {
        return URI.create("http://localhost:" + port + "/carts/" + cart.id() + "/events/stream"
                + (query.isEmpty() ? "" : "?" + query));
    }

    /** A guest cart made over HTTP, as a shopper's first device would. */
    private GuestCart createCart() throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/carts"))
                .timeout(SseClient.WAIT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"currency\":\"EUR\",\"country\":\"DE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        String token = body.get("token").asString();
        CartId id = CartId.parse(body.get("id").asString());
        return new GuestCart(id, token, engine.get(Actor.guest(token), id).version());
    }

    /** Another client's change over HTTP; answers the version it made. */
    private long changeMetadata(GuestCart cart, String note) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("note", note, "nonce", UUID.randomUUID().toString()));
        HttpResponse<String> changed = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/carts/" + cart.id() + "/metadata"))
                .timeout(SseClient.WAIT).header("Content-Type", "application/json")
                .header("Cart-Token", cart.token()).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).isEqualTo(200);
        return Long.parseLong(changed.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    private record GuestCart(CartId id, String token, long version) {
        Actor actor() {
            return Actor.guest(token);
        }
    }
}
