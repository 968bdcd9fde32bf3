package dev.cartflow.service.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes manifests of deploy/k8s, every document of every YAML file, parsed with SnakeYAML. */
final class Manifests {
    static final Path DIRECTORY = Path.of("deploy", "k8s");

    /** One parsed document and the file it came from. */
    record Document(Path file, Map<String, Object> body) {
        String kind() {
            return String.valueOf(body.get("kind"));
        }

        String name() {
            return Tree.text(body, "metadata.name");
        }
    }

    private final List<Document> documents;

    private Manifests(List<Document> documents) {
        this.documents = documents;
    }

    /** Every document of every .yaml and .yml file under the directory, its subdirectories included. */
    static Manifests load(Path directory) {
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object body : new Yaml().loadAll(reader)) {
                        if (body != null) {
                            documents.add(new Document(file, Tree.map(body)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(documents);
    }

    /** Every document. */
    List<Document> all() {
        return documents;
    }

    /** The one document of that kind; fails when there is none or more than one. */
    Document only(String kind) {
        List<Document> found = documents.stream().filter(d -> d.kind().equals(kind)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " in " + DIRECTORY + ", found " + found.size());
        }
        return found.get(0);
    }
}
