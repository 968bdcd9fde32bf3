package dev.cartflow.benchmarks.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The few calls of the service's HTTP API the checks make (API.md), against any instance: one
 * shared HTTP/1.1 client, JSON bodies, the answer's status, version and problem code.
 */
final class CartApi {
    /** A cart the checks work on: its id and the credential that opens it. */
    record CartRef(String id, Credential credential, long createdVersion) {
    }

    /** A credential header: a guest's {@code Cart-Token} or a customer's bearer token. */
    record Credential(String header, String value) {
        static Credential guest(String token) {
            return new Credential("Cart-Token", token);
        }

        static Credential bearer(String token) {
            return new Credential("Authorization", "Bearer " + token);
        }
    }

    /** One answer: its status, the cart version it states (ETag or body; -1 if none) and its JSON. */
    record Answer(int status, long version, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The problem's {@code code}, or empty for a success. */
        String code() {
            return body.path("code").asText("");
        }

        /** The quantity of a sku's line in a cart answer (0 without one). */
        int quantity(String sku) {
            for (JsonNode line : body.path("lines")) {
                if (sku.equals(line.path("sku").asText())) {
                    return line.path("quantity").asInt();
                }
            }
            return 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Creates a guest cart in EUR shipped to DE; the answer's token opens it. */
    CartRef createGuest(URI instance) throws IOException, InterruptedException {
        Answer created = send(instance, "POST", "/carts", null, Map.of("currency", "EUR", "country", "DE"), null);
        requireCreated(created);
        return new CartRef(created.body().path("id").asText(), Credential.guest(created.body().path("token").asText()),
                created.version());
    }

    /** Creates a customer cart (EUR, DE) for the customer the bearer token speaks for. */
    CartRef createCustomer(URI instance, Credential bearer) throws IOException, InterruptedException {
        Answer created = send(instance, "POST", "/carts", bearer, Map.of("currency", "EUR", "country", "DE"), null);
        requireCreated(created);
        return new CartRef(created.body().path("id").asText(), bearer, created.version());
    }

    private static void requireCreated(Answer created) throws IOException {
        if (created.status() != 201) {
            throw new IOException("POST /carts answered " + created.status() + " " + created.code());
        }
    }

    Answer get(URI instance, CartRef cart) throws IOException, InterruptedException {
        return send(instance, "GET", "/carts/" + cart.id(), cart.credential(), null, null);
    }

    Answer add(URI instance, CartRef cart, String sku, int quantity, String idempotencyKey)
            throws IOException, InterruptedException {
        return send(instance, "POST", "/carts/" + cart.id() + "/lines", cart.credential(),
                Map.of("sku", sku, "quantity", quantity), idempotencyKey);
    }

    Answer applyCode(URI instance, CartRef cart, String code) throws IOException, InterruptedException {
        return send(instance, "POST", "/carts/" + cart.id() + "/codes", cart.credential(), Map.of("code", code), null);
    }

    Answer checkout(URI instance, CartRef cart, String idempotencyKey) throws IOException, InterruptedException {
        return send(instance, "POST", "/carts/" + cart.id() + "/checkout", cart.credential(), null, idempotencyKey);
    }

    private Answer send(URI instance, String method, String path, Credential credential, Map<String, ?> body,
                        String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve(path)).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (credential != null) {
            request.header(credential.header(), credential.value());
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = response.body().length == 0 ? MissingNode.getInstance() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), version(response, json), json);
    }

    private static long version(HttpResponse<?> response, JsonNode json) {
        if (json.path("version").isNumber()) {
            return json.path("version").asLong();
        }
        return response.headers().firstValue("ETag").map(tag -> tag.replace("W/", "").replace("\"", ""))
                .map(Long::parseLong).orElse(-1L);
    }
}
