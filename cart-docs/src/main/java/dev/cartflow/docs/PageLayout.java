package dev.cartflow.docs;

import java.util.List;

/**
 * The HTML around every page: the navigation from {@code docs/SUMMARY.md} beside the content, the
 * stylesheet, a link to the API docs, and the site's copy of mermaid's script on the pages that have
 * diagrams.
 */
final class PageLayout {
    private final Nav nav;
    private final List<ApiDocs.Module> apiModules;

    PageLayout(Nav nav, List<ApiDocs.Module> apiModules) {
        this.nav = nav;
        this.apiModules = List.copyOf(apiModules);
    }

    String page(String page, PageRenderer.Rendered rendered) {
        String root = SitePaths.toRoot(page);
        StringBuilder html = new StringBuilder(rendered.body().length() + 4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(PageRenderer.escape(rendered.title())).append(" · ")
                .append(PageRenderer.escape(nav.title())).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"").append(root).append("style.css\">\n")
                .append("</head>\n<body>\n<nav class=\"site-nav\">\n")
                .append("<p class=\"site-title\"><a href=\"").append(root).append("index.html\">")
                .append(PageRenderer.escape(nav.title())).append("</a></p>\n");
        for (Nav.Section section : nav.sections()) {
            html.append("<h2>").append(PageRenderer.escape(section.title())).append("</h2>\n<ul>\n");
            for (Nav.Entry entry : section.entries()) {
                String current = entry.page().equals(page) ? " class=\"current\" aria-current=\"page\"" : "";
                html.append("<li><a").append(current).append(" href=\"").append(root)
                        .append(SitePaths.htmlPath(entry.page())).append("\">")
                        .append(PageRenderer.escape(entry.title())).append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("<h2>API</h2>\n<ul>\n<li><a href=\"").append(root)
                .append("apidocs/index.html\">Javadoc of the library modules</a></li>\n</ul>\n</nav>\n")
                .append("<main>\n").append(rendered.body());
        if (page.equals(Nav.FILE)) {
            html.append(apiSection());
        }
        html.append("</main>\n");
        if (rendered.hasDiagrams()) {
            // the site's own copy (MermaidScript), so diagrams draw offline and from file: pages
            html.append("<script src=\"").append(root).append(MermaidScript.SITE_PATH).append("\"></script>\n")
                    .append("<script>mermaid.initialize({ startOnLoad: true });</script>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    /** The index's list of the API docs, one entry per library module whose Javadoc was built. */
    private String apiSection() {
        StringBuilder html = new StringBuilder("<h2 id=\"api\">API (Javadoc)</h2>\n");
        if (apiModules.isEmpty()) {
            return html.append("<p>No module's Javadoc was built with this site (it is built by ")
                    .append("<code>mvn package</code> of the library modules).</p>\n").toString();
        }
        html.append("<ul>\n");
        for (ApiDocs.Module module : apiModules) {
            html.append("<li><a href=\"apidocs/").append(module.name()).append("/index.html\"><code>")
                    .append(module.name()).append("</code></a></li>\n");
        }
        return html.append("</ul>\n").toString();
    }
}
