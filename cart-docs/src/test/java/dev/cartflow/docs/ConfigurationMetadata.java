package dev.cartflow.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spring configuration metadata on the test class path: the adapter's ({@code cartflow.*}) and the
 * example service's ({@code cartservice.*}), as their builds generated them.
 */
final class ConfigurationMetadata {
    static final String RESOURCE = "META-INF/spring-configuration-metadata.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigurationMetadata() {
    }

    /** Every CartFlow metadata document on the class path, in class path order. */
    static List<JsonNode> documents() {
        List<JsonNode> documents = new ArrayList<>();
        try {
            for (URL url : Collections.list(ConfigurationMetadata.class.getClassLoader().getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    JsonNode document = JSON.readTree(in);
                    if (isCartFlows(document)) {
                        documents.add(document);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    /**
     * Whether a document is the adapter's or the service's: the samples put Spring Boot's own jars, with
     * their metadata, on the same class path.
     */
    private static boolean isCartFlows(JsonNode document) {
        for (JsonNode property : document.path("properties")) {
            String name = property.path("name").asText();
            if (name.startsWith("cartflow.") || name.startsWith("cartservice.")) {
                return true;
            }
        }
        return false;
    }

    /** Every property of those documents by name: its metadata entry. */
    static Map<String, JsonNode> properties() {
        Map<String, JsonNode> properties = new HashMap<>();
        for (JsonNode document : documents()) {
            document.path("properties").forEach(property -> properties.putIfAbsent(property.path("name").asText(), property));
        }
        return properties;
    }
}
