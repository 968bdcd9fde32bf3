package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The nav file ({@code docs/SUMMARY.md}) and docs/ agree: every page is reachable from the site's
 * navigation, and the navigation names only pages that exist.
 */
class NavTest {
    private static final Path DOCS = Path.of("../docs");

    @Test
    void nav_everyPageOfDocs_isListedOrReachedFromItsFoldersListedReadme() throws IOException {
        Nav nav = Nav.read(DOCS);
        Set<String> listed = new HashSet<>(nav.pages());
        List<String> unlisted = new ArrayList<>();
        for (String page : pages()) {
            if (!listed.contains(page) && !page.equals(Nav.FILE) && !reachedFromFolderIndex(page, listed)) {
                unlisted.add(page);
            }
        }
        assertThat(unlisted).as("pages of docs/ that are not in docs/" + Nav.FILE).isEmpty();
    }

    @Test
    void nav_everyEntry_namesAPageThatExistsOnce() throws IOException {
        List<String> entries = Nav.read(DOCS).pages();
        List<String> missing = entries.stream().filter(page -> !Files.isRegularFile(DOCS.resolve(page))).toList();
        List<String> repeated = entries.stream().filter(page -> entries.indexOf(page) != entries.lastIndexOf(page))
                .distinct().toList();

        assertThat(missing).as("nav entries without a page").isEmpty();
        assertThat(repeated).as("pages listed twice").isEmpty();
        assertThat(entries).as("the nav lists the pages").hasSizeGreaterThan(pages().size() / 2);
    }

    @Test
    void parse_entryOutsideASection_isRefusedWithItsLine() {
        List<String> lines = List.of("# Docs", "- [Engine](engine.md)");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Nav.parse(lines))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Nav.FILE + ":2");
    }

    @Test
    void parse_sectionsAndEntries_keepTheirOrder() {
        Nav nav = Nav.parse(List.of("# Site", "", "## First", "- [A](a.md)", "- [B](sub/b.md)", "## Second",
                "- [C](c.md)"));

        assertThat(nav.title()).isEqualTo("Site");
        assertThat(nav.sections()).extracting(Nav.Section::title).containsExactly("First", "Second");
        assertThat(nav.pages()).containsExactly("a.md", "sub/b.md", "c.md");
    }

    /** A page in a folder whose README.md is in the nav and links to it ({@code adr/0001-*.md}). */
    private static boolean reachedFromFolderIndex(String page, Set<String> listed) {
        int slash = page.lastIndexOf('/');
        if (slash < 0) {
            return false;
        }
        String index = page.substring(0, slash) + "/README.md";
        if (!listed.contains(index) || page.equals(index)) {
            return false;
        }
        try {
            String fileName = page.substring(slash + 1);
            return Markdown.destinations(Markdown.parse(Files.readString(DOCS.resolve(index)))).stream()
                    .anyMatch(destination -> destination.equals(fileName) || destination.startsWith(fileName + "#"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every Markdown page under docs/, relative to it, with {@code /} separators. */
    static List<String> pages() throws IOException {
        try (Stream<Path> files = Files.walk(DOCS)) {
            return files.filter(p -> p.toString().endsWith(".md")).map(p -> DOCS.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
