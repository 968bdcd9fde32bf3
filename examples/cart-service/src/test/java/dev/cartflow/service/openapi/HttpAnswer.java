package dev.cartflow.service.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * One real HTTP exchange with the running service. The body of an event stream is not read (it
 * does not end); every other body is.
 *
 * @param status  the status
 * @param headers the response headers
 * @param body    the body, or "" for an event stream
 */
record HttpAnswer(int status, HttpHeaders headers, String body) {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** Sends a request to {@code base + path}. */
    static HttpAnswer send(String base, String method, String path, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                String text = type.startsWith("text/event-stream") ? ""
                        : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new HttpAnswer(response.statusCode(), response.headers(), text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response header, if present. */
    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
