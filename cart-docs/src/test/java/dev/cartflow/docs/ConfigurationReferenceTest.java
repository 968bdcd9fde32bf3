package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md is what {@link ConfigurationReference} writes from the configuration metadata
 * of the adapter and the service; with {@code -Dcartflow.docs.regenerate=true} this test rewrites the
 * page instead ({@link ConfigurationReference#REGENERATE}). Every property has a default in the metadata,
 * or a description that says what happens {@value #UNSET}.
 */
class ConfigurationReferenceTest {
    private static final Path PAGE = Path.of("../docs/configuration.md");
    /** What the description of a property without a default must say: what happens {@value #UNSET}. */
    static final String UNSET = "when unset";

    @Test
    void configurationPage_againstTheMetadata_isWhatTheGeneratorWrites() throws IOException {
        List<JsonNode> metadata = ConfigurationMetadata.documents();
        String generated = ConfigurationReference.render(metadata);
        if (Boolean.getBoolean("cartflow.docs.regenerate")) {
            Files.writeString(PAGE, generated);
        }

        assertThat(metadata).as("the adapter's and the service's metadata on the class path").hasSize(2);
        assertThat(Files.readString(PAGE)).as("docs/configuration.md is stale; regenerate it with: "
                + ConfigurationReference.REGENERATE).isEqualTo(generated);
    }

    @Test
    void configurationPage_everyPropertyOfTheMetadata_hasARowWithADescription() throws IOException {
        String page = Files.readString(PAGE);
        List<ConfigurationReference.Property> properties = ConfigurationReference.properties(ConfigurationMetadata.documents());

        assertThat(properties).extracting(ConfigurationReference.Property::name)
                .allSatisfy(name -> assertThat(page).contains("| `" + name + "` |"))
                .anySatisfy(name -> assertThat(name).startsWith("cartflow."))
                .anySatisfy(name -> assertThat(name).startsWith("cartservice."));
        assertThat(properties).filteredOn(property -> property.description().isBlank())
                .as("properties without a description").isEmpty();
    }

    @Test
    void metadata_everyPropertyWithoutADefault_saysWhatUnsetMeans() {
        List<ConfigurationReference.Property> properties = ConfigurationReference.properties(ConfigurationMetadata.documents());

        assertThat(properties).filteredOn(property -> property.defaultValue().isEmpty()).as("properties without a default")
                .isNotEmpty();
        assertThat(undocumentedDefaults(properties)).as("properties with neither a default in the metadata nor a"
                + " description that says what happens " + UNSET + " (give the field an initializer, a defaultValue in"
                + " META-INF/additional-spring-configuration-metadata.json, or say it in the Javadoc)").isEmpty();
    }

    @Test
    void springPage_everyCartFlowPropertyRow_showsTheMetadatasDefault() throws IOException {
        // docs/spring.md lists the adapter's properties too (PropertiesDocumentedTest holds the names);
        // its default column must be this page's, so that neither shows a default the code does not use
        String spring = Files.readString(Path.of("../docs/spring.md"));
        List<String> wrong = ConfigurationReference.properties(ConfigurationMetadata.documents()).stream()
                .filter(property -> property.name().startsWith("cartflow."))
                .filter(property -> !spring.contains("| `" + property.name() + "` | "
                        + ConfigurationReference.defaultCell(property) + " |"))
                .map(property -> property.name() + " (expected " + ConfigurationReference.defaultCell(property) + ")")
                .toList();

        assertThat(wrong).as("rows of docs/spring.md#every-property whose default is not the metadata's").isEmpty();
    }

    @Test
    void undocumentedDefaults_propertyWithNeitherDefaultNorUnsetSentence_isNamed() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree("""
                {"properties": [
                  {"name": "x.timeout", "type": "java.time.Duration", "defaultValue": "2s", "description": "Timeout."},
                  {"name": "x.uri", "type": "java.lang.String", "description": "Server; off when unset."},
                  {"name": "x.key", "type": "java.lang.String", "defaultValue": "", "description": "The key."},
                  {"name": "x.nodes", "type": "java.util.List<java.lang.String>", "description": "Seed nodes."}
                ]}""");

        List<String> undocumented = undocumentedDefaults(ConfigurationReference.properties(List.of(metadata)));

        assertThat(undocumented).containsExactly("x.key", "x.nodes");
    }

    /** The names of the properties that have no default and do not say what happens when unset. */
    static List<String> undocumentedDefaults(List<ConfigurationReference.Property> properties) {
        return properties.stream().filter(property -> property.defaultValue().isEmpty())
                .filter(property -> !property.description().toLowerCase(Locale.ROOT).contains(UNSET))
                .map(ConfigurationReference.Property::name).toList();
    }

    @Test
    void render_propertyWithMapTypeAndListDefault_showsSimpleTypeAndJoinedDefault() throws IOException {
        JsonNode metadata = new ObjectMapper().readTree("""
                {"properties": [
                  {"name": "x.b.paths", "type": "java.util.List<java.lang.String>", "defaultValue": ["/a", "/b"],
                   "description": "Paths | limited."},
                  {"name": "x.a.limits", "type": "java.util.Map<dev.cartflow.model.CartOperation,dev.cartflow.spring.P$Limit>",
                   "description": "Limits."}
                ]}""");

        String page = ConfigurationReference.render(List.of(metadata));

        assertThat(page).contains("| `x.a.limits` | `Map<CartOperation, Limit>` | *none* | Limits. |\n"
                + "| `x.b.paths` | `List<String>` | `/a,/b` | Paths \\| limited. |\n");
    }

    @Test
    void sentence_recordParameterFragment_becomesASentenceWithCodeSpans() {
        assertThat(ConfigurationReference.sentence("the {@code Retry-After} of that\n   answer"))
                .isEqualTo("The `Retry-After` of that answer.");
        assertThat(ConfigurationReference.sentence("Already one.")).isEqualTo("Already one.");
    }
}
