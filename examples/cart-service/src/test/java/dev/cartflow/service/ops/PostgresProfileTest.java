package dev.cartflow.service.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cartflow.core.CartEngine;
import dev.cartflow.model.Actor;
import dev.cartflow.model.CartId;
import dev.cartflow.model.PricedCart;
import dev.cartflow.service.CartServiceApplication;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The service with the {@code postgres} profile on a real PostgreSQL and Redis started by the test,
 * over real HTTP; a second instance on the same database and Redis answers retries and stale
 * versions as the first would.
 */
@SpringBootTest(classes = CartServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresProfileTest {
    /** The environment both instances get, as an operator would give it (the profile's placeholders). */
    private static final Map<String, String> SETTINGS = settings(OpsServers.postgresUrlWithFreshSchema());
    private static ConfigurableApplicationContext second;

    @LocalServerPort
    int port;
    @Autowired
    CartEngine engine;
    @Autowired
    DataSource dataSource;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SETTINGS.forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void cartFlow_postgresProfile_storedInPostgresCachedInRedisAndCheckedOut() {
        ServiceClient http = new ServiceClient(port);
        Guest guest = Guest.create(http);
        ServiceClient.Reply added = http.send("POST", guest.path("/lines"), "{\"sku\":\"MUG\",\"quantity\":2}",
                guest.headers());
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        ServiceClient.Reply coded = http.send("POST", guest.path("/codes"), "{\"code\":\"WELCOME10\"}", guest.headers());
        assertThat(coded.status()).as(coded.body()).isEqualTo(200);
        ServiceClient.Reply shipped = http.send("PUT", guest.path("/shipping-method"), "{\"methodId\":\"STANDARD\"}",
                guest.headers());
        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        PricedCart expected = engine.price(Actor.guest(guest.token()), CartId.parse(guest.id()));

        ServiceClient.Reply read = http.get(guest.path(""), guest.headers());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("totals").path("total").path("amount").asString())
                .isEqualTo(expected.total().toDecimalString());
        assertThat(read.json().path("codes").get(0).path("code").asString()).isEqualTo("WELCOME10");
        assertThat(read.json().path("shippingMethod").asString()).isEqualTo("STANDARD");

        ServiceClient.Reply checkout = http.send("POST", guest.path("/checkout"), null, guest.headers());
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(200);
        assertThat(checkout.json().path("totals").path("total").path("amount").asString())
                .isEqualTo(expected.total().toDecimalString());
        long version = checkout.json().path("version").asLong();

        JdbcTemplate sql = new JdbcTemplate(dataSource);
        Map<String, Object> row = sql.queryForMap(
                "SELECT state, version, shipping_method FROM carts WHERE id = ?::uuid", guest.id());
        assertThat(row).containsEntry("state", "CHECKED_OUT").containsEntry("version", version)
                .containsEntry("shipping_method", "STANDARD");
        assertThat(sql.queryForObject("SELECT quantity FROM cart_lines WHERE cart_id = ?::uuid AND sku = 'MUG'",
                Integer.class, guest.id())).isEqualTo(2);
        assertThat(sql.queryForList("SELECT code FROM cart_codes WHERE cart_id = ?::uuid", String.class, guest.id()))
                .containsExactly("WELCOME10");
        assertThat(sql.queryForList("SELECT type FROM outbox WHERE cart_id = ?::uuid ORDER BY id", String.class,
                guest.id())).contains("CREATED", "CHECKED_OUT");
        // in this profile the demo's reservations are in PostgreSQL, shared by every instance
        assertThat(sql.queryForObject("SELECT sum(units) FROM stock_reservation_lines WHERE cart_id = ?::uuid",
                Integer.class, guest.id())).isEqualTo(2);

        try (RedisClient client = RedisClient.create(SETTINGS.get("CARTSERVICE_REDIS_URI"));
             StatefulRedisConnection<String, String> redis = client.connect()) {
            String snapshot = SETTINGS.get("cartflow.redis.key-prefix") + ":{" + guest.id() + "}:snap";
            assertThat(redis.sync().hget(snapshot, "v")).isEqualTo(Long.toString(version));
        }
    }

    @Test
    void ifMatch_staleVersionOnSecondInstance_answers412WithCurrentVersion() {
        ServiceClient first = new ServiceClient(port);
        Guest guest = Guest.create(first);
        long created = guest.version();
        ServiceClient.Reply added = first.send("POST", guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":1}",
                guest.headers());
        long current = added.json().path("version").asLong();
        assertThat(current).isGreaterThan(created);

        ServiceClient.Reply stale = secondInstance().send("POST", guest.path("/lines"),
                "{\"sku\":\"MUG\",\"quantity\":1}", guest.headers("If-Match", "\"" + created + "\""));

        assertThat(stale.status()).as(stale.body()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(current);
        assertThat(stale.json().path("code").asString()).isEqualTo("VERSION_CONFLICT");
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "SELECT count(*) FROM cart_lines WHERE cart_id = ?::uuid", Integer.class, guest.id())).isEqualTo(1);
    }

    @Test
    void idempotencyKey_retriedOnSecondInstance_replaysFirstResponse() {
        ServiceClient first = new ServiceClient(port);
        Guest guest = Guest.create(first);
        String key = UUID.randomUUID().toString();
        String body = "{\"sku\":\"MUG\",\"quantity\":3}";
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        long keptBefore = sql.queryForObject("SELECT count(*) FROM idempotency_keys", Long.class);
        ServiceClient.Reply original = first.send("POST", guest.path("/lines"), body,
                guest.headers("Idempotency-Key", key));
        assertThat(original.status()).as(original.body()).isEqualTo(200);
        // the first response is kept in PostgreSQL, where any instance finds it
        assertThat(sql.queryForObject("SELECT count(*) FROM idempotency_keys", Long.class)).isEqualTo(keptBefore + 1);

        ServiceClient.Reply retry = secondInstance().send("POST", guest.path("/lines"), body,
                guest.headers("Idempotency-Key", key));
        ServiceClient.Reply reused = secondInstance().send("POST", guest.path("/lines"),
                "{\"sku\":\"TEA\",\"quantity\":1}", guest.headers("Idempotency-Key", key));

        assertThat(retry.status()).isEqualTo(original.status());
        assertThat(retry.json()).isEqualTo(original.json());
        assertThat(reused.status()).as(reused.body()).isEqualTo(422);
        assertThat(reused.json().path("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(sql.queryForObject("SELECT quantity FROM cart_lines WHERE cart_id = ?::uuid AND sku = 'MUG'",
                Integer.class, guest.id())).isEqualTo(3);
        assertThat(sql.queryForObject("SELECT version FROM carts WHERE id = ?::uuid", Long.class, guest.id()))
                .isEqualTo(original.json().path("version").asLong());
    }

    @Test
    void health_postgresProfile_livenessAndReadinessUpWithCartflow() {
        ServiceClient http = new ServiceClient(port);

        ServiceClient.Reply readiness = http.get("/actuator/health/readiness");
        ServiceClient.Reply liveness = http.get("/actuator/health/liveness");
        ServiceClient.Reply all = http.get("/actuator/health");

        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
        assertThat(readiness.json().path("components").path("cartflow").path("status").asString()).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
        assertThat(all.json().path("components").has("db")).as(all.body()).isTrue();
    }

    @Test
    void prometheus_afterCartOperations_scrapeContainsCartflowOperations() {
        ServiceClient http = new ServiceClient(port);
        Guest guest = Guest.create(http);
        http.send("POST", guest.path("/lines"), "{\"sku\":\"TEA\",\"quantity\":2}", guest.headers());

        ServiceClient.Reply scrape = http.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).containsPattern("(?m)^cartflow_operations_seconds_count\\{.*operation=\"ADD_ITEM\"");
        assertThat(scrape.body()).doesNotContain(guest.id()).doesNotContain(guest.token());
    }

    @Test
    void demoSignIn_postgresProfile_isNotServed() {
        ServiceClient.Reply signIn = new ServiceClient(port).send("POST", "/demo/sign-in", "{\"customerId\":\"alice\"}");

        assertThat(signIn.status()).isGreaterThanOrEqualTo(400);
        assertThat(signIn.body()).doesNotContain("\"token\"");
    }

    @Test
    void start_postgresProfileWithoutHmacKey_refusesToStart() {
        assumeThat(System.getenv("CARTSERVICE_AUTH_HMAC_KEY")).as("set in this environment").isNull();
        Map<String, String> withoutKey = settings(OpsServers.postgresUrlWithFreshSchema());
        withoutKey.remove("CARTSERVICE_AUTH_HMAC_KEY");

        assertThatThrownBy(() -> start(withoutKey).close())
                .satisfies(failure -> assertThat(messages(failure)).contains("cartservice.auth.hmac-key is not set"));
    }

    private static ServiceClient secondInstance() {
        synchronized (PostgresProfileTest.class) {
            if (second == null) {
                second = start(SETTINGS);
            }
        }
        return new ServiceClient(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
    }

    /** Another instance of the service, as a second process would run it, with these settings. */
    private static ConfigurableApplicationContext start(Map<String, String> settings) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--server.port=0"));
        settings.forEach((name, value) -> args.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(CartServiceApplication.class).run(args.toArray(String[]::new));
    }

    /** The postgres profile's environment for a test instance (also MonitoringStackTest's). */
    static Map<String, String> settings(String postgresUrl) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("CARTSERVICE_POSTGRES_URL", postgresUrl);
        settings.put("CARTSERVICE_POSTGRES_USERNAME", "postgres");
        settings.put("CARTSERVICE_POSTGRES_PASSWORD", "postgres");
        settings.put("CARTSERVICE_REDIS_URI", OpsServers.redisUri());
        settings.put("CARTSERVICE_AUTH_HMAC_KEY", Base64.getEncoder().encodeToString(key));
        // a key prefix of this run's own, so runs sharing a Redis do not meet
        settings.put("cartflow.redis.key-prefix", "ops-" + UUID.randomUUID());
        settings.put("cartflow.redis.command-timeout", "5s");
        settings.put("cartservice.grpc.port", "0");
        return settings;
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** A guest cart made over HTTP: its id, token and version at creation. */
    private record Guest(String id, String token, long version) {
        static Guest create(ServiceClient http) {
            ServiceClient.Reply created = http.send("POST", "/carts", "{\"currency\":\"EUR\",\"country\":\"DE\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode json = created.json();
            return new Guest(json.path("id").asString(), json.path("token").asString(), json.path("version").asLong());
        }

        String path(String rest) {
            return "/carts/" + id + rest;
        }

        String[] headers(String... more) {
            String[] all = new String[more.length + 2];
            all[0] = "Cart-Token";
            all[1] = token;
            System.arraycopy(more, 0, all, 2, more.length);
            return all;
        }
    }
}
