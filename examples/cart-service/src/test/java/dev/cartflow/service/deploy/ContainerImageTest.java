package dev.cartflow.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * examples/cart-service/Dockerfile checked statically (no Docker engine on these machines) against
 * the service: the stages, the user, the ports, the health check and the JVM flags.
 */
class ContainerImageTest {
    private static final Path FILE = Path.of("Dockerfile");
    private final Dockerfile docker = Dockerfile.parse(FILE);
    private final ServiceSettings service = ServiceSettings.load();

    @Test
    void stages_buildOnMavenTemurin17_runOnJre17() {
        List<Dockerfile.Instruction> from = docker.all("FROM");
        assertThat(from).hasSizeGreaterThanOrEqualTo(2);
        assertThat(from.get(0).arguments()).matches("maven:[^ ]*eclipse-temurin-17 AS build");
        assertThat(from.get(from.size() - 1).arguments()).matches("eclipse-temurin:17[.0-9_]*-jre[^ ]*");
        // the jar comes from the build stage, nothing else is copied into the image
        assertThat(docker.inFinalStage("COPY")).singleElement()
                .extracting(Dockerfile.Instruction::arguments).asString().startsWith("--from=build ");
    }

    @Test
    void build_packagesTheServiceModuleWithTheReactor_andTakesItsExecutableJar() throws IOException {
        String run = docker.all("RUN").stream().filter(i -> i.stage() == 0).map(Dockerfile.Instruction::arguments)
                .reduce("", String::concat);
        Path moduleFromRoot = Path.of("examples", "cart-service");
        assertThat(Path.of("").toAbsolutePath().endsWith(moduleFromRoot)).as("tests run in the module").isTrue();
        assertThat(run).contains("-pl " + moduleFromRoot.toString().replace('\\', '/') + " -am package");
        // the exec jar is the Boot plugin's repackaged jar (classifier exec in this module's pom)
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<classifier>exec</classifier>");
        assertThat(run).contains("target/cartflow-cart-service-*-exec.jar");
        assertThat(Files.readString(Path.of("..", "..", ".dockerignore"))).contains("**/target/", ".git/");
    }

    @Test
    void user_ofTheImage_isNumericAndNotRoot() {
        assertThat(docker.inFinalStage("USER")).singleElement().satisfies(user -> {
            String[] uidGid = user.arguments().split(":");
            assertThat(uidGid).allSatisfy(id -> assertThat(Integer.parseInt(id)).isPositive());
        });
        assertThat(docker.userId()).isEqualTo(uidOfTheUserTheImageCreates());
    }

    @Test
    void expose_namesTheHttpGrpcAndManagementPortsTheServiceListensOn() {
        List<Integer> exposed = docker.inFinalStage("EXPOSE").stream()
                .flatMap(e -> Arrays.stream(e.arguments().split("\\s+"))).map(Integer::valueOf).toList();
        assertThat(exposed).contains(service.httpPort(), service.grpcPort(), service.managementPort());
    }

    @Test
    void healthcheck_asksAHealthGroupOfTheServiceOnItsManagementPort() {
        String check = docker.inFinalStage("HEALTHCHECK").stream().map(Dockerfile.Instruction::arguments)
                .findFirst().orElseThrow(() -> new AssertionError("no HEALTHCHECK"));
        Matcher url = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)(/\\S+)").matcher(check);
        assertThat(url.find()).as(check).isTrue();
        assertThat(Integer.parseInt(url.group(1))).isEqualTo(service.managementPort());
        assertThat(service.healthGroupPaths()).contains(url.group(2));
        // the runtime stage installs what the check calls
        assertThat(docker.inFinalStage("RUN")).anySatisfy(run -> assertThat(run.arguments()).contains("install -y"
                + " --no-install-recommends curl"));
    }

    @Test
    void jvm_sizesItsHeapFromTheContainer_andWritesOnlyToTmp() {
        String env = docker.inFinalStage("ENV").stream().map(Dockerfile.Instruction::arguments)
                .filter(e -> e.startsWith("JAVA_TOOL_OPTIONS=")).findFirst()
                .orElseThrow(() -> new AssertionError("no JAVA_TOOL_OPTIONS"));
        assertThat(env).containsPattern("-XX:MaxRAMPercentage=\\d+").contains("-XX:+ExitOnOutOfMemoryError")
                .contains("-Djava.io.tmpdir=/tmp").doesNotContain("-Xmx");
        assertThat(docker.inFinalStage("ENTRYPOINT")).singleElement().extracting(Dockerfile.Instruction::arguments)
                .asString().startsWith("[\"java\", \"-jar\",");
    }

    private int uidOfTheUserTheImageCreates() {
        Matcher m = Pattern.compile("useradd [^&]*--uid (\\d+)").matcher(String.join(" ",
                docker.inFinalStage("RUN").stream().map(Dockerfile.Instruction::arguments).toList()));
        assertThat(m.find()).as("the runtime stage creates its user").isTrue();
        return Integer.parseInt(m.group(1));
    }
}
