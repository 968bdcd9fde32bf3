package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The defaults docs/configuration.md shows for {@code cartflow.*} are the values the adapter really
 * uses when a property is unset. Spring's metadata processor reads only literal field initializers,
 * so the others are written by hand in the adapter's {@code additional-spring-configuration-metadata.json},
 * and this test holds them to the code: each documented default, bound by Boot into a fresh properties
 * object, must give the value a fresh object already holds; and a property shown without a default
 * must be unset (null or empty) in a fresh object.
 */
class ConfigurationDefaultsTest {
    private static final Pattern KEBAB = Pattern.compile("-([a-z0-9])");

    @Test
    void adapterDefaults_inTheMetadata_areTheValuesAnUnboundObjectHolds() throws Exception {
        List<JsonNode> metadata = ConfigurationMetadata.documents();
        List<Root> roots = roots(metadata);
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode document : metadata) {
            for (JsonNode property : document.path("properties")) {
                String name = property.path("name").asText();
                if (!name.startsWith("cartflow.")) {
                    continue;
                }
                Root root = roots.stream().filter(r -> name.startsWith(r.prefix() + "."))
                        .max(Comparator.comparingInt(r -> r.prefix().length())).orElse(null);
                if (root == null) {
                    problems.add(name + ": no @ConfigurationProperties class of the metadata's groups holds it");
                    continue;
                }
                String path = camelPath(name.substring(root.prefix().length() + 1));
                Object unbound = read(root.type().getDeclaredConstructor().newInstance(), path);
                String documented = ConfigurationReference.defaultValue(property.get("defaultValue"));
                if (documented.isEmpty()) {
                    if (!isUnset(unbound)) {
                        problems.add(name + ": shown without a default, but an unbound object holds " + unbound);
                    }
                } else {
                    Object bound = root.type().getDeclaredConstructor().newInstance();
                    new Binder(new MapConfigurationPropertySource(Map.of(name, documented)))
                            .bind(root.prefix(), Bindable.ofInstance(bound));
                    Object fromDocs = read(bound, path);
                    if (!Objects.equals(fromDocs, unbound)) {
                        problems.add(name + ": documented default " + documented + " binds to " + fromDocs
                                + ", but an unbound object holds " + unbound);
                    }
                }
                checked++;
            }
        }

        assertThat(checked).as("cartflow.* properties checked").isGreaterThan(50);
        assertThat(problems).as("documented defaults that are not the code's").isEmpty();
    }

    @Test
    void camelPath_kebabCaseName_becomesTheBeanPropertyPath() {
        assertThat(camelPath("key-rotation.interval")).isEqualTo("keyRotation.interval");
        assertThat(camelPath("max-subtotal-currency")).isEqualTo("maxSubtotalCurrency");
    }

    /** A {@code @ConfigurationProperties} class and its prefix, from the metadata's top-level groups. */
    private record Root(String prefix, Class<?> type) {
    }

    private static List<Root> roots(List<JsonNode> metadata) throws ClassNotFoundException {
        List<Root> roots = new ArrayList<>();
        for (JsonNode document : metadata) {
            for (JsonNode group : document.path("groups")) {
                String type = group.path("type").asText();
                if (!group.path("name").asText().startsWith("cartflow") || !type.equals(group.path("sourceType").asText())) {
                    continue;
                }
                Class<?> properties = Class.forName(type);
                if (properties.isAnnotationPresent(ConfigurationProperties.class)) {
                    roots.add(new Root(group.path("name").asText(), properties));
                }
            }
        }
        return roots;
    }

    static String camelPath(String kebab) {
        Matcher dash = KEBAB.matcher(kebab);
        StringBuilder camel = new StringBuilder();
        while (dash.find()) {
            dash.appendReplacement(camel, dash.group(1).toUpperCase(java.util.Locale.ROOT));
        }
        return dash.appendTail(camel).toString();
    }

    private static Object read(Object properties, String path) {
        return new BeanWrapperImpl(properties).getPropertyValue(path);
    }

    private static boolean isUnset(Object value) {
        return value == null || value instanceof String text && text.isEmpty()
                || value instanceof Collection<?> collection && collection.isEmpty()
                || value instanceof Map<?, ?> map && map.isEmpty();
    }
}
