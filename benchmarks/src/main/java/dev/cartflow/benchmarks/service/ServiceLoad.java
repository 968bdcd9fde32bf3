package dev.cartflow.benchmarks.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * The bounded HTTP load of the cart service (not a test, and not run by {@code mvn verify}), per
 * variant ({@code in-memory}, {@code postgres-redis}: {@link ServiceSetup}): starts the executable
 * jar on a free loopback port (or uses a loopback {@code --url=}), waits until it is ready, warms it
 * up (unmeasured, 30 s by default), then runs one step per client count (1, 4, 16 by default) of
 * closed-loop guest shoppers, each with its own cart and connection, doing 70 %
 * {@code GET /carts/{id}}, 25 % line changes ({@code POST /lines} or {@code PATCH}) and 5 % checkouts
 * (a new cart replaces a checked-out one). Each step warms up (unmeasured) and then measures for a
 * bounded time and number of actions, and the driver prints throughput, p50/p99/p99.9 latency and
 * the non-2xx answers by status and code as Markdown tables. Then the ceilings of the same run: for
 * {@code in-memory}, priced reads only against the service's trivial endpoint at each client count
 * and their ratio; for {@code postgres-redis}, pgbench with the mix's SQL ({@link PgbenchCeiling}).
 * Rows go to {@code $CARTFLOW_RESULTS/http-load.jsonl} ({@link JsonlResults}).
 * {@code benchmarks/http-load.sh} builds and runs it; the options are in {@link LoadOptions} and
 * docs/performance-notes.md.
 */
public final class ServiceLoad {
    /** The load carts' currency. */
    static final String CURRENCY = "EUR";
    /** The load carts' ship-to country. */
    static final String COUNTRY = "DE";
    /** The suite name of the rows ({@code http-load.jsonl}). */
    static final String SUITE = "http-load";
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
        JsonlResults results = JsonlResults.fromEnvironment();
        for (ServiceSetup.Variant variant : options.variants()) {
            try (ServiceSetup service = open(options, variant)) {
                run(service, options, results);
            }
        }
    }

    private static void run(ServiceSetup service, LoadOptions options, JsonlResults results) throws Exception {
        String variant = service.variant().label;
        List<String> skus = options.skus().isEmpty() ? catalog(service.base()) : options.skus();
        System.out.printf("%n## %s: cart service at %s%s; %d products; mix %s; steps %s clients, %d s warm-up + at "
                        + "most %d s or %d actions measured; %s, %d cores%n", variant, service.base(),
                service.pid() < 0 ? "" : " (pid " + service.pid() + ", " + options.jar() + ")", skus.size(),
                options.mix(), options.clients(), options.warmup().toSeconds(), options.measure().toSeconds(),
                options.maxRequests(), System.getProperty("java.vm.name") + " " + Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        ClosedLoop loop = ClosedLoop.mix(service.base(), skus, options.mix(), options.seed(), options.maxRequests());
        if (!options.serviceWarmup().isZero()) {
            // the first step would otherwise measure a service whose JIT is still compiling the request path
            int clients = options.clients().stream().max(Integer::compare).orElseThrow();
            System.out.printf("service warm-up: %d s at %d clients, not measured%n",
                    options.serviceWarmup().toSeconds(), clients);
            loop.run(clients, options.serviceWarmup(), Duration.ZERO);
            if (options.ceilings()) {
                loop.onCeiling().run(clients, options.warmup(), Duration.ZERO);
            }
        }
        List<StepResult> steps = new ArrayList<>();
        for (int clients : options.clients()) {
            Instant started = Instant.now();
            StepResult result = loop.run(clients, options.warmup(), options.measure());
            steps.add(result);
            print(variant + " mix", result);
            results.append(JsonlResults.stepRow(SUITE, variant, result, started));
        }
        System.out.println();
        System.out.println(LoadTable.steps(steps));
        System.out.println(LoadTable.kinds(steps));
        if (options.ceilings() && service.variant() == ServiceSetup.Variant.IN_MEMORY) {
            trivialCeiling(loop, options, variant, results);
        }
        if (options.ceilings() && service.variant() == ServiceSetup.Variant.POSTGRES_REDIS) {
            PgbenchCeiling.run(service, options, steps, results);
        }
    }

    /**
     * Priced reads only against the trivial endpoint, alternating at each client count so that
     * both see the same machine: the ratio reads / trivial is the share of the framework's ceiling
     * the engine's read path leaves.
     */
    private static void trivialCeiling(ClosedLoop loop, LoadOptions options, String variant, JsonlResults results)
            throws Exception {
        ClosedLoop reads = loop.withMix(new Mix(100, 0, 0));
        List<String> rows = new ArrayList<>();
        for (int clients : options.clients()) {
            Instant readsStarted = Instant.now();
            StepResult read = reads.run(clients, options.warmup(), options.measure());
            print(variant + " reads", read);
            Instant trivialStarted = Instant.now();
            StepResult trivial = loop.onCeiling().run(clients, options.warmup(), options.measure());
            print("trivial", trivial);
            double ratio = trivial.throughput() == 0 ? 0 : read.throughput() / trivial.throughput();
            Map<String, Object> readRow = JsonlResults.stepRow(SUITE, variant + "-reads", read, readsStarted);
            readRow.put("ratio_to_trivial", Math.round(ratio * 1000) / 1000.0);
            readRow.put("body_bytes", read.stats().meanBytes(StepStats.Kind.READ));
            results.append(readRow);
            Map<String, Object> trivialRow = JsonlResults.stepRow(SUITE, "trivial", trivial, trivialStarted);
            trivialRow.put("body_bytes", trivial.stats().meanBytes(StepStats.Kind.CEILING));
            results.append(trivialRow);
            rows.add(String.format(Locale.ROOT, "| %d | %.0f | %s | %.0f | %s | %.2f | %d / %d | %s, %s |", clients,
                    read.throughput(), LoadTable.millis(read.stats().percentileMicros(StepStats.Kind.READ, 50)),
                    trivial.throughput(), LoadTable.millis(trivial.stats().percentileMicros(StepStats.Kind.CEILING,
                            50)), ratio, read.stats().meanBytes(StepStats.Kind.READ),
                    trivial.stats().meanBytes(StepStats.Kind.CEILING), read.loadBefore(), trivial.loadAfter()));
        }
        System.out.println();
        System.out.println("| clients | priced reads req/s | read p50 ms | trivial req/s | trivial p50 ms | reads / trivial "
                + "(target >= 0.5) | body bytes read / trivial | load avg before, after |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
    }

    private static void print(String what, StepResult result) {
        System.out.printf("%s, %d clients: %d requests in %.1f s, %.0f req/s, p50 %s ms, p99 %s ms, non-2xx %s%n",
                what, result.clients(), result.stats().requests(), result.elapsed().toMillis() / 1000.0,
                result.throughput(), LoadTable.millis(result.stats().percentileMicros(50)),
                LoadTable.millis(result.stats().percentileMicros(99)), LoadTable.failures(result.stats().failures()));
    }

    private static ServiceSetup open(LoadOptions options, ServiceSetup.Variant variant) throws Exception {
        if (options.url() != null) {
            return ServiceSetup.running(variant, options.url());
        }
        return ServiceSetup.start(variant, options.jar(), options.serviceJvm(), options.serviceArgs(),
                options.serviceLog());
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
}
