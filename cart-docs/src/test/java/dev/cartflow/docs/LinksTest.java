package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and image of the pages (docs/ and README.md) points to a file that exists, and
 * every {@code #anchor} to a heading of its page (anchors as GitHub and the site derive them). Links
 * with a scheme ({@code https:}) are not fetched.
 */
class LinksTest {
    private static final Path REPOSITORY = Path.of("..");
    private final Map<Path, Set<String>> anchorsByPage = new HashMap<>();

    @Test
    void links_inEveryPageAndTheReadme_pointToExistingFilesAndAnchors() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Path> pages = new ArrayList<>();
        pages.add(REPOSITORY.resolve("README.md"));
        for (String page : NavTest.pages()) {
            pages.add(REPOSITORY.resolve("docs").resolve(page));
        }
        int checked = 0;
        for (Path page : pages) {
            for (String destination : Markdown.destinations(Markdown.parse(Files.readString(page)))) {
                String problem = problem(page, destination);
                if (problem != null) {
                    broken.add(REPOSITORY.relativize(page) + ": " + destination + ": " + problem);
                }
                checked++;
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(50);
        assertThat(broken).as("links that point nowhere").isEmpty();
    }

    @Test
    void problem_missingFileAndMissingAnchor_areBothReported() throws IOException {
        Path page = REPOSITORY.resolve("docs/engine.md");

        assertThat(problem(page, "no-such-page.md")).contains("no such file");
        assertThat(problem(page, "spring.md#no-such-heading")).contains("no heading");
        assertThat(problem(page, "#" + anchors(REPOSITORY.resolve("docs/engine.md")).iterator().next())).isNull();
        assertThat(problem(page, "https://example.org/x.md")).isNull();
    }

    /** What is wrong with one link of a page, or null when it points to something. */
    String problem(Path page, String destination) {
        if (destination.isEmpty()) {
            return "empty link";
        }
        if (SitePaths.isExternal(destination)) {
            return null;
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? null : destination.substring(hash + 1);
        Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!Files.exists(target)) {
            return "no such file " + target;
        }
        if (fragment != null) {
            if (!target.toString().endsWith(".md")) {
                return "an anchor into a file that is not a page";
            }
            if (!anchors(target).contains(fragment)) {
                return "no heading with the anchor #" + fragment + " in " + target;
            }
        }
        return null;
    }

    private Set<String> anchors(Path page) {
        return anchorsByPage.computeIfAbsent(page.normalize(), p -> {
            try {
                return new HashSet<>(Markdown.anchors(Markdown.parse(Files.readString(p))).values());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
