package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```mermaid} block of docs/ draws in a real browser from the built site, with the site's
 * own copy of mermaid ({@link MermaidBrowser}); a block mermaid refuses fails the build, naming the page
 * and line.
 */
class MermaidDiagramsTest {
    private static final Path WORK = Path.of("target", "mermaid-diagrams").toAbsolutePath();
    private static MermaidBrowser browser;

    @TempDir
    Path temp;

    @BeforeAll
    static void startBrowser() throws IOException {
        // CI installs them (.ci/run); a missing browser must fail the build, not skip the test
        assertThat(Files.isExecutable(MermaidBrowser.CHROMEDRIVER) && Files.isExecutable(MermaidBrowser.CHROMIUM))
                .withFailMessage("the diagram check needs Debian's chromium and chromium-driver (%s, %s): "
                        + "apt-get install -y --no-install-recommends chromium chromium-driver",
                        MermaidBrowser.CHROMIUM, MermaidBrowser.CHROMEDRIVER)
                .isTrue();
        // belt and braces: the driver binary is given, and Selenium Manager must not go online either
        System.setProperty("SE_OFFLINE", "true");
        browser = MermaidBrowser.start(WORK);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Timeout(300)
    void mermaidBlocks_ofEveryPage_drawInABrowser() throws IOException {
        long diagrams = PageBlocks.all().stream().filter(block -> block.language().equals("mermaid")).count();

        List<String> problems = browser.problems(Path.of("../docs").toAbsolutePath().normalize(), WORK.resolve("site"));

        assertThat(diagrams).as("mermaid blocks in docs/").isPositive();
        assertThat(problems).as("mermaid blocks that do not draw").isEmpty();
    }

    @Test
    @Timeout(120)
    void problems_brokenDiagram_namesItsPageAndLineWithMermaidsMessage() throws IOException {
        Path docs = Files.createDirectories(temp.resolve("repo/docs"));
        Files.writeString(docs.resolve(Nav.FILE), "# Docs\n\n## Start\n- [Flows](flows.md)\n");
        Files.writeString(docs.resolve("flows.md"), """
                # Flows

                ```mermaid
                flowchart LR
                  add[Add to cart] --> price[Price]
                ```

                ```mermaid
                flowchart LR
                  add[Add to cart --> price((Price]
                ```

                ```mermaid
                sequenceDiagram
                  Shopper->>Engine: checkout
                  Engine-->>Shopper: hand-off
                ```
                """);

        List<String> problems = browser.problems(docs, temp.resolve("site"));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith(docs.resolve("flows.md").normalize() + ":8: mermaid refuses the diagram: ")
                .containsIgnoringCase("parse error");
    }
}
