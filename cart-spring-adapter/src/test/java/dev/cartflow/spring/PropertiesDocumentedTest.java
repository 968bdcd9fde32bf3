package dev.cartflow.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PropertiesDocumentedTest {

    @Test
    void springDoc_everyGeneratedProperty_listedWithADescription() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            metadata = new ObjectMapper().readTree(in);
        }
        String doc = Files.readString(Path.of("..", "docs", "spring.md"));
        List<String> missing = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        for (JsonNode property : metadata.get("properties")) {
            String name = property.get("name").asText();
            if (!doc.contains("| `" + name + "` |")) {
                missing.add(name);
            }
            if (!property.hasNonNull("description") || property.get("description").asText().isBlank()) {
                undescribed.add(name);
            }
        }
        assertThat(metadata.get("properties").size()).isGreaterThan(40);
        assertThat(missing).as("properties missing from docs/spring.md").isEmpty();
        assertThat(undescribed).as("properties without a description in the metadata").isEmpty();
    }
}
