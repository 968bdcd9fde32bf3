package dev.cartflow.service.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's {@code /v3/api-docs} as the tests read it. */
final class ApiDocument {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The credentials a request sends, chosen from an operation's security requirements. */
    enum Credential { NONE, CART_TOKEN, GUEST_AND_CUSTOMER, BEARER, API_KEY }

    /**
     * One documented operation.
     *
     * @param method the HTTP method, upper case
     * @param path   the path template
     * @param node   the operation object
     */
    record Operation(String method, String path, JsonNode node) {

        /** The documented response statuses, numeric ones only. */
        Set<Integer> statuses() {
            Set<Integer> statuses = new TreeSet<>();
            node.path("responses").properties().forEach(e -> statuses.add(Integer.parseInt(e.getKey())));
            return statuses;
        }

        /** The response object of a status. */
        JsonNode response(int status) {
            return node.path("responses").path(Integer.toString(status));
        }

        /** What credentials a successful call sends. */
        Credential credential() {
            JsonNode security = node.path("security");
            boolean cartToken = false;
            boolean bearer = false;
            boolean apiKey = false;
            for (JsonNode requirement : security) {
                Set<String> names = new TreeSet<>();
                requirement.properties().forEach(e -> names.add(e.getKey()));
                if (names.isEmpty()) {
                    return Credential.NONE;
                }
                if (names.contains(OpenApiConfiguration.CART_TOKEN) && names.contains(OpenApiConfiguration.BEARER)) {
                    return Credential.GUEST_AND_CUSTOMER;
                }
                cartToken |= names.contains(OpenApiConfiguration.CART_TOKEN);
                bearer |= names.contains(OpenApiConfiguration.BEARER);
                apiKey |= names.contains(OpenApiConfiguration.API_KEY);
            }
            return cartToken ? Credential.CART_TOKEN : bearer ? Credential.BEARER
                    : apiKey ? Credential.API_KEY : Credential.NONE;
        }

        /** The key of the operation in the recipe tables, such as {@code POST /carts}. */
        String key() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    private final JsonNode root;

    ApiDocument(String json) {
        this.root = JSON.readTree(json);
    }

    /** The whole document. */
    JsonNode root() {
        return root;
    }

    /** Every operation, in document order. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        operation.getValue()));
            }
        }
        return operations;
    }

    /** The JSON example of an operation's request body, or null when it takes none. */
    String requestExample(Operation operation) {
        JsonNode body = operation.node().path("requestBody");
        if (body.isMissingNode()) {
            return null;
        }
        JsonNode media = body.path("content").path("application/json");
        JsonNode example = media.path("example");
        if (example.isMissingNode() && media.path("examples").size() > 0) {
            example = resolve(media.path("examples").iterator().next()).path("value");
        }
        if (example.isMissingNode()) {
            example = resolve(media.path("schema")).path("example");
        }
        if (example.isMissingNode()) {
            throw new AssertionError(operation + " takes a body but documents no example of it");
        }
        return example.isString() ? example.asString() : JSON.writeValueAsString(example);
    }

    /** A component the node refers to, or the node itself. */
    JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        if (ref.isMissingNode()) {
            return node;
        }
        JsonNode target = root;
        for (String part : ref.asString().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
