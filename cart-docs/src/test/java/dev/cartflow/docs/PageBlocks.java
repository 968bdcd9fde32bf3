package dev.cartflow.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fenced blocks of the pages (README.md and docs/), each with its language, its first line's
 * number and the marker right before it, if any: {@code <!-- run: service -->} (the build runs it) or
 * {@code <!-- not run: reason -->} (it says why the build cannot).
 */
final class PageBlocks {
    private static final Pattern RUN_MARKER = Pattern.compile("^<!-- run: ([a-z0-9-]+) -->\\s*$");
    private static final Pattern NOT_RUN_MARKER = Pattern.compile("^<!-- not run: (.*?) ?-->\\s*$");

    private PageBlocks() {
    }

    /**
     * One fenced block: where it is, its info string's first word, its lines, its run marker's runner (or
     * null) and its not-run marker's reason (or null; blank when the marker gives none).
     */
    record Block(Path page, int line, String language, String text, String run, String notRun) {
        String where() {
            return page.normalize() + ":" + line;
        }
    }

    /** Every fenced block of every page, in page order. */
    static List<Block> all() {
        List<Block> blocks = new ArrayList<>();
        for (Path page : DocSamplesTest.pages()) {
            blocks.addAll(of(page));
        }
        return blocks;
    }

    /** Every fenced block of the pages in the given language ({@code yaml}, {@code xml}, {@code bash}). */
    static List<Block> in(String... languages) {
        List<String> wanted = List.of(languages);
        return all().stream().filter(block -> wanted.contains(block.language())).toList();
    }

    static List<Block> of(Path page) {
        List<String> lines;
        try {
            lines = Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```")) {
                continue;
            }
            String info = line.substring(3).strip();
            String language = info.isEmpty() ? "" : info.split("\\s+")[0];
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("```")) {
                end++;
            }
            String before = i > 0 ? lines.get(i - 1) : "";
            Matcher run = RUN_MARKER.matcher(before);
            Matcher notRun = NOT_RUN_MARKER.matcher(before);
            blocks.add(new Block(page, i + 1, language, String.join("\n", lines.subList(i + 1, end)),
                    run.matches() ? run.group(1) : null, notRun.matches() ? notRun.group(1).strip() : null));
            i = end;
        }
        return blocks;
    }
}
