package dev.cartflow.docs.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds docs/adr/ together: the index lists every decision file and links no file that is missing,
 * every file is named {@code NNNN-words.md} with a unique number, and every file has the four
 * sections (status, context, decision, consequences) in that order, each with some text.
 */
class AdrIndexTest {
    private static final Path ADR = Path.of("../docs/adr");
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{4})-[a-z0-9-]+\\.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#]+\\.md)\\)");
    private static final List<String> SECTIONS = List.of("## Status", "## Context", "## Decision", "## Consequences");

    @Test
    void index_linksEveryDecisionFile_andNoMissingOne() throws IOException {
        Set<String> linked = new TreeSet<>();
        Matcher link = LINK.matcher(Files.readString(ADR.resolve("README.md")));
        while (link.find()) {
            linked.add(link.group(1));
        }

        assertThat(linked).isEqualTo(new TreeSet<>(decisionFiles()));
    }

    @Test
    void decisionFiles_namedWithUniqueNumbers() throws IOException {
        List<String> files = decisionFiles();
        Set<String> numbers = files.stream().map(name -> name.substring(0, 4)).collect(Collectors.toSet());

        assertThat(files).isNotEmpty().allMatch(name -> FILE_NAME.matcher(name).matches());
        assertThat(numbers).hasSameSizeAs(files);
    }

    @Test
    void everyDecisionFile_hasTheFourSectionsInOrder_eachWithText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String name : decisionFiles()) {
            List<String> lines = Files.readAllLines(ADR.resolve(name));
            int previous = -1;
            for (String section : SECTIONS) {
                int at = lines.indexOf(section);
                if (at <= previous) {
                    problems.add(name + ": " + section + (at < 0 ? " missing" : " out of order"));
                    continue;
                }
                if (!hasText(lines, at + 1)) {
                    problems.add(name + ": " + section + " is empty");
                }
                previous = at;
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean hasText(List<String> lines, int from) {
        for (int i = from; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (!lines.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> decisionFiles() throws IOException {
        try (Stream<Path> files = Files.list(ADR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".md") && !name.equals("README.md")).sorted().toList();
        }
    }
}
