package dev.cartflow.service.openapi;

import dev.cartflow.model.CartId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to make a real request answer a given status, for any documented operation: a recipe per
 * status that works from the operation's own documentation (its path, security and request
 * example), and a few recipes for one operation where the generic one cannot apply. A documented
 * status without a recipe fails the test, so documenting a new status forces a way to produce it.
 */
final class StatusRecipes {
    /** One request recipe. */
    @FunctionalInterface
    interface Recipe {
        HttpAnswer answer(ApiDocument.Operation operation);
    }

    /**
     * A request about to be sent.
     *
     * @param method  the HTTP method
     * @param path    the path, parameters filled in
     * @param headers the headers
     * @param body    the JSON body, or null
     */
    record Call(String method, String path, Map<String, String> headers, String body) {
        Call with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Call(method, path, more, body);
        }

        Call withCredentials(Map<String, String> credentials) {
            Map<String, String> kept = new LinkedHashMap<>(headers);
            kept.keySet().removeAll(CREDENTIAL_HEADERS);
            kept.putAll(credentials);
            return new Call(method, path, kept, body);
        }

        Call withBody(String json) {
            return new Call(method, path, headers, json);
        }

        Call withPath(String newPath) {
            return new Call(method, newPath, headers, body);
        }
    }

    private static final java.util.Set<String> CREDENTIAL_HEADERS =
            java.util.Set.of("Cart-Token", "Authorization", "X-Api-Key", "Cart-Share-Token");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final ApiDocument document;
    private final Service service;
    private final Service limited;
    private final FaultyStorage storage;
    private final Map<Integer, Recipe> generic = new LinkedHashMap<>();
    private final Map<String, Recipe> specific = new LinkedHashMap<>();

    /**
     * The recipes.
     *
     * @param document the service's document
     * @param service  the service under test, on the failing store
     * @param limited  the same service with every operation limited to once an hour per actor
     * @param storage  the service's store
     */
    StatusRecipes(ApiDocument document, Service service, Service limited, FaultyStorage storage) {
        this.document = document;
        this.service = service;
        this.limited = limited;
        this.storage = storage;
        generic.put(200, operation -> send(service, call(operation, service.fixture())));
        generic.put(201, generic.get(200));
        generic.put(400, this::malformed);
        generic.put(401, operation -> send(service, call(operation, service.fixture())
                .withCredentials(Map.of("Authorization", "Bearer not-a-signed-token"))));
        generic.put(403, this::someoneElses);
        generic.put(404, this::unknownToAService);
        generic.put(409, operation -> {
            Service.Fixture fixture = service.fixture();
            service.checkOut(fixture);
            return send(service, call(operation, fixture));
        });
        generic.put(412, operation -> send(service, call(operation, service.fixture()).with("If-Match", "\"999\"")));
        generic.put(422, operation -> {
            // the key first goes with another change of the same cart, then with this one
            Service.Fixture fixture = service.fixture();
            String key = "reused-" + UUID.randomUUID();
            send(service, new Call("POST", "/carts/" + fixture.cartId() + "/lines",
                    Map.of("Cart-Token", fixture.cartToken(), "Idempotency-Key", key),
                    "{\"sku\": \"TEA\", \"quantity\": 1}"));
            return send(service, call(operation, fixture).with("Idempotency-Key", key));
        });
        generic.put(429, this::overTheLimit);
        generic.put(500, operation -> {
            Call call = call(operation, service.fixture());
            return storage.failing(FaultyStorage.Fault.BROKEN, () -> send(service, call));
        });
        generic.put(503, operation -> {
            Call call = call(operation, service.fixture());
            return storage.failing(FaultyStorage.Fault.DOWN, () -> send(service, call));
        });
        // creation and merge keep their idempotency keys per instance: reuse the key on the same route
        specific.put("POST /carts 422", operation -> reusedOnSameRoute(operation, "{\"currency\": \"EUR\", "
                + "\"country\": \"AT\"}"));
        // a checkout keeps its key per cart: the same key with another If-Match is another request
        specific.put("POST /carts/{id}/checkout 422", operation -> {
            Call call = call(operation, service.fixture()).with("Idempotency-Key", "reused-" + UUID.randomUUID());
            String etag = send(service, new Call("GET", call.path().replace("/checkout", ""), call.headers(), null))
                    .header("ETag").orElseThrow();
            send(service, call.with("If-Match", etag));
            return send(service, call);
        });
        // the demo catalog (demo part) takes a currency to show prices in
        specific.put("GET /products 400", operation -> send(service, call(operation, service.fixture())
                .withPath("/products?currency=not-a-currency")));
        specific.put("POST /carts/{id}/merge 422", operation -> reusedOnSameRoute(operation, "{\"policy\": \"MAX\"}"));
    }

    /** The answer to a request made to produce the status, or an error when there is no recipe. */
    HttpAnswer produce(ApiDocument.Operation operation, int status) {
        Recipe recipe = specific.getOrDefault(operation.key() + " " + status, generic.get(status));
        if (recipe == null) {
            throw new AssertionError(operation + " documents " + status + " but there is no recipe to produce it; "
                    + "add one in " + StatusRecipes.class.getSimpleName());
        }
        return recipe.answer(operation);
    }

    /** The successful request of an operation on a fixture. */
    Call call(ApiDocument.Operation operation, Service.Fixture fixture) {
        Map<String, String> values = Map.of("id", fixture.cartId(), "lineId", fixture.lineId(), "code",
                Service.CODE, "customerId", fixture.customerId());
        return new Call(operation.method(), fill(operation, values), credentials(operation, fixture),
                document.requestExample(operation));
    }

    private static String fill(ApiDocument.Operation operation, Map<String, String> values) {
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new AssertionError(operation + ": no value for the path parameter " + matcher.group(1)
                        + "; add one in " + StatusRecipes.class.getSimpleName());
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(path).toString();
    }

    private static Map<String, String> credentials(ApiDocument.Operation operation, Service.Fixture fixture) {
        return switch (operation.credential()) {
            case NONE -> Map.of();
            case CART_TOKEN -> Map.of("Cart-Token", fixture.cartToken());
            case GUEST_AND_CUSTOMER -> Map.of("Cart-Token", fixture.cartToken(),
                    "Authorization", "Bearer " + fixture.customerToken());
            case BEARER -> Map.of("Authorization", "Bearer " + fixture.customerToken());
            case API_KEY -> Map.of("X-Api-Key", Service.API_KEY);
        };
    }

    private HttpAnswer malformed(ApiDocument.Operation operation) {
        Call call = call(operation, service.fixture());
        if (operation.path().contains("{id}")) {
            return send(service, call.withPath(call.path().replaceFirst("^/carts/[^/]+", "/carts/not-a-cart-id")));
        }
        if (call.body() != null) {
            return send(service, call.withBody("{\"unfinished\": "));
        }
        throw new AssertionError(operation + " documents 400 but has neither a cart id nor a body to spoil; "
                + "add a recipe in " + StatusRecipes.class.getSimpleName());
    }

    private HttpAnswer someoneElses(ApiDocument.Operation operation) {
        Service.Fixture mine = service.fixture();
        Service.Fixture theirs = service.fixture();
        Call call = call(operation, mine);
        Map<String, String> credentials = new LinkedHashMap<>();
        call.headers().forEach((name, value) -> {
            if (name.equals("Cart-Token")) {
                credentials.put(name, theirs.cartToken());
            } else if (name.equals("Authorization")) {
                credentials.put(name, "Bearer " + theirs.customerToken());
            }
        });
        if (operation.credential() == ApiDocument.Credential.GUEST_AND_CUSTOMER) {
            // the customer is the caller; the guest cart's token is another cart's
            credentials.put("Authorization", "Bearer " + mine.customerToken());
        }
        return send(service, call.withCredentials(credentials));
    }

    private HttpAnswer unknownToAService(ApiDocument.Operation operation) {
        Service.Fixture fixture = service.fixture();
        Map<String, String> values = Map.of("id", CartId.random().toString(), "lineId", fixture.lineId(),
                "code", Service.CODE, "customerId", "c-" + UUID.randomUUID());
        Call call = call(operation, fixture).withPath(fill(operation, values));
        return send(service, call.withCredentials(Map.of("X-Api-Key", Service.API_KEY)));
    }

    private HttpAnswer overTheLimit(ApiDocument.Operation operation) {
        Call call = call(operation, limited.fixture());
        HttpAnswer answer = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            answer = send(limited, call);
            if (answer.status() == 429) {
                return answer;
            }
        }
        return answer;
    }

    private HttpAnswer reusedOnSameRoute(ApiDocument.Operation operation, String otherBody) {
        Call call = call(operation, service.fixture()).with("Idempotency-Key", "reused-" + UUID.randomUUID());
        send(service, call.withBody(otherBody));
        return send(service, call);
    }

    private static HttpAnswer send(Service target, Call call) {
        return target.send(call.method(), call.path(), call.headers(), call.body());
    }
}
