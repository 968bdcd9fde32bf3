package dev.cartflow.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated guest shopper with its own HTTP client (its own connection) and its own cart:
 * it reads the priced cart, changes lines and checks out, and after a checkout (or any answer that
 * leaves the cart unusable) starts a new cart with {@value #FIRST_LINES} lines. Each request's
 * latency and status go into the {@link StepStats} it is given. Only the guest's {@code Cart-Token}
 * authenticates, as the storefront does. Not thread-safe: one shopper per client thread.
 */
final class Shopper {
    /** Lines a new cart starts with, so that a checkout always has something to check out. */
    static final int FIRST_LINES = 2;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The service's benchmark ceiling endpoint ({@code cartservice.benchmark.ceiling-endpoint=true}). */
    static final String CEILING_PATH = "/benchmark/ceiling-cart";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final List<String> skus;
    private final SplittableRandom random;
    private StepStats stats = new StepStats();
    private String cartId;
    private String token;
    private List<LineChange.Line> lines = List.of();

    Shopper(URI base, List<String> skus, SplittableRandom random) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(REQUEST_TIMEOUT).build();
        this.base = base;
        this.skus = List.copyOf(skus);
        this.random = random;
    }

    /** Where the following requests are recorded (the warm-up's figures are dropped this way). */
    void recordInto(StepStats target) {
        this.stats = target;
    }

    /**
     * Does one action. A checkout is followed at once by a new cart, so the actions keep the mix's
     * shares and the new cart's requests come on top; a cart lost to an error is replaced before
     * the next action.
     */
    void act(Mix.Action action) throws InterruptedException {
        if (cartId == null) {
            newCart();
            if (cartId == null) {
                return; // the new cart failed too (recorded): try again on the next action
            }
        }
        switch (action) {
            case READ -> send(StepStats.Kind.READ, request("/carts/" + cartId).GET());
            case CHANGE_LINE -> changeLine();
            case CHECKOUT -> {
                send(StepStats.Kind.CHECKOUT, request("/carts/" + cartId + "/checkout")
                        .POST(HttpRequest.BodyPublishers.noBody()));
                cartId = null; // checked out (or refused): a new cart replaces it
                newCart();
            }
        }
    }

    /**
     * One GET of the service's benchmark ceiling cart ({@code GET /benchmark/ceiling-cart}): no cart
     * of its own, no credentials, the same kind of answer as a priced read.
     */
    void readCeiling() throws InterruptedException {
        send(StepStats.Kind.CEILING, HttpRequest.newBuilder(base.resolve(CEILING_PATH)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET());
    }

    private void changeLine() throws InterruptedException {
        apply(LineChange.choose(lines, skus, random));
    }

    private void apply(LineChange change) throws InterruptedException {
        if (change instanceof LineChange.Add add) {
            send(StepStats.Kind.ADD_LINE, request("/carts/" + cartId + "/lines")
                    .POST(json("{\"sku\":" + quoted(add.sku()) + ",\"quantity\":1}")));
        } else if (change instanceof LineChange.SetQuantity set) {
            send(StepStats.Kind.SET_QUANTITY, request("/carts/" + cartId + "/lines/" + set.lineId())
                    .method("PATCH", json("{\"quantity\":" + set.quantity() + "}")));
        }
    }

    private void newCart() throws InterruptedException {
        JsonNode created = send(StepStats.Kind.CREATE, HttpRequest.newBuilder(base.resolve("/carts"))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json")
                .POST(json("{\"currency\":" + quoted(ServiceLoad.CURRENCY) + ",\"country\":"
                        + quoted(ServiceLoad.COUNTRY) + "}")));
        if (created == null || !created.hasNonNull("token")) {
            cartId = null;
            return;
        }
        cartId = created.get("id").asText();
        token = created.get("token").asText();
        lines = List.of();
        for (int i = 0; i < FIRST_LINES && cartId != null; i++) {
            LineChange.Add add = LineChange.addMissing(lines, skus, random);
            if (add != null) {
                apply(add);
            }
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT).header("Cart-Token", token)
                .header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher json(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /**
     * Sends, records latency and status, and returns the answer's JSON when it was 2xx; any other
     * answer (or none) drops the cart so that the next action starts afresh from a known state.
     */
    private JsonNode send(StepStats.Kind kind, HttpRequest.Builder builder) throws InterruptedException {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            stats.record(kind, StepStats.IO_ERROR, System.nanoTime() - start);
            cartId = null;
            return null;
        }
        long nanos = System.nanoTime() - start;
        if (response.statusCode() / 100 != 2) {
            stats.record(kind, response.statusCode(), problemCode(response.body()), nanos);
            cartId = null;
            return null;
        }
        stats.record(kind, response.statusCode(), nanos);
        stats.recordBytes(kind, response.body().length);
        if (kind == StepStats.Kind.CEILING) {
            return null; // the ceiling cart is no shopper's cart: keep this shopper's own state
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            lines = lines(body);
            return body;
        } catch (IOException e) {
            cartId = null; // a 2xx without a cart in it: count it as answered, start afresh
            return null;
        }
    }

    /** The stable {@code code} of a problem answer, or null when the body is not one. */
    static String problemCode(byte[] body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem != null && problem.path("code").isTextual() ? problem.get("code").asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The cart's lines as the answer shows them (the first page is enough: load carts stay small). */
    static List<LineChange.Line> lines(JsonNode cart) {
        List<LineChange.Line> result = new ArrayList<>();
        for (JsonNode line : cart.path("lines")) {
            result.add(new LineChange.Line(line.path("lineId").asText(), line.path("sku").asText(),
                    line.path("quantity").asInt()));
        }
        return List.copyOf(result);
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JSON string: " + text, e);
        }
    }
}
