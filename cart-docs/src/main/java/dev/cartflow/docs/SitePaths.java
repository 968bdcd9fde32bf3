package dev.cartflow.docs;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where a link of a page points, in docs/ and in the built site: a relative {@code .md} link becomes
 * the {@code .html} page beside it, the nav file becomes {@code index.html}, and a link that leaves
 * docs/ (to a module's source, to README.md) points back into the repository from
 * {@code cart-docs/target/site/}.
 */
final class SitePaths {
    /** From the site's root ({@code cart-docs/target/site}) back to the repository's root. */
    private static final String SITE_TO_REPOSITORY = "../../../";

    private SitePaths() {
    }

    /** Whether a link destination is outside the site's own files: a URL with a scheme, or a mail address. */
    static boolean isExternal(String destination) {
        return destination.startsWith("//") || URI.create(destination.replace(" ", "%20")).getScheme() != null;
    }

    /** The page's output path in the site: {@code adr/README.md} to {@code adr/README.html}, the nav to index.html. */
    static String htmlPath(String page) {
        if (page.equals(Nav.FILE)) {
            return "index.html";
        }
        return page.endsWith(".md") ? page.substring(0, page.length() - 3) + ".html" : page;
    }

    /** How many folders deep a docs/-relative path is ({@code adr/0001-x.md} is 1). */
    static int depth(String page) {
        return (int) page.chars().filter(c -> c == '/').count();
    }

    /** {@code ../} once per folder level of the page, to reach the site's root. */
    static String toRoot(String page) {
        return "../".repeat(depth(page));
    }

    /**
     * The target of a relative link of a page, relative to docs/ and normalised ({@code ../README.md} from
     * {@code engine.md} is {@code ../README.md}; {@code ../engine.md} from {@code adr/README.md} is
     * {@code engine.md}).
     */
    static String resolve(String page, String linkPath) {
        Path parent = Path.of(page).getParent();
        Path target = (parent == null ? Path.of(linkPath) : parent.resolve(linkPath)).normalize();
        return target.toString().replace('\\', '/');
    }

    /** The link destination as the site page needs it. */
    static String siteHref(String page, String destination) {
        if (destination.isEmpty() || destination.startsWith("#") || isExternal(destination)) {
            return destination;
        }
        int hash = destination.indexOf('#');
        String path = hash < 0 ? destination : destination.substring(0, hash);
        String fragment = hash < 0 ? "" : destination.substring(hash);
        String target = resolve(page, path);
        if (target.startsWith("../")) {
            return toRoot(page) + SITE_TO_REPOSITORY + target.substring(3) + fragment;
        }
        return toRoot(page) + htmlPath(target) + fragment;
    }
}
