package dev.cartflow.service.page;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's API over real HTTP, for checking what the page shows against what the service says. */
final class CartApi {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    CartApi(String base) {
        this.base = base;
    }

    /** An answer: its status and JSON body. */
    record Answer(int status, JsonNode body) {
    }

    Answer get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    Answer post(String path, String json, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), headers);
    }

    /** The priced cart as the service answers it, which must be 200. */
    JsonNode cart(String cartId, Map<String, String> credentials) {
        Answer answer = get("/carts/" + cartId, credentials);
        if (answer.status() != 200) {
            throw new AssertionError("GET /carts/" + cartId + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The token from the page's stored guest cart ({@code {"id":..., "token":...}}). */
    String guestToken(String storedGuestCart) {
        if (storedGuestCart == null) {
            throw new AssertionError("the page keeps no guest cart");
        }
        return JSON.readTree(storedGuestCart).get("token").asString();
    }

    /** Whether the service streams the cart's events ({@code 200 text/event-stream}); only the headers are read. */
    boolean streamsEvents(String cartId, Map<String, String> credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/carts/" + cartId + "/events/stream"))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(20));
        credentials.forEach(request::header);
        try {
            HttpResponse<InputStream> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                return response.statusCode() == 200 && response.headers().firstValue("Content-Type")
                        .filter(type -> type.startsWith("text/event-stream")).isPresent();
            }
        } catch (IOException e) {
            throw new AssertionError("the service did not answer the stream request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static Map<String, String> guest(String token) {
        return Map.of("Cart-Token", token);
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        request.header("Accept", "application/json, application/problem+json").timeout(Duration.ofSeconds(20));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new AssertionError("the service did not answer " + request.build().uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
