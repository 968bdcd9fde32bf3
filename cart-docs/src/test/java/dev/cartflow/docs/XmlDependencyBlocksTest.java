package dev.cartflow.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The {@code ```xml} blocks of the pages (Maven dependencies a reader pastes into a pom that imports
 * {@code cart-bom}) name artifacts that exist: a {@code dev.cartflow} artifact is {@code cart-bom}
 * itself or one the BOM manages, and another library carries a version unless the BOM manages it.
 */
class XmlDependencyBlocksTest {
    private static final Path BOM = Path.of("../cart-bom/pom.xml");
    private static final Path PARENT = Path.of("../pom.xml");

    @Test
    void xmlBlocks_inThePages_nameArtifactsTheBomOrTheirVersionResolves() throws Exception {
        Set<String> bom = managed(parse(java.nio.file.Files.readString(BOM)));
        String version = text(parse(java.nio.file.Files.readString(PARENT)).getDocumentElement(), "version");
        List<String> problems = new ArrayList<>();
        int dependencies = 0;
        for (PageBlocks.Block block : PageBlocks.in("xml")) {
            NodeList nodes = parse("<block>" + block.text() + "</block>").getElementsByTagName("dependency");
            for (int i = 0; i < nodes.getLength(); i++) {
                String problem = problem((Element) nodes.item(i), bom, version);
                if (problem != null) {
                    problems.add(block.where() + ": " + problem);
                }
                dependencies++;
            }
        }
        assertThat(dependencies).as("dependencies in the pages' XML blocks").isGreaterThan(3);
        assertThat(problems).as("dependencies a reader's build would not resolve").isEmpty();
    }

    @Test
    void problem_unknownModuleAndVersionlessLibrary_areReported() throws Exception {
        Set<String> bom = Set.of("dev.cartflow:cart-core");
        Element unknown = dependency("<dependency><groupId>dev.cartflow</groupId><artifactId>cart-nothing</artifactId></dependency>");
        Element versionless = dependency("<dependency><groupId>org.example</groupId><artifactId>x</artifactId></dependency>");
        Element versioned = dependency("<dependency><groupId>org.example</groupId><artifactId>x</artifactId><version>1</version></dependency>");
        Element known = dependency("<dependency><groupId>dev.cartflow</groupId><artifactId>cart-core</artifactId></dependency>");

        assertThat(problem(unknown, bom, "1-SNAPSHOT")).contains("not managed by cart-bom");
        assertThat(problem(versionless, bom, "1-SNAPSHOT")).contains("no version");
        assertThat(problem(versioned, bom, "1-SNAPSHOT")).isNull();
        assertThat(problem(known, bom, "1-SNAPSHOT")).isNull();
    }

    static String problem(Element dependency, Set<String> bom, String projectVersion) {
        String group = text(dependency, "groupId");
        String artifact = text(dependency, "artifactId");
        String version = text(dependency, "version");
        String coordinates = group + ":" + artifact;
        if (group.equals("dev.cartflow")) {
            if (!artifact.equals("cart-bom") && !bom.contains(coordinates)) {
                return coordinates + " is not managed by cart-bom";
            }
            if (!version.isEmpty() && !version.equals(projectVersion)) {
                return coordinates + ":" + version + " is not this build's version " + projectVersion;
            }
            return null;
        }
        if (version.isEmpty() && !bom.contains(coordinates)) {
            return coordinates + " has no version and cart-bom does not manage it";
        }
        return null;
    }

    /** The {@code groupId:artifactId} of every dependency a pom's dependencyManagement lists. */
    private static Set<String> managed(Document pom) {
        Set<String> managed = new HashSet<>();
        NodeList managements = pom.getElementsByTagName("dependencyManagement");
        for (int m = 0; m < managements.getLength(); m++) {
            NodeList dependencies = ((Element) managements.item(m)).getElementsByTagName("dependency");
            for (int i = 0; i < dependencies.getLength(); i++) {
                Element dependency = (Element) dependencies.item(i);
                managed.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
            }
        }
        return managed;
    }

    /** The text of the element's direct child of that name, or "" when it has none. */
    private static String text(Element element, String child) {
        for (org.w3c.dom.Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().strip();
            }
        }
        return "";
    }

    private static Element dependency(String xml) throws Exception {
        return parse(xml).getDocumentElement();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        return builder.parse(new InputSource(new StringReader(xml)));
    }
}
