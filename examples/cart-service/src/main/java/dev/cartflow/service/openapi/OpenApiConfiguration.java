package dev.cartflow.service.openapi;

import dev.cartflow.service.http.ProblemJson;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}): the
 * service's description, its credentials as security schemes, and the shared pieces every operation
 * refers to (the Problem schema, one problem example per status, the priced cart example, the
 * {@code ETag}, {@code Location} and {@code Retry-After} headers and the {@code If-Match},
 * {@code Idempotency-Key} and {@code X-Request-Id} parameters). What each operation answers comes
 * from its {@link ApiContract}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
    /** The API's own version (API.md), not the build's. */
    static final String API_VERSION = "1.0.0";
    static final String CART_TOKEN = "CartToken";
    static final String SHARE_TOKEN = "CartShareToken";
    static final String BEARER = "bearerAuth";
    static final String API_KEY = "ApiKey";
    static final String PRICED_CART_EXAMPLE = "PricedCart";
    static final String LINES_PAGE_EXAMPLE = "LinesPage";
    static final String CART_EVENTS_EXAMPLE = "CartEvents";
    static final String PROBLEM_SCHEMA = "Problem";

    private static final String DESCRIPTION = """
            The CartFlow cart engine over HTTP: guest and customer carts, lines, codes, shipping, merge at \
            sign-in and checkout. Every change answers with the whole priced cart (totals, taxes, shipping, \
            each promotion's result, hints, price changes). Money is a decimal string beside its currency, \
            `{"amount": "12.34", "currency": "EUR"}`, never a JSON number.

            `ETag` carries the cart's version; `If-Match` makes a change strict (a stale one answers 412). \
            `Idempotency-Key` on a change makes a retry answer the first response; the same key on another \
            request answers 422. Errors are `application/problem+json` (RFC 9457) with the stable `code`. \
            `Retry-After` comes with every 429 and 503.""";

    static {
        // a host's JSON (metadata) is any JSON object, not the properties of Jackson's tree class
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
                new ObjectSchema().description("the host's own JSON object"));
    }

    /** The document's info and shared components. */
    @Bean
    OpenAPI cartServiceOpenApi() {
        Components components = new Components()
                .addSecuritySchemes(CART_TOKEN, apiKey("Cart-Token", "A guest's proof of ownership, answered once "
                        + "by POST /carts."))
                .addSecuritySchemes(SHARE_TOKEN, apiKey("Cart-Share-Token", "A shared cart participant's token."))
                .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .bearerFormat("JWT").description("A customer's or support agent's signed token (HS256 in "
                                + "the example; mint a demo one with `java -jar ...-exec.jar mint-token`)."))
                .addSecuritySchemes(API_KEY, apiKey("X-Api-Key", "A trusted service's key."))
                .addHeaders(ContractCustomizer.ETAG, new Header().description("The cart's version, "
                        + "\"<version>\"; send it back as If-Match to make a change strict.")
                        .schema(new StringSchema().example("\"4\"")))
                .addHeaders(ContractCustomizer.LOCATION, new Header().description("The new cart's path.")
                        .schema(new StringSchema().example("/carts/0b6f1c52-8e0a-4c1e-9a53-2f0f5d1c7a10")))
                .addHeaders(ContractCustomizer.RETRY_AFTER, new Header().description("Seconds to wait before "
                        + "trying again.").schema(new IntegerSchema().example(1)))
                .addParameters(ContractCustomizer.IF_MATCH, header("If-Match", "The ETag the change expects; a "
                        + "stale one answers 412 with the current version.", "\"4\""))
                .addParameters(ContractCustomizer.IDEMPOTENCY_KEY, header("Idempotency-Key", "Makes the change "
                        + "retry-safe: a repeat answers the first response; the key on another request answers "
                        + "422.", "5f0c9a1e-checkout-1"))
                .addParameters(ContractCustomizer.REQUEST_ID, header("X-Request-Id", "The caller's request id, "
                        + "carried into the service's logs.", "req-42"))
                .addExamples(PRICED_CART_EXAMPLE, new Example().summary("A priced cart")
                        .value(resource("openapi/priced-cart-example.json")))
                .addExamples(LINES_PAGE_EXAMPLE, new Example().summary("A page of lines")
                        .value(resource("openapi/lines-page-example.json")))
                .addExamples(CART_EVENTS_EXAMPLE, new Example().summary("A cart's events")
                        .value(resource("openapi/cart-events-example.json")));
        for (ProblemCatalog.Entry entry : ProblemCatalog.all()) {
            components.addExamples(ProblemCatalog.exampleName(entry.status()), ProblemCatalog.example(entry));
        }
        return new OpenAPI().components(components).info(new Info().title("CartFlow cart service")
                .version(API_VERSION).description(DESCRIPTION)
                .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")));
    }

    /** Renders each operation's {@link ApiContract}. */
    @Bean
    OperationCustomizer cartContractCustomizer() {
        return new ContractCustomizer();
    }

    /** Adds the Problem schema, which only the rendered contracts refer to. */
    @Bean
    OpenApiCustomizer problemSchemaCustomizer() {
        return openApi -> ModelConverters.getInstance(true).read(ProblemJson.class)
                .forEach((name, schema) -> openApi.getComponents().addSchemas(name, schema));
    }

    private static SecurityScheme apiKey(String header, String description) {
        return new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(header)
                .description(description);
    }

    private static Parameter header(String name, String description, String example) {
        return new HeaderParameter().name(name).required(false).description(description)
                .schema(new StringSchema()).example(example);
    }

    private static Map<?, ?> resource(String path) {
        try (InputStream in = OpenApiConfiguration.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            return JsonMapper.builder().build().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
