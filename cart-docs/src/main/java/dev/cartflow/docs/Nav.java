package dev.cartflow.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The site's navigation, read from {@code docs/SUMMARY.md}: a {@code # title}, then sections as
 * {@code ## heading} lines, each with a list of {@code - [title](page.md)} entries, in reading order.
 */
record Nav(String title, List<Section> sections) {
    /** The nav file's name in docs/. */
    static final String FILE = "SUMMARY.md";
    private static final Pattern ENTRY = Pattern.compile("^\\s*[-*] \\[([^\\]]+)]\\(([^)#\\s]+)\\)\\s*$");

    Nav {
        sections = List.copyOf(sections);
    }

    /** One section of the navigation and its pages. */
    record Section(String title, List<Entry> entries) {
        Section {
            entries = List.copyOf(entries);
        }
    }

    /** A page of the navigation: its title and its path relative to docs/ ({@code adr/README.md}). */
    record Entry(String title, String page) {
    }

    static Nav read(Path docs) throws IOException {
        return parse(Files.readAllLines(docs.resolve(FILE)));
    }

    static Nav parse(List<String> lines) {
        String title = "Documentation";
        List<Section> sections = new ArrayList<>();
        String sectionTitle = null;
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher entry = ENTRY.matcher(line);
            if (line.startsWith("# ")) {
                title = line.substring(2).strip();
            } else if (line.startsWith("## ")) {
                if (sectionTitle != null) {
                    sections.add(new Section(sectionTitle, entries));
                }
                sectionTitle = line.substring(3).strip();
                entries = new ArrayList<>();
            } else if (entry.matches()) {
                if (sectionTitle == null) {
                    throw new IllegalArgumentException(FILE + ":" + (i + 1) + ": an entry before the first ## section");
                }
                entries.add(new Entry(entry.group(1), entry.group(2)));
            } else if (line.stripLeading().startsWith("- ") || line.stripLeading().startsWith("* ")) {
                throw new IllegalArgumentException(FILE + ":" + (i + 1)
                        + ": a list item that is not one link [title](page.md): " + line);
            }
        }
        if (sectionTitle != null) {
            sections.add(new Section(sectionTitle, entries));
        }
        return new Nav(title, sections);
    }

    /** Every page the navigation names, in order. */
    List<String> pages() {
        return sections.stream().flatMap(section -> section.entries().stream()).map(Entry::page).toList();
    }
}
