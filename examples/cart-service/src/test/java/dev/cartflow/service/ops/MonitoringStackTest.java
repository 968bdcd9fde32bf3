package dev.cartflow.service.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.observe.BreakerState;
import dev.cartflow.core.observe.CartObserver;
import dev.cartflow.core.observe.Outcome;
import dev.cartflow.model.CartOperation;
import dev.cartflow.service.CartServiceApplication;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring files of deploy/ against the service as it runs in its deployment (the postgres
 * profile, real PostgreSQL and Redis): Debian's Prometheus scrapes it and answers a query with what
 * this test's requests produced, loads the rule files and evaluates them without error; every
 * expression of the rules and the Grafana dashboard names a metric the service exports; the
 * Deployment's probe paths answer UP.
 */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class MonitoringStackTest {
    private static final Map<String, String> SETTINGS =
            PostgresProfileTest.settings(OpsServers.postgresUrlWithFreshSchema());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DASHBOARD = Path.of("deploy", "grafana", "cartflow.json");

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;
    @Autowired
    CartObserver observer;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SETTINGS.forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeAll
    static void prometheusIsInstalled() {
        PrometheusServer.requireInstalled();
    }

    @Test
    void prometheus_scrapesTheService_queryCountsTheCartsThisTestCreated() throws Exception {
        ServiceClient http = new ServiceClient(port);
        long before = createdGuestCarts();
        int carts = 2 + ThreadLocalRandom.current().nextInt(4);
        for (int i = 0; i < carts; i++) {
            assertThat(http.send("POST", "/carts", "{\"currency\":\"EUR\",\"country\":\"DE\"}").status()).isEqualTo(201);
        }
        String query = "sum(cartflow_operations_seconds_count{job=\"cart-service\",operation=\"CREATE_GUEST_CART\","
                + "outcome=\"SUCCESS\"})";

        try (PrometheusServer prometheus = PrometheusServer.scraping(port)) {
            double answered = awaitValue(prometheus, query, before + carts);

            assertThat(answered).as(prometheus.log()).isEqualTo(before + carts);
            assertThat(value(prometheus.query("up{job=\"cart-service\"}"))).isEqualTo(1.0);
            assertRulesLoadedAndEvaluated(prometheus);
        }
    }

    @Test
    void expressions_ofRulesAndDashboard_nameOnlyMetricsTheServiceExports() throws IOException {
        driveEveryMeter();
        Set<String> exported = exportedNames(new ServiceClient(port).get("/actuator/prometheus").body());
        Set<String> recorded = new TreeSet<>();
        List<String> expressions = new ArrayList<>();
        for (Path file : PrometheusServer.RULE_FILES) {
            for (Map<String, Object> rule : rules(file)) {
                expressions.add(String.valueOf(rule.get("expr")));
                if (rule.containsKey("record")) {
                    recorded.add(String.valueOf(rule.get("record")));
                }
            }
        }
        List<String> dashboard = new ArrayList<>();
        collectExpressions(JSON.readTree(Files.readString(DASHBOARD)), dashboard);
        assertThat(dashboard).as("the dashboard's queries").hasSizeGreaterThan(20);
        expressions.addAll(dashboard);

        List<String> unknown = new ArrayList<>();
        for (String expression : expressions) {
            Set<String> names = PromQlNames.of(expression);
            assertThat(names).as(expression).isNotEmpty();
            for (String name : names) {
                // up is Prometheus' own series of each scrape target
                if (!exported.contains(name) && !recorded.contains(name) && !name.equals("up")) {
                    unknown.add(name + " in " + expression.strip());
                }
            }
        }
        assertThat(unknown).as("names the service does not export (exported: %s)", exported).isEmpty();
    }

    @Test
    void probes_ofTheDeployment_answerUpOnTheRunningService() throws IOException {
        Map<String, Object> container = deploymentContainer();
        ServiceClient http = new ServiceClient(port);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = String.valueOf(((Map<?, ?>) ((Map<?, ?>) container.get(probe)).get("httpGet")).get("path"));
            ServiceClient.Reply reply = http.get(path);

            assertThat(reply.status()).as(probe + " " + path + ": " + reply.body()).isEqualTo(200);
            assertThat(reply.json().path("status").asString()).isEqualTo("UP");
        }
    }

    /**
     * Real requests for the meters a cart flow produces (operations, checkout, codes, the Redis cart
     * cache, the outbox); the meters that only a failure creates (provider errors and retries,
     * breaker states, conflict retries, survived failures) through the service's own observer, so
     * their names are exactly those the service would export.
     */
    private void driveEveryMeter() {
        ServiceClient http = new ServiceClient(port);
        ServiceClient.Reply created = http.send("POST", "/carts", "{\"currency\":\"EUR\",\"country\":\"DE\"}");
        String path = "/carts/" + created.json().path("id").asString();
        String token = created.json().path("token").asString();
        assertThat(http.send("POST", path + "/lines", "{\"sku\":\"MUG\",\"quantity\":2}", "Cart-Token", token).status())
                .isEqualTo(200);
        assertThat(http.send("POST", path + "/codes", "{\"code\":\"NO-SUCH-CODE\"}", "Cart-Token", token).status())
                .isBetween(400, 499);
        assertThat(http.send("POST", path + "/codes", "{\"code\":\"WELCOME10\"}", "Cart-Token", token).status())
                .isEqualTo(200);
        assertThat(http.get(path, "Cart-Token", token).status()).isEqualTo(200);
        assertThat(http.send("POST", path + "/checkout", null, "Cart-Token", token).status()).isEqualTo(200);
        observer.providerCalled("pricing", Outcome.ERROR, Duration.ofMillis(3));
        observer.providerRetried("pricing", 2);
        observer.breakerChanged("pricing", BreakerState.CLOSED);
        observer.conflictRetried(CartOperation.ADD_ITEM, 2);
        observer.failureSwallowed("redis.cache", new IllegalStateException("test"));
        observer.cacheAccessed("catalog", true);
        // jvm.gc.pause appears with the first collection after start-up, which a short run may not have had
        System.gc();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (registry.find("jvm.gc.pause").timers().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private long createdGuestCarts() {
        return registry.find("cartflow.operations").tags("operation", "CREATE_GUEST_CART", "outcome", "SUCCESS")
                .timers().stream().mapToLong(Timer::count).sum();
    }

    private static double awaitValue(PrometheusServer prometheus, String query, double expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        double last = Double.NaN;
        while (System.nanoTime() < deadline) {
            last = value(prometheus.query(query));
            if (last == expected) {
                return last;
            }
            Thread.sleep(500);
        }
        return last;
    }

    /** The value of a one-sample instant vector, NaN when it is empty. */
    private static double value(JsonNode result) {
        return result.isEmpty() ? Double.NaN : Double.parseDouble(result.get(0).path("value").get(1).asString());
    }

    /** Prometheus loaded every rule of the files, and evaluated the alerts (1 s groups) without error. */
    private static void assertRulesLoadedAndEvaluated(PrometheusServer prometheus) throws Exception {
        int inFiles = 0;
        for (Path file : PrometheusServer.RULE_FILES) {
            inFiles += rules(file).size();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> states;
        do {
            states = new ArrayList<>();
            for (JsonNode group : prometheus.api("/api/v1/rules").path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    states.add(rule.path("type").asString() + " " + rule.path("name").asString() + " "
                            + rule.path("health").asString() + " " + rule.path("lastError").asString(""));
                }
            }
            if (states.stream().noneMatch(s -> s.startsWith("alerting") && !s.contains(" ok"))) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        assertThat(states).hasSize(inFiles);
        assertThat(states).noneMatch(s -> s.contains(" err"));
        assertThat(states).filteredOn(s -> s.startsWith("alerting")).allMatch(s -> s.contains(" ok"));
    }

    private static Set<String> exportedNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static List<Map<String, Object>> rules(Path file) throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> root = new Yaml().load(reader);
            for (Object group : (List<?>) root.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) rule;
                    rules.add(typed);
                }
            }
        }
        return rules;
    }

    private static void collectExpressions(JsonNode node, List<String> into) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("expr")) {
                    into.add(field.getValue().asString());
                } else {
                    collectExpressions(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectExpressions(child, into));
        }
    }

    private static Map<String, Object> deploymentContainer() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("deploy", "k8s", "deployment.yaml"))) {
            Map<?, ?> deployment = new Yaml().load(reader);
            Map<?, ?> spec = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) deployment.get("spec")).get("template")).get("spec");
            @SuppressWarnings("unchecked")
            Map<String, Object> container = (Map<String, Object>) ((List<?>) spec.get("containers")).get(0);
            return container;
        }
    }
}
