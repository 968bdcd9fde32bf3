package dev.cartflow.service.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

/**
 * Renders an operation's {@link ApiContract}: its security requirements, the success status with
 * its headers and the priced cart example, one problem response per listed status, and the request
 * headers a change takes. Operations without a contract are left as springdoc made them.
 */
final class ContractCustomizer implements OperationCustomizer {
    static final String ETAG = "ETag";
    static final String LOCATION = "Location";
    static final String RETRY_AFTER = "Retry-After";
    static final String IF_MATCH = "If-Match";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REQUEST_ID = "X-Request-Id";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CART_SCHEMA_SUFFIX = "/PricedCart";
    private static final String LINES_SCHEMA_SUFFIX = "/LinesPageResponse";
    /** The example of each success schema, by schema name. */
    private static final Map<String, String> EXAMPLES = Map.of(
            "PricedCart", OpenApiConfiguration.PRICED_CART_EXAMPLE,
            "LinesPageResponse", OpenApiConfiguration.LINES_PAGE_EXAMPLE,
            "CartEvents", OpenApiConfiguration.CART_EVENTS_EXAMPLE);

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ApiContract contract = handlerMethod.getMethodAnnotation(ApiContract.class);
        if (contract == null) {
            return operation;
        }
        operation.setSecurity(security(contract.access()));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse success = responses.remove("200");
        if (success == null) {
            success = new ApiResponse();
        }
        decorateSuccess(success, contract.success() == 201);
        ApiResponses rendered = new ApiResponses();
        rendered.addApiResponse(Integer.toString(contract.success()), success);
        for (int status : contract.problems()) {
            rendered.addApiResponse(Integer.toString(status), problem(status));
        }
        operation.setResponses(rendered);
        if (isChange(handlerMethod)) {
            addParameter(operation, IDEMPOTENCY_KEY);
        }
        if (contains(contract.problems(), 412)) {
            addParameter(operation, IF_MATCH);
        }
        addParameter(operation, REQUEST_ID);
        return operation;
    }

    private static void decorateSuccess(ApiResponse success, boolean created) {
        success.description(created ? "Created" : "OK");
        Content content = success.getContent();
        if (content == null) {
            return;
        }
        for (MediaType media : content.values()) {
            Schema<?> schema = media.getSchema();
            String ref = schema == null ? null : schema.get$ref();
            if (ref != null && ref.endsWith(CART_SCHEMA_SUFFIX)) {
                success.description((created ? "Created: " : "") + "the priced cart; its version is the ETag");
            }
            String example = ref == null ? null : EXAMPLES.get(ref.substring(ref.lastIndexOf('/') + 1));
            if (example != null) {
                media.addExamples(example, new Example().$ref("#/components/examples/" + example));
            }
            if (ref != null && (ref.endsWith(CART_SCHEMA_SUFFIX) || ref.endsWith(LINES_SCHEMA_SUFFIX))) {
                success.addHeaderObject(ETAG, new Header().$ref("#/components/headers/" + ETAG));
            }
        }
        if (created) {
            success.addHeaderObject(LOCATION, new Header().$ref("#/components/headers/" + LOCATION));
        }
    }

    private static ApiResponse problem(int status) {
        ProblemCatalog.Entry entry = ProblemCatalog.of(status).orElseThrow(() -> new IllegalStateException(
                "status " + status + " is not in API.md's table"));
        MediaType media = new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + OpenApiConfiguration.PROBLEM_SCHEMA))
                .examples(Map.of(entry.code(), new Example()
                        .$ref("#/components/examples/" + ProblemCatalog.exampleName(status))));
        ApiResponse response = new ApiResponse().description(entry.description())
                .content(new Content().addMediaType(PROBLEM_JSON, media));
        if (status == 429 || status == 503) {
            response.addHeaderObject(RETRY_AFTER, new Header().$ref("#/components/headers/" + RETRY_AFTER));
        }
        return response;
    }

    private static List<SecurityRequirement> security(ApiContract.Access access) {
        List<SecurityRequirement> any = new ArrayList<>();
        switch (access) {
            case PUBLIC -> any.add(new SecurityRequirement());
            case ANYONE_OR_CUSTOMER -> {
                any.add(new SecurityRequirement());
                any.add(new SecurityRequirement().addList(OpenApiConfiguration.BEARER));
            }
            case CART -> {
                any.add(new SecurityRequirement().addList(OpenApiConfiguration.CART_TOKEN));
                any.add(new SecurityRequirement().addList(OpenApiConfiguration.SHARE_TOKEN));
                any.add(new SecurityRequirement().addList(OpenApiConfiguration.BEARER));
                any.add(new SecurityRequirement().addList(OpenApiConfiguration.API_KEY));
            }
            case GUEST_AND_CUSTOMER -> any.add(new SecurityRequirement().addList(OpenApiConfiguration.CART_TOKEN)
                    .addList(OpenApiConfiguration.BEARER));
            case CUSTOMER_OR_SERVICE -> {
                any.add(new SecurityRequirement().addList(OpenApiConfiguration.BEARER));
                any.add(new SecurityRequirement().addList(OpenApiConfiguration.API_KEY));
            }
        }
        return any;
    }

    private static boolean isChange(HandlerMethod handlerMethod) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(),
                RequestMapping.class);
        if (mapping == null) {
            return false;
        }
        for (RequestMethod method : mapping.method()) {
            if (method != RequestMethod.GET && method != RequestMethod.HEAD && method != RequestMethod.OPTIONS) {
                return true;
            }
        }
        return false;
    }

    private static void addParameter(Operation operation, String name) {
        operation.addParametersItem(new Parameter().$ref("#/components/parameters/" + name));
    }

    private static boolean contains(int[] values, int wanted) {
        for (int value : values) {
            if (value == wanted) {
                return true;
            }
        }
        return false;
    }
}
