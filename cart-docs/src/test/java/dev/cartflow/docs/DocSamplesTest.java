package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds every Java code block of the pages to a region of a sample that this module compiles and runs
 * as a test, so no sample in the docs rots.
 *
 * <p>A page includes a sample with a marker line right before the fenced block:
 * {@code <!-- sample: GettingStartedSample#create-cart -->}. The block must equal the lines between
 * {@code // tag::create-cart[]} and {@code // end::create-cart[]} of {@code GettingStartedSample.java}
 * under {@code src/test/java}, with their common indentation taken off (nested tag lines left out).
 */
class DocSamplesTest {
    private static final Pattern MARKER = Pattern.compile("^<!-- sample: ([A-Za-z0-9_]+)#([A-Za-z0-9_-]+) -->\\s*$");
    private static final Path SAMPLES = Path.of("src/test/java");
    /** Pages whose Java blocks are not samples yet; issue 15 empties this set. */
    private static final Set<String> NOT_YET_CONVERTED = Set.of(
            );

    @Test
    void javaBlocks_inEveryPage_equalTheirCompiledSampleRegion() {
        List<String> problems = new ArrayList<>();
        for (Path page : pages()) {
            checkPage(page, problems);
        }
        assertThat(problems).as("Java blocks of the pages against their samples").isEmpty();
    }

    @Test
    void sampleMarkers_exist_inTheDocs() {
        long markers = pages().stream().flatMap(page -> lines(page).stream())
                .filter(line -> MARKER.matcher(line).matches()).count();
        assertThat(markers).as("sample markers in the pages").isPositive();
    }

    private static void checkPage(Path page, List<String> problems) {
        List<String> lines = lines(page);
        String name = page.getFileName().toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher marker = MARKER.matcher(line);
            if (marker.matches()) {
                int fence = i + 1;
                if (fence >= lines.size() || !lines.get(fence).startsWith("```")) {
                    problems.add(page + ":" + (i + 1) + ": a sample marker must be followed by a fenced block");
                    continue;
                }
                List<String> block = block(lines, fence);
                String expected = region(marker.group(1), marker.group(2), problems);
                if (expected != null && !expected.equals(String.join("\n", block))) {
                    problems.add(page + ":" + (fence + 1) + ": block differs from " + marker.group(1) + "#"
                            + marker.group(2) + "; the sample's region is:\n" + expected);
                }
                i = fence + block.size() + 1;
            } else if (line.trim().equals("```java") && !NOT_YET_CONVERTED.contains(name)) {
                problems.add(page + ":" + (i + 1) + ": a Java block without a sample marker");
            }
        }
    }

    private static List<String> block(List<String> lines, int fence) {
        List<String> block = new ArrayList<>();
        for (int j = fence + 1; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
            block.add(lines.get(j));
        }
        return block;
    }

    static String region(String sample, String tag, List<String> problems) {
        Path source;
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            source = files.filter(p -> p.getFileName().toString().equals(sample + ".java")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (source == null) {
            problems.add("no sample " + sample + ".java under " + SAMPLES);
            return null;
        }
        List<String> body = new ArrayList<>();
        boolean inside = false;
        boolean found = false;
        for (String line : lines(source)) {
            String trimmed = line.trim();
            if (trimmed.equals("// tag::" + tag + "[]")) {
                inside = true;
                found = true;
            } else if (trimmed.equals("// end::" + tag + "[]")) {
                inside = false;
            } else if (inside && !trimmed.startsWith("// tag::") && !trimmed.startsWith("// end::")) {
                body.add(line);
            }
        }
        if (!found) {
            problems.add("no region " + tag + " in " + source);
            return null;
        }
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }

    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("../README.md"));
        try (Stream<Path> files = Files.walk(Path.of("../docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
