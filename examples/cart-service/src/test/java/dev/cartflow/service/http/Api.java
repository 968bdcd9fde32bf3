package dev.cartflow.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A small HTTP client for the tests: real requests to the running service on loopback. */
final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;

    Api(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    /** An answer: status, headers, body (JSON when there is one). */
    record Answer(int status, HttpResponse<String> raw) {
        Answer withStatus() {
            return new Answer(raw.statusCode(), raw);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }

        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        String body() {
            return raw.body();
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    Answer call(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new Answer(0, client.send(request.build(), HttpResponse.BodyHandlers.ofString())).withStatus();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, String... headers) {
        return call("GET", path, null, headers);
    }

    Answer post(String path, String body, String... headers) {
        return call("POST", path, body, headers);
    }

    /** A new guest cart: its id and token. */
    Guest guest(String currency, String country) {
        Answer created = post("/carts", "{\"currency\":\"" + currency + "\",\"country\":\"" + country + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("cart not created: " + created.body());
        }
        return new Guest(created.json().get("id").asText(), created.json().get("token").asText());
    }

    /** A guest cart. */
    record Guest(String id, String token) {
        String[] auth(String... more) {
            String[] headers = new String[more.length + 2];
            headers[0] = "Cart-Token";
            headers[1] = token;
            System.arraycopy(more, 0, headers, 2, more.length);
            return headers;
        }

        String path(String rest) {
            return "/carts/" + id + rest;
        }
    }
}
