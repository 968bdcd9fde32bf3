package dev.cartflow.service.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A shopper talking to the running service over real HTTP: creates a cart (as a guest, or with a
 * bearer token as a customer) and changes it, each call answering the parsed JSON body.
 */
final class ShopClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * An answer.
     *
     * @param status the HTTP status
     * @param body   the parsed body (a missing node when empty)
     */
    record Answer(int status, JsonNode body) {
    }

    private final URI base;
    private final Map<String, String> credentials;

    private ShopClient(URI base, Map<String, String> credentials) {
        this.base = base;
        this.credentials = credentials;
    }

    /** A shopper without credentials yet. */
    static ShopClient anonymous(int port) {
        return new ShopClient(URI.create("http://localhost:" + port), Map.of());
    }

    /** A signed-in customer with this bearer token. */
    static ShopClient customer(int port, String bearerToken) {
        return new ShopClient(URI.create("http://localhost:" + port), Map.of("Authorization", "Bearer " + bearerToken));
    }

    /** The same shopper holding a guest cart's token. */
    ShopClient withCartToken(String token) {
        return new ShopClient(base, Map.of("Cart-Token", token));
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    Answer patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** A cart: the shopper bound to it, and its id. */
    record CartHandle(ShopClient client, String id, JsonNode created) {
        JsonNode add(String sku, int quantity) {
            return ok(client.post("/carts/" + id + "/lines", Map.of("sku", sku, "quantity", quantity)));
        }

        JsonNode code(String code) {
            return ok(client.post("/carts/" + id + "/codes", Map.of("code", code)));
        }

        JsonNode shipping(String methodId) {
            return ok(client.put("/carts/" + id + "/shipping-method", Map.of("methodId", methodId)));
        }

        JsonNode country(String country) {
            return ok(client.put("/carts/" + id + "/country", Map.of("country", country)));
        }

        JsonNode read() {
            return ok(client.get("/carts/" + id));
        }

        Answer checkout() {
            return client.post("/carts/" + id + "/checkout", Map.of());
        }
    }

    /** Creates a cart (a guest cart without a bearer token) and binds the shopper to it. */
    CartHandle cart(String currency, String country) {
        return cart(Map.of("currency", currency, "country", country));
    }

    /** Creates a cart from a body of {@code POST /carts}. */
    CartHandle cart(Map<String, String> body) {
        JsonNode created = ok(post("/carts", body), 201);
        ShopClient owner = created.hasNonNull("token") ? withCartToken(created.get("token").asText()) : this;
        return new CartHandle(owner, created.get("id").asText(), created);
    }

    static JsonNode ok(Answer answer) {
        return ok(answer, 200);
    }

    static JsonNode ok(Answer answer, int expected) {
        if (answer.status() != expected) {
            throw new AssertionError("expected " + expected + " but got " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The entry of a promotion in a cart's {@code promotions}. */
    static JsonNode promotion(JsonNode cart, String promotionId) {
        for (JsonNode p : cart.get("promotions")) {
            if (p.get("promotionId").asText().equals(promotionId)) {
                return p;
            }
        }
        throw new AssertionError("no promotion " + promotionId + " in " + cart.get("promotions"));
    }

    /** The hints of a cart about one promotion (or {@code shipping}). */
    static List<JsonNode> hints(JsonNode cart, String id) {
        List<JsonNode> found = new ArrayList<>();
        cart.get("hints").forEach(h -> {
            if (h.get("id").asText().equals(id)) {
                found.add(h);
            }
        });
        return found;
    }

    /** A money member's amount. */
    static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.get("amount").asText());
    }

    private Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json, application/problem+json");
            credentials.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
