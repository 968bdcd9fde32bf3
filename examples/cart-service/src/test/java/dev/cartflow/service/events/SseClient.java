package dev.cartflow.service.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A test's event-stream client over real HTTP: reads the response line by line on its own thread
 * and parses the server-sent event messages (the fields of the spec; comments kept apart).
 */
final class SseClient implements AutoCloseable {
    /** Generous: the build machine is shared and loaded. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean ended;

    /** One message: {@code id} null when the message had no id field. */
    record Message(String id, String event, String data, String retry) {
    }

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a stream; the answer's status and headers are there once this returns. */
    static SseClient open(HttpClient http, URI uri, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(WAIT).GET()
                .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next message, or a failure when none arrives in time. */
    Message next() throws InterruptedException {
        Message message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no event arrived within " + WAIT);
        }
        return message;
    }

    /** Messages up to and including the first that matches, in order. */
    List<Message> until(Predicate<Message> last) throws InterruptedException {
        List<Message> read = new ArrayList<>();
        Message message;
        do {
            message = next();
            read.add(message);
        } while (!last.test(message));
        return read;
    }

    /** The message already received, if any, without waiting. */
    Message poll(Duration wait) throws InterruptedException {
        return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<String> comments() {
        return comments;
    }

    /** Whether the server ended the response. */
    boolean ended() {
        return ended;
    }

    /** Waits for the server to end the response. */
    void awaitEnd() throws InterruptedException {
        reader.join(WAIT.toMillis());
        if (reader.isAlive()) {
            throw new AssertionError("the stream did not end within " + WAIT);
        }
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        String retry = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (id != null || event != null || data != null || retry != null) {
                        messages.add(new Message(id, event, data == null ? null : data.toString(), retry));
                    }
                    id = null;
                    event = null;
                    data = null;
                    retry = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> event = value;
                        case "retry" -> retry = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException e) {
            // the test closed the stream
        } finally {
            ended = true;
        }
    }

    /** Hangs up, as a browser tab that closes. */
    @Override
    public void close() {
        response.body().close();
    }
}
