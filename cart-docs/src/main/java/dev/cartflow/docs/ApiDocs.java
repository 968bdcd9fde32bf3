package dev.cartflow.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Javadoc each library module builds in {@code package} ({@code <module>/target/reports/apidocs}),
 * copied into the site's {@code apidocs/<module>/} with an index of the modules.
 */
final class ApiDocs {
    /** Where maven-javadoc-plugin writes a module's API docs, relative to the module. */
    static final Path MODULE_OUTPUT = Path.of("target", "reports", "apidocs");

    private ApiDocs() {
    }

    /** A module whose API docs are in the site. */
    record Module(String name) {
    }

    /** The modules (of those named) whose Javadoc exists under the repository, in the order named. */
    static List<Module> built(Path repository, List<String> modules) {
        List<Module> built = new ArrayList<>();
        for (String module : modules) {
            if (Files.isRegularFile(repository.resolve(module).resolve(MODULE_OUTPUT).resolve("index.html"))) {
                built.add(new Module(module));
            }
        }
        return built;
    }

    /** Copies the built modules' API docs and writes {@code apidocs/index.html}. */
    static void copy(Path repository, List<Module> modules, Path site) throws IOException {
        Path apidocs = site.resolve("apidocs");
        Files.createDirectories(apidocs);
        for (Module module : modules) {
            copyTree(repository.resolve(module.name()).resolve(MODULE_OUTPUT), apidocs.resolve(module.name()));
        }
        StringBuilder index = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>CartFlow API</title>\n<link rel=\"stylesheet\" href=\"../style.css\">\n</head>\n")
                .append("<body>\n<main>\n<h1>CartFlow API (Javadoc)</h1>\n<p><a href=\"../index.html\">Documentation</a>")
                .append("</p>\n<ul>\n");
        for (Module module : modules) {
            index.append("<li><a href=\"").append(module.name()).append("/index.html\"><code>").append(module.name())
                    .append("</code></a></li>\n");
        }
        Files.writeString(apidocs.resolve("index.html"), index.append("</ul>\n</main>\n</body>\n</html>\n"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
