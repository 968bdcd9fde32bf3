package dev.cartflow.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds the documentation site: every Markdown page of docs/ to an HTML page of the same path under
 * the output folder, the nav file to {@code index.html}, every other file of docs/ (the charts)
 * copied, the stylesheet, mermaid's script ({@link MermaidScript}), and the library modules' API docs
 * under {@code apidocs/}.
 *
 * <p>Run by cart-docs's {@code package} phase:
 * {@code SiteGenerator <docs folder> <site folder> <repository root> <module,module,...>}. It is public
 * only because exec-maven-plugin calls its {@code main}; nothing else of the module is.
 */
public final class SiteGenerator {
    private SiteGenerator() {
    }

    /**
     * Builds the site.
     *
     * @param args the docs folder, the site folder, the repository's root and the library modules
     *             (comma-separated) whose API docs the site links
     * @throws IOException when a page cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: SiteGenerator <docs> <site> <repository> <modules,comma-separated>");
        }
        List<String> modules = Arrays.stream(args[3].split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        int pages = generate(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), modules);
        System.out.println("cart-docs: " + pages + " pages in " + Path.of(args[1]).toAbsolutePath());
    }

    /** Writes the site and answers how many pages it has. */
    static int generate(Path docs, Path site, Path repository, List<String> modules) throws IOException {
        Nav nav = Nav.read(docs);
        List<ApiDocs.Module> apiModules = ApiDocs.built(repository, modules);
        PageLayout layout = new PageLayout(nav, apiModules);
        Files.createDirectories(site);
        int pages = 0;
        for (Path file : files(docs)) {
            String page = docs.relativize(file).toString().replace('\\', '/');
            Path target = site.resolve(SitePaths.htmlPath(page));
            Files.createDirectories(target.getParent());
            if (page.endsWith(".md")) {
                PageRenderer.Rendered rendered = PageRenderer.render(page, Files.readString(file));
                Files.writeString(target, layout.page(page, rendered));
                pages++;
            } else {
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (InputStream css = SiteGenerator.class.getResourceAsStream("style.css")) {
            if (css == null) {
                throw new IllegalStateException("style.css is missing from the generator's resources");
            }
            Files.write(site.resolve("style.css"), css.readAllBytes());
        }
        MermaidScript.copyTo(site);
        ApiDocs.copy(repository, apiModules, site);
        return pages;
    }

    private static List<Path> files(Path docs) throws IOException {
        try (Stream<Path> walk = Files.walk(docs)) {
            return new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
        }
    }
}
