package dev.cartflow.service.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartflow.core.ratelimit.RateLimits;
import dev.cartflow.error.CartException;
import dev.cartflow.model.CartOperation;
import dev.cartflow.service.CartServiceApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document against the running service: every mapped route is documented and every
 * documented one mapped, every documented status is produced by a real request, and Swagger UI
 * answers.
 */
@SpringBootTest(classes = {CartServiceApplication.class, OpenApiContractTest.FailingStore.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = OpenApiContractTest.ANY_GRPC_PORT)
class OpenApiContractTest {

    /** The service on a cart store the test can make fail (a host SPI double). */
    @TestConfiguration(proxyBeanMethods = false)
    static class FailingStore {
        @Bean
        FaultyStorage faultyStorage() {
            return new FaultyStorage();
        }
    }

    /** The gRPC server beside HTTP binds a free port too, so two instances and other test runs never clash. */
    static final String ANY_GRPC_PORT = "cartservice.grpc.port=0";

    private static ConfigurableApplicationContext limitedService;

    @Autowired
    private ApplicationContext context;
    @Autowired
    private FaultyStorage storage;

    @BeforeAll
    static void startLimitedService() {
        // a second instance where every operation is allowed once an hour per actor, for the 429s
        List<String> properties = new ArrayList<>(List.of("server.port=0", ANY_GRPC_PORT,
                "spring.main.banner-mode=off"));
        for (CartOperation operation : CartOperation.values()) {
            if (!limitablePerActor(operation)) {
                continue;
            }
            String name = operation.name().toLowerCase(Locale.ROOT).replace('_', '-');
            properties.add("cartflow.rate-limits.per-actor." + name + ".capacity=1");
            properties.add("cartflow.rate-limits.per-actor." + name + ".period=1h");
        }
        limitedService = new SpringApplicationBuilder(CartServiceApplication.class)
                .properties(properties.toArray(String[]::new)).run();
    }

    private static boolean limitablePerActor(CartOperation operation) {
        try {
            RateLimits.builder().perActor(operation, 1, Duration.ofHours(1));
            return true;
        } catch (CartException e) {
            return false;
        }
    }

    @AfterAll
    static void stopLimitedService() {
        if (limitedService != null) {
            limitedService.close();
        }
    }

    @Test
    void apiDocs_everyMappedRoute_isDocumentedAndEveryDocumentedOneMapped() {
        Set<String> mapped = mappedRoutes();
        Set<String> documented = new TreeSet<>();
        document().operations().forEach(operation -> documented.add(operation.key()));

        assertThat(mapped).as("the application maps routes").isNotEmpty();
        for (String route : mapped) {
            if (route.startsWith("ANY ")) {
                String path = route.substring(4);
                assertThat(documented).as("a method of %s is documented", path)
                        .anyMatch(key -> key.endsWith(" " + path));
            } else {
                assertThat(documented).as("documented routes").contains(route);
            }
        }
        for (String route : documented) {
            String path = route.substring(route.indexOf(' ') + 1);
            assertThat(mapped.contains(route) || mapped.contains("ANY " + path))
                    .as("%s is documented and mapped", route).isTrue();
        }
    }

    @Test
    void apiDocs_document_describesTheServiceAndItsCredentials() throws IOException {
        JsonNode root = document().root();
        saveForReaders(root);

        assertThat(root.path("info").path("title").asString()).isNotBlank();
        assertThat(root.path("info").path("version").asString()).isEqualTo(OpenApiConfiguration.API_VERSION);
        JsonNode schemes = root.path("components").path("securitySchemes");
        assertThat(schemes.path(OpenApiConfiguration.CART_TOKEN).path("name").asString()).isEqualTo("Cart-Token");
        assertThat(schemes.path(OpenApiConfiguration.API_KEY).path("name").asString()).isEqualTo("X-Api-Key");
        assertThat(schemes.path(OpenApiConfiguration.BEARER).path("scheme").asString()).isEqualTo("bearer");
        assertThat(root.path("components").path("schemas").path("Problem").path("properties").path("code")
                .isMissingNode()).isFalse();
        assertThat(root.path("components").path("schemas").has("JsonNode")).as("no Jackson internals").isFalse();
        for (ApiDocument.Operation operation : document().operations()) {
            assertThat(operation.node().path("summary").asString()).as("summary of %s", operation).isNotBlank();
        }
    }

    @Test
    void apiDocs_operations_documentTheirHeaders() {
        ApiDocument document = document();
        for (ApiDocument.Operation operation : document.operations()) {
            Set<String> parameters = new TreeSet<>();
            operation.node().path("parameters")
                    .forEach(parameter -> parameters.add(document.resolve(parameter).path("name").asString()));
            if (operation.statuses().contains(412)) {
                assertThat(parameters).as("%s takes If-Match", operation).contains("If-Match");
            }
            if (!operation.method().equals("GET") && operation.statuses().contains(422)) {
                assertThat(parameters).as("%s takes Idempotency-Key", operation).contains("Idempotency-Key");
            }
            for (int status : operation.statuses()) {
                JsonNode headers = operation.response(status).path("headers");
                if (status == 429 || status == 503) {
                    assertThat(headers.has("Retry-After")).as("%s %d has Retry-After", operation, status).isTrue();
                }
                if (status == 201) {
                    assertThat(headers.has("Location")).as("%s 201 has Location", operation).isTrue();
                }
                String schema = operation.response(status).path("content").path("application/json").path("schema")
                        .path("$ref").asString("");
                JsonNode json = operation.response(status).path("content").path("application/json");
                if (!json.isMissingNode()) {
                    assertThat(json.path("examples").size() > 0 || json.has("example")
                            || document.resolve(json.path("schema")).has("example"))
                            .as("%s %d has an example", operation, status).isTrue();
                }
                JsonNode problem = operation.response(status).path("content").path("application/problem+json");
                if (status >= 400) {
                    assertThat(problem.path("examples").size()).as("%s %d has a problem example", operation, status)
                            .isPositive();
                }
                if (schema.endsWith("/PricedCart")) {
                    assertThat(headers.has("ETag")).as("%s %d has ETag", operation, status).isTrue();
                }
            }
        }
    }

    @Test
    void apiDocs_moneyExamples_areDecimalStrings() {
        ApiDocument document = document();
        JsonNode cart = document.root().path("components").path("examples")
                .path(OpenApiConfiguration.PRICED_CART_EXAMPLE).path("value");
        List<JsonNode> amounts = new ArrayList<>();
        collectAmounts(cart, amounts);

        assertThat(amounts).isNotEmpty();
        assertThat(amounts).allSatisfy(amount -> {
            assertThat(amount.isString()).as("%s is a string", amount).isTrue();
            assertThat(amount.asString()).matches("-?\\d+(\\.\\d+)?");
        });
    }

    @TestFactory
    Stream<DynamicTest> apiDocs_everyDocumentedStatus_isAnsweredByARealRequest() {
        ApiDocument document = document();
        StatusRecipes recipes = new StatusRecipes(document, new Service(context), new Service(limitedService),
                storage);
        List<DynamicTest> tests = new ArrayList<>();
        for (ApiDocument.Operation operation : document.operations()) {
            for (int status : operation.statuses()) {
                tests.add(DynamicTest.dynamicTest(operation + " answers " + status,
                        () -> checkAnswer(operation, status, recipes.produce(operation, status))));
            }
        }
        assertThat(tests).as("documented statuses").isNotEmpty();
        return tests.stream();
    }

    @Test
    void swaggerUi_get_answersOk() {
        HttpAnswer answer = new Service(context).send("GET", "/swagger-ui.html", Map.of(), null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsIgnoringCase("swagger");
    }

    private static void checkAnswer(ApiDocument.Operation operation, int status, HttpAnswer answer) {
        assertThat(answer.status()).as("%s: %s", operation, answer).isEqualTo(status);
        if (status >= 400) {
            assertThat(answer.header("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = ApiDocument.JSON.readTree(answer.body());
            assertThat(problem.path("code").asString()).as("problem code of %s", answer).isNotBlank();
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(answer.body()).as("nothing internal in %s", answer)
                    .doesNotContain("Exception", "\tat ", "test double", "dev.cartflow.");
        } else if (answer.header("Content-Type").orElse("").startsWith("application/json")) {
            List<JsonNode> amounts = new ArrayList<>();
            collectAmounts(ApiDocument.JSON.readTree(answer.body()), amounts);
            assertThat(amounts).as("money in %s", operation).allSatisfy(amount ->
                    assertThat(amount.isString()).as("%s is a decimal string", amount).isTrue());
        }
        JsonNode headers = operation.response(status).path("headers");
        headers.properties().forEach(header -> assertThat(answer.header(header.getKey()))
                .as("%s %d header %s", operation, status, header.getKey()).isPresent());
    }

    private ApiDocument document() {
        HttpAnswer answer = new Service(context).send("GET", "/v3/api-docs", Map.of(), null);
        assertThat(answer.status()).as("GET /v3/api-docs").isEqualTo(200);
        return new ApiDocument(answer.body());
    }

    /** The application's routes, as "METHOD path" ("ANY path" for a mapping of every method). */
    private Set<String> mappedRoutes() {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        Set<String> routes = new TreeSet<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            String owner = handler.getBeanType().getName();
            // springdoc's own endpoints and Boot's (the error controller); the actuator maps elsewhere
            if (owner.startsWith("org.springdoc.") || owner.startsWith("org.springframework.boot.")) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns(info)) {
                if (methods.isEmpty()) {
                    routes.add("ANY " + pattern);
                }
                methods.forEach(method -> routes.add(method.name() + " " + pattern));
            }
        });
        return routes;
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? info.getPathPatternsCondition().getPatternValues()
                : info.getPatternValues();
    }

    /** Leaves the document under target/ for a reader of the build. */
    private static void saveForReaders(JsonNode root) throws IOException {
        Path file = Path.of("target", "openapi", "api-docs.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, root.toPrettyString());
    }

    private static void collectAmounts(JsonNode node, List<JsonNode> amounts) {
        if (node.isObject()) {
            if (node.has("amount") && node.has("currency")) {
                amounts.add(node.path("amount"));
            }
            node.properties().forEach(e -> collectAmounts(e.getValue(), amounts));
        } else if (node.isArray()) {
            node.forEach(child -> collectAmounts(child, amounts));
        }
    }
}
