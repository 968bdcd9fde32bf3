package dev.cartflow.service.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of one running service over real HTTP on the loopback, with JSON bodies. */
final class ServiceClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60); // the machine is shared and loaded

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;

    /** A client of the service listening on that port of the loopback. */
    ServiceClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** One answer: its status, headers and body. */
    record Reply(int status, HttpHeaders headers, String body) {
        /** The body as JSON. */
        JsonNode json() {
            return JSON.readTree(body);
        }

        /** A header's first value, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A GET with the given header names and values. */
    Reply get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /**
     * A request with a JSON body (or none) and the given header names and values, in pairs.
     */
    Reply send(String method, String path, String jsonBody, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
