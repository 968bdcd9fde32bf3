package dev.cartflow.service.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * What the service configures, read from its own application.yml and application-postgres.yml (the
 * files the executable jar carries), flattened to Spring's dotted property names, so the deployment
 * files are checked against the service and not against a copy of its settings.
 */
final class ServiceSettings {
    private static final Path RESOURCES = Path.of("src", "main", "resources");
    /** {@code ${NAME:default}} or {@code ${NAME}}; an environment variable is upper case. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private final Map<String, String> defaults;
    private final Map<String, String> postgres;
    private final String postgresText;

    private ServiceSettings(Map<String, String> defaults, Map<String, String> postgres, String postgresText) {
        this.defaults = defaults;
        this.postgres = postgres;
        this.postgresText = postgresText;
    }

    /** The settings of the module the tests run in (examples/cart-service). */
    static ServiceSettings load() {
        try {
            return new ServiceSettings(flatten(RESOURCES.resolve("application.yml")),
                    flatten(RESOURCES.resolve("application-postgres.yml")),
                    Files.readString(RESOURCES.resolve("application-postgres.yml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A property as the postgres profile sees it (the profile's file over the default one), or null. */
    String postgresProfile(String name) {
        return postgres.containsKey(name) ? postgres.get(name) : defaults.get(name);
    }

    /** The HTTP port (server.port). */
    int httpPort() {
        return Integer.parseInt(postgresProfile("server.port"));
    }

    /** The gRPC port (cartservice.grpc.port). */
    int grpcPort() {
        return Integer.parseInt(postgresProfile("cartservice.grpc.port"));
    }

    /** The management port: its own when management.server.port is set, else the server's. */
    int managementPort() {
        String own = postgresProfile("management.server.port");
        return own == null ? httpPort() : Integer.parseInt(own);
    }

    /** The actuator's base path (management.endpoints.web.base-path, default /actuator). */
    String actuatorBasePath() {
        String path = postgresProfile("management.endpoints.web.base-path");
        return path == null ? "/actuator" : path;
    }

    /**
     * The health groups the service has: liveness and readiness when the probes are on
     * (management.endpoint.health.probes.enabled), and every management.endpoint.health.group.* it names.
     */
    Set<String> healthGroups() {
        Set<String> groups = new TreeSet<>();
        if ("true".equals(postgresProfile("management.endpoint.health.probes.enabled"))) {
            groups.add("liveness");
            groups.add("readiness");
        }
        String prefix = "management.endpoint.health.group.";
        for (String name : union().keySet()) {
            if (name.startsWith(prefix)) {
                groups.add(name.substring(prefix.length()).split("\\.")[0]);
            }
        }
        return groups;
    }

    /** The paths of the health groups, each under the actuator's base path. */
    Set<String> healthGroupPaths() {
        Set<String> paths = new TreeSet<>();
        healthGroups().forEach(group -> paths.add(actuatorBasePath() + "/health/" + group));
        return paths;
    }

    /** The environment variables the postgres profile's file reads through placeholders. */
    Set<String> postgresEnvironmentVariables() {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(postgresText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Seconds: a duration property written like 20s (the only form these files use). */
    long seconds(String name) {
        String value = postgresProfile(name);
        if (value == null || !value.endsWith("s")) {
            throw new IllegalStateException(name + " is not a duration in seconds: " + value);
        }
        return Long.parseLong(value.substring(0, value.length() - 1));
    }

    private Map<String, String> union() {
        Map<String, String> all = new LinkedHashMap<>(defaults);
        all.putAll(postgres);
        return all;
    }

    private static Map<String, String> flatten(Path file) throws IOException {
        Map<String, String> flat = new LinkedHashMap<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            Object root = new Yaml().load(reader);
            flatten("", root, flat);
        }
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, String> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, flat));
        } else {
            flat.put(prefix, node == null ? null : node.toString());
        }
    }
}
