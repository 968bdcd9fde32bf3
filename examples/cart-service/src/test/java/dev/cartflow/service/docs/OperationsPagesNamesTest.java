package dev.cartflow.service.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.YamlMapFactoryBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every {@code cartflow.*} and {@code cartservice.*} name on the operations pages (runbook,
 * troubleshooting, backup, errors) exists: as a property of the configuration metadata the adapter's
 * build writes, a property of the service's {@code @ConfigurationProperties} classes or its
 * {@code application*.yml}, or a string the main code of a module names (meter names, the topic).
 * A name may also be a property group (a prefix of properties).
 */
class OperationsPagesNamesTest {
    private static final List<String> PAGES = List.of("runbook.md", "troubleshooting.md", "backup.md", "errors.md");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.])(?:cartflow|cartservice)\\.[a-z0-9][a-z0-9.-]*[a-z0-9]");
    private static final Pattern LITERAL = Pattern.compile("\"((?:cartflow|cartservice)\\.[a-z0-9.-]+)\"");
    private static final Path REPOSITORY = Path.of("../..");

    @Test
    void operationsPages_nameOnlyPropertiesAndMetersThatExist() throws Exception {
        Set<String> known = new TreeSet<>();
        Set<String> maps = new TreeSet<>();
        known.addAll(metadataProperties(maps));
        known.addAll(serviceProperties());
        known.addAll(yamlKeys("application.yml"));
        known.addAll(yamlKeys("application-postgres.yml"));
        known.addAll(codeLiterals());
        assertThat(known).as("known names").contains("cartflow.outbox.pending", "cartflow.redis.uri",
                "cartservice.load-shedding.max-concurrent");

        List<String> unknown = new ArrayList<>();
        int named = 0;
        for (String page : PAGES) {
            for (String name : namesIn(REPOSITORY.resolve("docs").resolve(page))) {
                named++;
                if (!exists(name, known, maps)) {
                    unknown.add(page + ": " + name);
                }
            }
        }
        assertThat(named).as("names on the pages").isGreaterThan(20);
        assertThat(unknown).as("names on the pages that nothing defines").isEmpty();
    }

    private static boolean exists(String name, Set<String> known, Set<String> maps) {
        // a property, a group of properties, or a key below a map-valued property
        return known.contains(name) || known.stream().anyMatch(k -> k.startsWith(name + "."))
                || maps.stream().anyMatch(map -> name.startsWith(map + "."));
    }

    @Test
    void exists_aNameNothingDefines_isUnknown() throws Exception {
        Set<String> maps = new TreeSet<>();
        Set<String> known = metadataProperties(maps);
        known.addAll(yamlKeys("application-postgres.yml"));

        assertThat(exists("cartflow.redis.no-such-setting", known, maps)).isFalse();
        assertThat(exists("cartflow.redis.uri", known, maps)).isTrue();
        assertThat(exists("cartflow.resilience.providers.pricing.timeout", known, maps)).isTrue();
    }

    private static Set<String> namesIn(Path page) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher name = NAME.matcher(Files.readString(page));
        while (name.find()) {
            String found = name.group();
            if (!found.equals("cartflow.dev")) { // the problem type's and ErrorInfo's domain, not a name
                names.add(found);
            }
        }
        return names;
    }

    /** The metadata's properties and groups; the map-valued properties also into {@code maps}. */
    private static Set<String> metadataProperties(Set<String> maps) throws IOException {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        for (URL resource : Collections.list(Thread.currentThread().getContextClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = resource.openStream()) {
                JsonNode metadata = json.readTree(in);
                for (String section : List.of("properties", "groups")) {
                    metadata.path(section).forEach(entry -> names.add(entry.path("name").asText()));
                }
                metadata.path("properties").forEach(entry -> {
                    if (entry.path("type").asText().startsWith("java.util.Map")) {
                        maps.add(entry.path("name").asText());
                    }
                });
            }
        }
        return names;
    }

    private static Set<String> serviceProperties() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.cartflow.service")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            addProperties(prefix, type, names, 0);
        }
        return names;
    }

    private static void addProperties(String prefix, Class<?> type, Set<String> names, int depth) {
        names.add(prefix);
        List<Map.Entry<String, Class<?>>> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                members.add(Map.entry(component.getName(), component.getType()));
            }
        } else {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    members.add(Map.entry(field.getName(), field.getType()));
                }
            }
        }
        for (Map.Entry<String, Class<?>> member : members) {
            String name = prefix + "." + kebab(member.getKey());
            names.add(name);
            if (depth < 3 && member.getValue().getName().startsWith("dev.cartflow.")) {
                addProperties(name, member.getValue(), names, depth + 1);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> yamlKeys(String file) {
        YamlMapFactoryBean yaml = new YamlMapFactoryBean();
        yaml.setResources(new ClassPathResource(file));
        Set<String> keys = new TreeSet<>();
        flatten("", yaml.getObject(), keys);
        return keys;
    }

    private static void flatten(String prefix, Map<?, ?> map, Set<String> keys) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key.toString() : prefix + "." + key;
            keys.add(name);
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, keys);
            }
        });
    }

    private static Set<String> codeLiterals() throws IOException {
        Set<String> literals = new TreeSet<>();
        List<Path> roots = new ArrayList<>();
        for (Path parent : List.of(REPOSITORY, REPOSITORY.resolve("examples"))) {
            try (Stream<Path> modules = Files.list(parent)) {
                modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(roots::add);
            }
        }
        List<Path> sources = new ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        for (Path source : sources) {
            Matcher literal = LITERAL.matcher(Files.readString(source));
            while (literal.find()) {
                literals.add(literal.group(1).replaceAll("\\.$", ""));
            }
        }
        return literals;
    }
}
