package dev.cartflow.service.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile read as its instructions: comments dropped, continuation lines joined, each
 * instruction with the build stage it belongs to (0 for the first FROM). Enough to check what the
 * file says without a Docker engine; it does not expand variables.
 */
final class Dockerfile {
    /** One instruction: its keyword in upper case, its arguments as written, its stage. */
    record Instruction(String keyword, String arguments, int stage) {
    }

    private final List<Instruction> instructions;

    private Dockerfile(List<Instruction> instructions) {
        this.instructions = instructions;
    }

    /** The instructions of that file. */
    static Dockerfile parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int stage = -1;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue; // a comment (also inside a continued instruction), or a blank line
            }
            boolean continued = line.endsWith("\\");
            current.append(continued ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continued) {
                String text = current.toString().strip();
                current.setLength(0);
                int space = text.indexOf(' ');
                String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
                String arguments = space < 0 ? "" : text.substring(space + 1).strip();
                if (keyword.equals("FROM")) {
                    stage++;
                }
                instructions.add(new Instruction(keyword, arguments, stage));
            }
        }
        return new Dockerfile(instructions);
    }

    /** Every instruction with that keyword, in order. */
    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** The index of the last stage: the one the image is. */
    int finalStage() {
        return instructions.get(instructions.size() - 1).stage();
    }

    /** The instructions of the final stage with that keyword. */
    List<Instruction> inFinalStage(String keyword) {
        return all(keyword).stream().filter(i -> i.stage() == finalStage()).toList();
    }

    /** The numeric uid the image runs as (its final stage's USER uid[:gid]). */
    int userId() {
        List<Instruction> user = inFinalStage("USER");
        if (user.isEmpty()) {
            throw new AssertionError("the image has no USER: it would run as root");
        }
        return Integer.parseInt(user.get(user.size() - 1).arguments().split(":")[0]);
    }
}
