package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The {@code ```yaml} and {@code ```properties} blocks of the pages that set CartFlow properties
 * ({@code cartflow.*}, {@code cartservice.*}) name properties the code binds, with values that convert
 * ({@link PropertyCheck}). Blocks without such a key (Kubernetes manifests, alert rules) are other
 * files and are not Spring properties.
 */
class PropertyBlocksTest {
    private final PropertyCheck check = new PropertyCheck(ConfigurationMetadata.properties());

    @Test
    void propertyBlocks_inThePages_nameBoundPropertiesWithConvertibleValues() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (PageBlocks.Block block : PageBlocks.in("yaml", "yml", "properties")) {
            Map<String, Object> properties = flatten(block);
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                if (PropertyCheck.isCartFlows(property.getKey())) {
                    String problem = check.problem(property.getKey(), property.getValue());
                    if (problem != null) {
                        problems.add(block.where() + ": " + property.getKey() + ": " + problem);
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).as("CartFlow properties set in the pages").isGreaterThan(5);
        assertThat(problems).as("properties in the pages that do not bind").isEmpty();
    }

    @Test
    void problem_unknownNameBadDurationAndBadEnum_areReported() {
        assertThat(check.problem("cartflow.no-such-thing", "1")).contains("no such property");
        assertThat(check.problem("cartflow.guest-ttl", "thirty days")).contains("does not convert");
        assertThat(check.problem("cartflow.guest-ttl", "30d")).isNull();
        assertThat(check.problem("cartflow.redis.role", "sideways")).contains("is none of");
        assertThat(check.problem("cartflow.redis.role", "store")).isNull();
        assertThat(check.problem("cartflow.resilience.providers.catalog.no-such-field", "1")).contains("no property");
        assertThat(check.problem("cartflow.resilience.providers.catalog.timeout", "300ms")).isNull();
    }

    /** The block's properties as dotted names: YAML maps nested into names, lists kept as values. */
    static Map<String, Object> flatten(PageBlocks.Block block) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (block.language().equals("properties")) {
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(block.text()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.forEach((key, value) -> flat.put(key.toString(), value));
            return flat;
        }
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object document : yaml.loadAll(block.text())) {
            if (document instanceof Map<?, ?> map) {
                flatten("", map, flat);
            }
        }
        return flat;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> flat) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested && !nested.isEmpty()) {
                flatten(name + ".", nested, flat);
            } else {
                flat.put(name, entry.getValue());
            }
        }
    }
}
