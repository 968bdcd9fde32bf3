package dev.cartflow.docs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Parses a page as GitHub renders it (CommonMark with GFM tables) and gives what the site and the
 * checks both need from it: the anchors of its headings, computed once here so that the site's ids and
 * the link check agree, and its links.
 */
final class Markdown {
    /** The extensions the site renders with. */
    static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private Markdown() {
    }

    static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /**
     * Each heading's anchor, in document order, as GitHub derives it: the heading's text lower-cased,
     * spaces to hyphens, other punctuation dropped, {@code -1}, {@code -2} appended to repeats.
     */
    static Map<Heading, String> anchors(Node document) {
        IdGenerator ids = IdGenerator.builder().build();
        Map<Heading, String> anchors = new IdentityHashMap<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                anchors.put(heading, ids.generateId(text(heading)));
            }
        });
        return anchors;
    }

    /** Every link and image destination of the document, in order. */
    static List<String> destinations(Node document) {
        List<String> destinations = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destinations.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                destinations.add(image.getDestination());
            }
        });
        return destinations;
    }

    /** The plain text of a heading: its text and inline code, without markup. */
    static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}
