package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site generator on a small docs/ of its own: pages, links, diagrams, copied files, the index. */
class SiteGeneratorTest {
    @TempDir
    Path temp;

    @Test
    void generate_smallDocs_writesEachPageWithSiteLinksDiagramsAndCopiedImages() throws IOException {
        Path docs = Files.createDirectories(temp.resolve("repo/docs"));
        Files.createDirectories(docs.resolve("adr"));
        Path repository = docs.getParent();
        Files.writeString(docs.resolve(Nav.FILE), "# Shop docs\n\n## Start\n- [Engine](engine.md)\n\n## Decisions\n"
                + "- [Records](adr/README.md)\n");
        Files.writeString(docs.resolve("engine.md"), "# The engine\n\nSee [the records](adr/README.md#why-records)"
                + " and [the source](../cart-core/X.java).\n\n![chart](performance/chart.png)\n\n"
                + "```mermaid\nflowchart LR\n  a --> b\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        Files.writeString(docs.resolve("adr/README.md"), "# Records\n\n## Why records\n\nBack to [the engine](../engine.md).\n");
        Files.createDirectories(docs.resolve("performance"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Files.write(docs.resolve("performance/chart.png"), png);
        Path site = temp.resolve("site");

        int pages = SiteGenerator.generate(docs, site, repository, List.of("cart-spi"));

        String engine = Files.readString(site.resolve("engine.html"));
        String record = Files.readString(site.resolve("adr/README.html"));
        assertThat(pages).isEqualTo(3);
        assertThat(engine).contains("<title>The engine · Shop docs</title>")
                .contains("href=\"adr/README.html#why-records\"")
                .contains("href=\"../../../cart-core/X.java\"")
                .contains("src=\"performance/chart.png\"")
                .contains("<pre class=\"mermaid\">flowchart LR\n  a --&gt; b\n</pre>")
                .contains("<script src=\"mermaid/mermaid.min.js\"></script>")
                .doesNotContain("https:")
                .contains("<table>")
                .contains("<a class=\"current\" aria-current=\"page\" href=\"engine.html\">Engine</a>");
        assertThat(record).contains("<h2 id=\"why-records\">Why records</h2>")
                .contains("href=\"../engine.html\"")
                .contains("href=\"../style.css\"")
                .doesNotContain("mermaid.initialize").doesNotContain("mermaid.min.js");
        assertThat(site.resolve("performance/chart.png")).hasBinaryContent(png);
        assertThat(Files.readString(site.resolve("index.html"))).contains("<h2>Start</h2>")
                .contains("No module's Javadoc was built");
        assertThat(site.resolve("style.css")).isNotEmptyFile();
        assertThat(Files.readString(site.resolve(MermaidScript.SITE_PATH))).as("the WebJar's mermaid bundle")
                .contains("mermaid").hasSizeGreaterThan(100_000);
        assertThat(site.resolve("apidocs/index.html")).exists();
    }

    @Test
    void generate_moduleWithApiDocs_copiesThemAndLinksThemFromTheIndex() throws IOException {
        Path repository = temp.resolve("repo");
        Path docs = Files.createDirectories(repository.resolve("docs"));
        Files.writeString(docs.resolve(Nav.FILE), "# Docs\n\n## Start\n");
        Path apidocs = Files.createDirectories(repository.resolve("cart-spi").resolve(ApiDocs.MODULE_OUTPUT).resolve("dev"));
        Files.writeString(apidocs.getParent().resolve("index.html"), "<html>spi api</html>");
        Files.writeString(apidocs.resolve("Money.html"), "<html>Money</html>");
        Path site = temp.resolve("site");

        SiteGenerator.generate(docs, site, repository, List.of("cart-spi", "cart-core"));

        assertThat(site.resolve("apidocs/cart-spi/dev/Money.html")).hasContent("<html>Money</html>");
        assertThat(Files.readString(site.resolve("index.html"))).contains("href=\"apidocs/cart-spi/index.html\"")
                .doesNotContain("cart-core");
        assertThat(Files.readString(site.resolve("apidocs/index.html"))).contains("href=\"cart-spi/index.html\"");
    }

    @Test
    void siteHref_linksOfNestedAndTopPages_pointIntoTheSite() {
        assertThat(SitePaths.siteHref("engine.md", "spring.md#every-property")).isEqualTo("spring.html#every-property");
        assertThat(SitePaths.siteHref("adr/0001-money.md", "../model.md")).isEqualTo("../model.html");
        assertThat(SitePaths.siteHref("engine.md", "SUMMARY.md")).isEqualTo("index.html");
        assertThat(SitePaths.siteHref("engine.md", "#versions")).isEqualTo("#versions");
        assertThat(SitePaths.siteHref("engine.md", "https://example.org/a.md")).isEqualTo("https://example.org/a.md");
        assertThat(SitePaths.siteHref("adr/README.md", "../../README.md")).isEqualTo("../../../../README.md");
    }
}
