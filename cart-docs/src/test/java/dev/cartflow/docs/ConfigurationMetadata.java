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

    /** Every metadata document on the class path, in class path order. */
    static List<JsonNode> documents() {
        List<JsonNode> documents = new ArrayList<>();
        try {
            for (URL url : Collections.list(ConfigurationMetadata.class.getClassLoader().getResources(RESOURCE))) {
                try (InputStream in = url.openStream()) {
                    documents.add(JSON.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
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
