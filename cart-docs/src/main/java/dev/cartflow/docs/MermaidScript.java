package dev.cartflow.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Mermaid's browser bundle, served by the site itself: the {@code org.webjars.npm:mermaid} WebJar on the
 * generator's class path holds {@code dist/mermaid.min.js}, which draws every {@code <pre class="mermaid">}
 * without network. It is the classic script rather than the ES module because browsers refuse module
 * imports from {@code file:} pages, and the site is opened from the build folder.
 */
final class MermaidScript {
    /** Where the script lands in the site, relative to its root. */
    static final String SITE_PATH = "mermaid/mermaid.min.js";
    private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/mermaid/pom.properties";

    private MermaidScript() {
    }

    /** The WebJar's mermaid version, from the Maven metadata it carries. */
    static String version() {
        Properties pom = new Properties();
        try (InputStream in = open(POM_PROPERTIES)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = pom.getProperty("version");
        if (version == null || version.isBlank()) {
            throw new IllegalStateException(POM_PROPERTIES + " names no version");
        }
        return version;
    }

    /** The script's bytes, as the WebJar ships them. */
    static byte[] bytes() {
        try (InputStream in = open("META-INF/resources/webjars/mermaid/" + version() + "/dist/mermaid.min.js")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the script to {@link #SITE_PATH} under the site's root. */
    static void copyTo(Path site) throws IOException {
        Path target = site.resolve(SITE_PATH);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes());
    }

    private static InputStream open(String resource) {
        InputStream in = MermaidScript.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the class path: the site needs the"
                    + " org.webjars.npm:mermaid WebJar (cart-docs/pom.xml)");
        }
        return in;
    }
}
