package dev.cartflow.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;

/**
 * The bounded load check of the cart service (not a test, and not run by {@code mvn verify}):
 * starts the executable jar on a free loopback port (or uses a loopback {@code --url=}), waits
 * until it is ready, warms it up (unmeasured, 30 s by default), then runs one step per client count
 * (1, 4, 16 by default) of closed-loop guest shoppers, each with its own cart and connection, doing
 * 70 % {@code GET /carts/{id}}, 25 % line changes ({@code POST /lines} or {@code PATCH}) and 5 %
 * checkouts (a new cart replaces a checked-out one). Each step warms up (unmeasured) and then
 * measures for a bounded time and number of actions, and the driver prints throughput,
 * p50/p99/p99.9 latency and the non-2xx answers by status and code as Markdown tables.
 * {@code benchmarks/service-load.sh} builds and runs it; the options are in {@link LoadOptions} and
 * docs/performance-notes.md.
 */
public final class ServiceLoad {
    /** The load carts' currency. */
    static final String CURRENCY = "EUR";
    /** The load carts' ship-to country. */
    static final String COUNTRY = "DE";
    private static final List<String> PLACEHOLDER_SKUS = List.of("MUG", "TEA");

    private ServiceLoad() {
    }

    /**
     * Runs the load and prints the tables.
     *
     * @param args {@code --name=value} options (see docs/performance-notes.md, "Issue 13")
     * @throws Exception when the service cannot be started or a client fails unexpectedly
     */
    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        try (ServiceUnderLoad service = open(options)) {
            List<String> skus = options.skus().isEmpty() ? catalog(service.base()) : options.skus();
            System.out.printf("cart service at %s%s; %d products; mix %s; steps %s clients, %d s warm-up + at most "
                            + "%d s or %d actions measured; %s, %d cores%n", service.base(),
                    service.pid() < 0 ? "" : " (pid " + service.pid() + ", " + options.jar() + ")", skus.size(),
                    options.mix(), options.clients(), options.warmup().toSeconds(), options.measure().toSeconds(),
                    options.maxRequests(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            if (!options.serviceWarmup().isZero()) {
                // the first step would otherwise measure a service whose JIT is still compiling the request path
                int clients = options.clients().stream().max(Integer::compare).orElseThrow();
                System.out.printf("service warm-up: %d s at %d clients, not measured%n",
                        options.serviceWarmup().toSeconds(), clients);
                step(service.base(), skus, options, clients, options.serviceWarmup(), Duration.ZERO);
            }
            List<StepResult> results = new ArrayList<>();
            for (int clients : options.clients()) {
                StepResult result = step(service.base(), skus, options, clients, options.warmup(), options.measure());
                results.add(result);
                System.out.printf("step %d clients: %d requests in %.1f s, %.0f req/s, non-2xx %s%n", clients,
                        result.stats().requests(), result.elapsed().toMillis() / 1000.0, result.throughput(),
                        LoadTable.failures(result.stats().failures()));
            }
            System.out.println();
            System.out.println(LoadTable.steps(results));
            System.out.println(LoadTable.kinds(results));
        }
    }

    private static ServiceUnderLoad open(LoadOptions options) throws IOException, InterruptedException {
        if (options.url() != null) {
            return ServiceUnderLoad.running(options.url());
        }
        Files.createDirectories(options.serviceLog().toAbsolutePath().getParent());
        return ServiceUnderLoad.start(options.jar(), options.serviceJvm(), options.serviceLog());
    }

    /**
     * The SKUs a load cart (EUR, shipped to {@value #COUNTRY}) can hold, from the demo catalog's
     * {@code GET /products}; before the demo shop had that resource (404), the placeholder shop's
     * products.
     */
    static List<String> catalog(URI base) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(base.resolve("/products?currency=" + CURRENCY))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() == 404) {
            System.out.println("GET /products answered 404 (no demo catalog yet): using the placeholder shop's "
                    + PLACEHOLDER_SKUS + "; pass --skus=SKU,SKU for others");
            return PLACEHOLDER_SKUS;
        }
        if (answer.statusCode() != 200) {
            throw new IOException("GET /products answered " + answer.statusCode()
                    + "; pass the products to add with --skus=SKU,SKU");
        }
        return skus(new ObjectMapper().readTree(answer.body()));
    }

    /**
     * The products of a catalog answer that a load cart can take one unit at a time, up to
     * {@value LineChange#MAX_QUANTITY}: in stock, sold to {@value #COUNTRY}, no minimum above 1, steps
     * of 1 ({@code minQuantity}, {@code quantityStep}, {@code maxQuantity}, or {@code min}, {@code step},
     * {@code max}; each filter only where the answer says it). An answer without a {@code products} array
     * gives every distinct {@code sku} member in it.
     */
    static List<String> skus(JsonNode catalog) {
        LinkedHashSet<String> skus = new LinkedHashSet<>();
        if (catalog.path("products").isArray()) {
            for (JsonNode product : catalog.path("products")) {
                if (product.hasNonNull("sku") && fits(product)) {
                    skus.add(product.get("sku").asText());
                }
            }
        } else {
            skus.addAll(catalog.findValuesAsText("sku"));
        }
        if (skus.isEmpty()) {
            throw new IllegalArgumentException(
                    "the catalog answer names no product a load cart can hold; pass --skus=");
        }
        return List.copyOf(skus);
    }

    private static boolean fits(JsonNode product) {
        boolean soldHere = !product.path("countries").isArray() || product.path("countries").isEmpty()
                || StreamSupport.stream(product.path("countries").spliterator(), false)
                        .anyMatch(country -> country.asText().equals(COUNTRY));
        return soldHere && product.path("inStock").asBoolean(true) && number(product, "minQuantity", "min", 1) <= 1
                && number(product, "quantityStep", "step", 1) == 1
                && number(product, "maxQuantity", "max", Integer.MAX_VALUE) >= LineChange.MAX_QUANTITY;
    }

    /** A product's whole number under either of its names (the demo catalog's, or the short one), else the default. */
    private static int number(JsonNode product, String name, String shortName, int otherwise) {
        JsonNode value = product.hasNonNull(name) ? product.get(name) : product.path(shortName);
        return value.isNumber() ? value.asInt() : otherwise;
    }

    private static StepResult step(URI base, List<String> skus, LoadOptions options, int clients, Duration warmup,
                                   Duration measure) throws Exception {
        String loadBefore = loadAverage();
        long warmupEnd = System.nanoTime() + warmup.toNanos();
        long measureEnd = warmupEnd + measure.toNanos();
        AtomicLong actionsLeft = new AtomicLong(options.maxRequests());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<ClientRun>> runs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long seed = options.seed() + c;
            runs.add(pool.submit(() -> client(base, skus, options.mix(), seed, warmupEnd, measureEnd, actionsLeft)));
        }
        StepStats stats = new StepStats();
        long lastAnswer = warmupEnd;
        try {
            for (Future<ClientRun> run : runs) {
                ClientRun done = run.get();
                stats.add(done.stats());
                lastAnswer = Math.max(lastAnswer, done.finishedAt());
            }
        } finally {
            pool.shutdownNow();
        }
        return new StepResult(clients, stats, Duration.ofNanos(lastAnswer - warmupEnd), loadBefore, loadAverage());
    }

    private record ClientRun(StepStats stats, long finishedAt) {
    }

    private static ClientRun client(URI base, List<String> skus, Mix mix, long seed, long warmupEnd, long measureEnd,
                                    AtomicLong actionsLeft) throws InterruptedException {
        SplittableRandom random = new SplittableRandom(seed);
        Shopper shopper = new Shopper(base, skus, random.split());
        while (System.nanoTime() < warmupEnd) {
            shopper.act(mix.next(random));
        }
        StepStats measured = new StepStats();
        shopper.recordInto(measured);
        while (System.nanoTime() < measureEnd && actionsLeft.getAndDecrement() > 0) {
            shopper.act(mix.next(random));
        }
        return new ClientRun(measured, System.nanoTime());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException unavailable) {
            return "?";
        }
    }
}
