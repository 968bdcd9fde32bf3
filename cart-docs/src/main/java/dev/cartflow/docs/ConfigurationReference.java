package dev.cartflow.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes docs/configuration.md from Spring configuration metadata
 * ({@code META-INF/spring-configuration-metadata.json}): one table per top-level prefix, one row per
 * property with its type, its default and its description, sorted by name.
 */
final class ConfigurationReference {
    /** The command that rewrites docs/configuration.md from the metadata the build generates. */
    static final String REGENERATE = "mvn -B -o -q -pl cart-docs -am test -Dtest=ConfigurationReferenceTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -Dcartflow.docs.regenerate=true";
    /** The default column of a property without a default value (an empty string counts as none). */
    static final String NO_DEFAULT = "*none*";
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_]*)(?:\\$([A-Za-z0-9_]+))?");
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@(?:code|link|linkplain|literal) ([^}]*)}");
    private static final Map<String, String> SOURCES = Map.of(
            "cartflow", "the Spring Boot adapter (`cart-spring-adapter`, [spring.md](spring.md))",
            "cartservice", "the example service (`examples/cart-service`, [service.md](service.md))");

    private ConfigurationReference() {
    }

    /** One property as the page shows it. */
    record Property(String name, String type, String defaultValue, String description) {
    }

    /** The properties of the metadata documents, by name; a name in two documents is kept once. */
    static List<Property> properties(List<JsonNode> metadata) {
        Map<String, Property> byName = new TreeMap<>();
        for (JsonNode document : metadata) {
            for (JsonNode property : document.path("properties")) {
                String name = property.path("name").asText();
                byName.putIfAbsent(name, new Property(name, simpleType(property.path("type").asText("")),
                        defaultValue(property.get("defaultValue")), description(property)));
            }
        }
        return List.copyOf(byName.values());
    }

    static String render(List<JsonNode> metadata) {
        Map<String, List<Property>> byPrefix = properties(metadata).stream().collect(Collectors.groupingBy(
                property -> property.name().substring(0, property.name().indexOf('.')), TreeMap::new, Collectors.toList()));
        StringBuilder page = new StringBuilder()
                .append("# Configuration reference\n\n")
                .append("Every property CartFlow reads in a Spring Boot application, with its type, its default and its\n")
                .append("effect. This page is generated from the configuration metadata the build writes\n")
                .append("(`META-INF/spring-configuration-metadata.json`, which an IDE reads for completion too), so it\n")
                .append("lists what the code binds today; `ConfigurationReferenceTest` (cart-docs) fails when the two\n")
                .append("differ. Do not edit it by hand: change the property's Javadoc, then regenerate it with\n\n")
                .append("<!-- not run: a Maven build (it rewrites this page) -->\n")
                .append("```bash\n").append(REGENERATE).append("\n```\n\n")
                .append("A default of *none* means the property is unset unless given; its effect says what unset means.\n")
                .append("Durations take `ms`, `s`, `m`, `h`\n")
                .append("or `d` (`250ms`, `5m`, `30d`); `Map` properties take one entry per key below the name\n")
                .append("(`cartflow.resilience.providers.catalog.timeout`).\n");
        for (Map.Entry<String, List<Property>> prefix : byPrefix.entrySet()) {
            page.append("\n## `").append(prefix.getKey()).append(".*`\n\n");
            String source = SOURCES.get(prefix.getKey());
            if (source != null) {
                page.append("The properties of ").append(source).append(".\n\n");
            }
            page.append("| property | type | default | effect |\n|---|---|---|---|\n");
            for (Property property : prefix.getValue().stream().sorted(Comparator.comparing(Property::name)).toList()) {
                page.append("| `").append(property.name()).append("` | `").append(cell(property.type())).append("` | ")
                        .append(defaultCell(property))
                        .append(" | ").append(cell(property.description())).append(" |\n");
            }
        }
        return page.toString();
    }

    /** The default column of a property's row: its default as code, or {@link #NO_DEFAULT}. */
    static String defaultCell(Property property) {
        return property.defaultValue().isEmpty() ? NO_DEFAULT : "`" + cell(property.defaultValue()) + "`";
    }

    /** {@code java.util.Map<java.lang.String,dev.cartflow.spring.X$Limit>} to {@code Map<String, Limit>}. */
    static String simpleType(String type) {
        Matcher qualified = QUALIFIED.matcher(type);
        StringBuilder simple = new StringBuilder();
        while (qualified.find()) {
            qualified.appendReplacement(simple, qualified.group(2) != null ? qualified.group(2) : qualified.group(1));
        }
        qualified.appendTail(simple);
        return simple.toString().replace(",", ", ");
    }

    /** A metadata default as the reference prints it: empty for none, an array's items joined by commas. */
    static String defaultValue(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }

    private static String description(JsonNode property) {
        String description = sentence(property.path("description").asText(""));
        JsonNode deprecation = property.get("deprecation");
        if (deprecation != null) {
            String replacement = deprecation.path("replacement").asText("");
            description = "Deprecated" + (replacement.isEmpty() ? "" : ": use `" + replacement + "`") + ". " + description;
        }
        return description;
    }

    /**
     * A description as a sentence of the page: Javadoc's inline tags as code spans, the first letter
     * upper case and a closing period (record components are described as {@code @param} fragments).
     */
    static String sentence(String javadoc) {
        String text = INLINE_TAG.matcher(javadoc.replaceAll("\\s+", " ").strip()).replaceAll("`$1`");
        if (text.isEmpty()) {
            return text;
        }
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return text.endsWith(".") ? text : text + ".";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
