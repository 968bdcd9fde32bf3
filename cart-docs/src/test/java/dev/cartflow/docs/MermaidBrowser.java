package dev.cartflow.docs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Draws the Mermaid blocks of a docs/ folder in real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, Selenium Manager off, so nothing is downloaded): it builds the site from that
 * folder, opens every page with diagrams from its {@code file:} URL, as a reader opens the built site,
 * and answers what went wrong, each problem naming the page and the block's line.
 *
 * <p>Two things are checked per block. Mermaid's own {@code parse} and {@code render} of the block's
 * source, in the page, give the syntax error with mermaid's message. And the page's own drawing (the
 * site's script, started on load) must have put an SVG in the block's place that is not mermaid's error
 * diagram ("Syntax error in text"), which also shows that the page found the site's copy of the script.
 */
final class MermaidBrowser implements AutoCloseable {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Generous: up to eight builds share two cores here. */
    private static final Duration PAGE_DRAWN = Duration.ofSeconds(60);
    /** Parses and renders one block's source; answers {error} or {svg}. */
    private static final String RENDER = """
            const [source, id, done] = arguments;
            (async () => {
              try {
                await mermaid.parse(source);
                const { svg } = await mermaid.render(id, source);
                done({ svg });
              } catch (e) {
                done({ error: String((e && (e.message || e.str)) || e) });
              }
            })();""";
    /** Per block of the page in order: what its place holds after the page's own drawing. */
    private static final String DRAWN = """
            return Array.from(document.querySelectorAll('pre.mermaid')).map(pre => {
              const svg = pre.querySelector('svg');
              if (!svg) return 'no drawing';
              const error = svg.getAttribute('aria-roledescription') === 'error'
                  || svg.querySelector('.error-text') !== null;
              return error ? 'the error diagram: ' + (pre.textContent || '').trim() : 'drawn';
            });""";

    private final WebDriver browser;

    private MermaidBrowser(WebDriver browser) {
        this.browser = browser;
    }

    /** Starts headless Chromium with a fresh profile under the given folder (target/, nothing in /tmp). */
    static MermaidBrowser start(Path work) throws IOException {
        Files.createDirectories(work);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(new File(work.resolve("chromedriver.log").toString())).build();
        Path profile = Files.createTempDirectory(work, "profile-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        return new MermaidBrowser(new ChromeDriver(service, options));
    }

    /**
     * Builds the site of {@code docs} under {@code site} and draws every Mermaid block of its pages.
     *
     * @return one line per block that mermaid refuses or that the page did not draw, naming
     *         {@code page.md:line}; empty when every diagram draws
     */
    List<String> problems(Path docs, Path site) throws IOException {
        SiteGenerator.generate(docs, site, docs.getParent(), List.of());
        List<String> problems = new ArrayList<>();
        for (Path page : markdownPages(docs)) {
            List<PageBlocks.Block> diagrams = PageBlocks.of(page).stream()
                    .filter(block -> block.language().equals("mermaid")).toList();
            if (!diagrams.isEmpty()) {
                String relative = docs.relativize(page).toString().replace('\\', '/');
                check(diagrams, site.resolve(SitePaths.htmlPath(relative)), problems);
            }
        }
        return problems;
    }

    private void check(List<PageBlocks.Block> diagrams, Path html, List<String> problems) {
        browser.get(html.toUri().toString());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try {
            new WebDriverWait(browser, PAGE_DRAWN).until(driver -> (Boolean) js.executeScript(
                    "return typeof mermaid !== 'undefined' && document.querySelectorAll('pre.mermaid').length > 0"
                            + " && document.querySelectorAll('pre.mermaid:not([data-processed])').length === 0"));
        } catch (TimeoutException e) {
            problems.add(diagrams.get(0).page().normalize() + ": the page's diagrams were not drawn within "
                    + PAGE_DRAWN + " (is " + MermaidScript.SITE_PATH + " in the site?)");
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> drawn = (List<String>) js.executeScript(DRAWN);
        browser.manage().timeouts().scriptTimeout(PAGE_DRAWN);
        for (int i = 0; i < diagrams.size(); i++) {
            PageBlocks.Block block = diagrams.get(i);
            @SuppressWarnings("unchecked")
            Map<String, Object> rendered = (Map<String, Object>) js.executeAsyncScript(RENDER, block.text(), "check-" + i);
            if (rendered.get("error") != null) {
                problems.add(block.where() + ": mermaid refuses the diagram: " + rendered.get("error"));
            } else if (i >= drawn.size() || !drawn.get(i).equals("drawn")) {
                problems.add(block.where() + ": the page shows " + (i < drawn.size() ? drawn.get(i) : "no block"));
            }
        }
    }

    private static List<Path> markdownPages(Path docs) throws IOException {
        try (var files = Files.walk(docs)) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
