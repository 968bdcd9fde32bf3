package dev.cartflow.benchmarks.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shopper against a small fake of the cart resources on a loopback port (not the real service). */
class ShopperTest {
    private static final Pattern SKU = Pattern.compile("\"sku\":\"([^\"]+)\"");
    private static final Pattern QUANTITY = Pattern.compile("\"quantity\":(\\d+)");

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> wrongTokens = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, String>> carts = new ConcurrentHashMap<>(); // cart -> lineId -> "sku:qty"
    private final AtomicInteger ids = new AtomicInteger();
    private volatile int forcedStatus;

    @BeforeEach
    void startFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopFake() {
        server.stop(0);
    }

    @Test
    void act_checkoutThenAnotherAction_replacesTheCheckedOutCartWithANewOneWithItsFirstLines() throws Exception {
        Shopper shopper = shopper();
        StepStats stats = new StepStats();
        shopper.recordInto(stats);

        shopper.act(Mix.Action.READ); // no cart yet: creates one first
        shopper.act(Mix.Action.READ);
        shopper.act(Mix.Action.CHECKOUT);
        shopper.act(Mix.Action.READ);

        assertThat(stats.requests(StepStats.Kind.CREATE)).isEqualTo(2);
        assertThat(stats.requests(StepStats.Kind.ADD_LINE)).isEqualTo(2L * Shopper.FIRST_LINES);
        assertThat(stats.requests(StepStats.Kind.READ)).isEqualTo(3);
        assertThat(stats.requests(StepStats.Kind.CHECKOUT)).isEqualTo(1);
        assertThat(stats.failures()).isEmpty();
        int afterFirstLines = 1 + Shopper.FIRST_LINES;
        assertThat(requests.get(0)).isEqualTo("POST /carts");
        assertThat(requests.subList(afterFirstLines, afterFirstLines + 4)).containsExactly("GET /carts/cart-1",
                "GET /carts/cart-1", "POST /carts/cart-1/checkout", "POST /carts");
        assertThat(requests.get(requests.size() - 1)).isEqualTo("GET /carts/" + newest());
        assertThat(wrongTokens).isEmpty();
    }

    @Test
    void act_manyLineChanges_patchOnlyLinesTheCartHas() throws Exception {
        Shopper shopper = shopper();
        StepStats stats = new StepStats();
        shopper.recordInto(stats);

        for (int i = 0; i < 60; i++) {
            shopper.act(Mix.Action.CHANGE_LINE);
        }

        assertThat(stats.failures()).as("the fake answers 404 for a line it does not have").isEmpty();
        assertThat(stats.requests(StepStats.Kind.SET_QUANTITY)).isPositive();
        assertThat(stats.requests(StepStats.Kind.CREATE)).isEqualTo(1);
        assertThat(carts.get("cart-1").size()).isBetween(1, LineChange.MAX_LINES);
    }

    @Test
    void act_errorAnswer_countsItsStatusAndStartsAfreshWithANewCart() throws Exception {
        Shopper shopper = shopper();
        StepStats stats = new StepStats();
        shopper.recordInto(stats);
        shopper.act(Mix.Action.READ);

        forcedStatus = 503;
        shopper.act(Mix.Action.READ);
        forcedStatus = 0;
        shopper.act(Mix.Action.READ);

        assertThat(stats.failures()).containsExactly(Map.entry("503 PROVIDER_UNAVAILABLE", 1L));
        assertThat(requests.get(requests.size() - 2 - Shopper.FIRST_LINES)).isEqualTo("POST /carts");
        assertThat(requests.get(requests.size() - 1)).isEqualTo("GET /carts/" + newest());
        assertThat(newest()).isNotEqualTo("cart-1");
    }

    /** The cart the fake created last. */
    private String newest() {
        return carts.keySet().stream().max(java.util.Comparator.comparingInt(id -> Integer.parseInt(id.substring(5))))
                .orElseThrow();
    }

    private Shopper shopper() {
        return new Shopper(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), List.of("MUG", "TEA",
                "PAN", "CUP", "JAR", "LID", "BOWL"), new SplittableRandom(9));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(method + " " + path);
        if (forcedStatus != 0) {
            reply(exchange, forcedStatus, "{\"code\":\"PROVIDER_UNAVAILABLE\"}");
            return;
        }
        if (method.equals("POST") && path.equals("/carts")) {
            String id = "cart-" + ids.incrementAndGet();
            carts.put(id, new LinkedHashMap<>());
            reply(exchange, 201, cart(id, "token-" + id));
            return;
        }
        String[] parts = path.split("/"); // "", "carts", id, ...
        String id = parts[2];
        Map<String, String> lines = carts.get(id);
        if (!("token-" + id).equals(exchange.getRequestHeaders().getFirst("Cart-Token"))) {
            wrongTokens.add(method + " " + path);
        }
        if (method.equals("POST") && parts.length == 4 && parts[3].equals("lines")) {
            Matcher sku = SKU.matcher(body);
            sku.find();
            lines.put("line-" + ids.incrementAndGet(), sku.group(1) + ":1");
        } else if (method.equals("PATCH")) {
            Matcher quantity = QUANTITY.matcher(body);
            quantity.find();
            String lineId = parts[4];
            if (!lines.containsKey(lineId)) {
                reply(exchange, 404, "{}");
                return;
            }
            if (quantity.group(1).equals("0")) {
                lines.remove(lineId);
            } else {
                lines.put(lineId, lines.get(lineId).split(":")[0] + ":" + quantity.group(1));
            }
        }
        reply(exchange, 200, cart(id, null));
    }

    private String cart(String id, String token) {
        List<String> lines = new ArrayList<>();
        carts.get(id).forEach((lineId, skuAndQuantity) -> lines.add("{\"lineId\":\"" + lineId + "\",\"sku\":\""
                + skuAndQuantity.split(":")[0] + "\",\"quantity\":" + skuAndQuantity.split(":")[1] + "}"));
        return "{\"id\":\"" + id + "\"" + (token == null ? "" : ",\"token\":\"" + token + "\"") + ",\"lines\":["
                + String.join(",", lines) + "]}";
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
