package dev.cartflow.docs;

import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * One Markdown page to the HTML of its body: links rewritten for the site ({@link SitePaths}), ids on
 * headings ({@link Markdown#anchors}), and {@code ```mermaid} blocks as {@code <pre class="mermaid">},
 * which mermaid's script turns into diagrams (the site's own copy, {@link MermaidScript}).
 */
final class PageRenderer {
    private PageRenderer() {
    }

    /** A rendered page: its title (the first heading's text) and its body's HTML. */
    record Rendered(String title, String body, boolean hasDiagrams) {
    }

    static Rendered render(String page, String markdown) {
        Node document = Markdown.parse(markdown);
        Map<Heading, String> anchors = Markdown.anchors(document);
        boolean[] diagrams = {false};
        String[] title = {null};
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                link.setDestination(SitePaths.siteHref(page, link.getDestination()));
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                image.setDestination(SitePaths.siteHref(page, image.getDestination()));
            }

            @Override
            public void visit(Heading heading) {
                if (title[0] == null) {
                    title[0] = Markdown.text(heading);
                }
                visitChildren(heading);
            }

            @Override
            public void visit(FencedCodeBlock block) {
                if ("mermaid".equals(block.getInfo().strip())) {
                    HtmlBlock diagram = new HtmlBlock();
                    diagram.setLiteral("<pre class=\"mermaid\">" + escape(block.getLiteral()) + "</pre>\n");
                    block.insertAfter(diagram);
                    block.unlink();
                    diagrams[0] = true;
                }
            }
        });
        AttributeProvider headingIds = (node, tag, attributes) -> {
            if (node instanceof Heading heading && anchors.containsKey(heading)) {
                attributes.put("id", anchors.get(heading));
            }
        };
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(Markdown.EXTENSIONS)
                .attributeProviderFactory(context -> headingIds).build();
        return new Rendered(title[0] == null ? page : title[0], renderer.render(document), diagrams[0]);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
