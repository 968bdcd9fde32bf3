package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shell block of the pages either runs in the build or says why it cannot: a block in a shell
 * language carries {@code <!-- run: service -->} ({@link ServiceBlocksIT} runs it) or
 * {@code <!-- not run: reason -->} right above its fence. A command a reader copies is then either
 * proven by the build or visibly a command the build cannot prove (it builds, deploys, or needs a
 * server of the reader's own). So that no command hides in a block without a language, every fenced
 * block names one ({@code text} for plain text).
 */
class ShellBlocksTest {
    /** The info strings GitHub highlights as shell. */
    static final Set<String> SHELL_LANGUAGES = Set.of("bash", "sh", "shell", "console", "zsh");
    /** The runners a run marker may name, each with the test that runs its blocks. */
    static final Set<String> RUNNERS = Set.of("service");

    @TempDir
    Path temp;

    @Test
    void shellBlocks_inEveryPage_runOrSayWhyNot() {
        List<PageBlocks.Block> shell = PageBlocks.all().stream().filter(ShellBlocksTest::isShell).toList();

        assertThat(shell).as("shell blocks of the pages").isNotEmpty();
        assertThat(problems(shell)).as("shell blocks without <!-- run: service --> or <!-- not run: reason -->")
                .isEmpty();
    }

    @Test
    void fencedBlocks_inEveryPage_nameTheirLanguage() {
        // a command in a block without a language would escape the rule above; plain text says "text"
        assertThat(PageBlocks.all()).filteredOn(block -> block.language().isEmpty()).extracting(PageBlocks.Block::where)
                .as("fenced blocks without a language (```text for plain text, ```bash for commands)").isEmpty();
    }

    @Test
    void problems_unmarkedBlankReasonAndUnknownRunner_eachNamedWithPageAndLine() throws IOException {
        Path page = temp.resolve("page.md");
        Files.writeString(page, """
                # A page

                ```bash
                mvn verify
                ```

                <!-- not run: -->
                ```sh
                kubectl apply -k deploy
                ```

                <!-- run: browser -->
                ```bash
                curl -s http://localhost:8080/carts
                ```

                <!-- not run: deploys to the reader's cluster -->
                ```bash
                kubectl apply -k deploy
                ```

                <!-- run: service -->
                ```bash
                curl -s http://localhost:8080/products
                ```

                ```text
                not shell
                ```
                """);

        List<String> problems = problems(PageBlocks.of(page).stream().filter(ShellBlocksTest::isShell).toList());

        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).startsWith(page.normalize() + ":3: ").contains("neither");
        assertThat(problems.get(1)).startsWith(page.normalize() + ":8: ").contains("no reason");
        assertThat(problems.get(2)).startsWith(page.normalize() + ":13: ").contains("browser");
    }

    static boolean isShell(PageBlocks.Block block) {
        return SHELL_LANGUAGES.contains(block.language());
    }

    static List<String> problems(List<PageBlocks.Block> shellBlocks) {
        List<String> problems = new ArrayList<>();
        for (PageBlocks.Block block : shellBlocks) {
            if (block.run() != null) {
                if (!RUNNERS.contains(block.run())) {
                    problems.add(block.where() + ": run marker names " + block.run() + ", which no test runs (known: "
                            + RUNNERS + ")");
                }
            } else if (block.notRun() == null) {
                problems.add(block.where() + ": a " + block.language() + " block with neither <!-- run: service --> nor"
                        + " <!-- not run: reason --> right above its fence");
            } else if (block.notRun().isBlank()) {
                problems.add(block.where() + ": <!-- not run: --> gives no reason");
            }
        }
        return problems;
    }
}
