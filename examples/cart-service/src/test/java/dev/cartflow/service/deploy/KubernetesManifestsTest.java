package dev.cartflow.service.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s checked statically (no cluster on these machines) against the service's own settings
 * and its Dockerfile: probes on the health groups it configures, ports it listens on, only the
 * environment variables the postgres profile reads, secrets only from the Secret, a non-root and
 * read-only container, and the HPA, PDB and Service pointing at the Deployment's pods.
 */
class KubernetesManifestsTest {
    private final Manifests manifests = Manifests.load(Manifests.DIRECTORY);
    private final ServiceSettings service = ServiceSettings.load();
    private final Map<String, Object> deployment = manifests.only("Deployment").body();
    private final Map<String, Object> pod = Tree.map(deployment, "spec.template.spec");
    private final Map<String, Object> container = Tree.map(Tree.list(pod, "containers").get(0));

    @Test
    void probes_askTheHealthGroupsTheServiceConfigures_onItsManagementPort() {
        Map<String, Integer> ports = containerPorts();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            String path = Tree.text(container, probe + ".httpGet.path");
            Object port = Tree.at(container, probe + ".httpGet.port");
            assertThat(service.healthGroupPaths()).as(probe).contains(path);
            int number = port instanceof Integer n ? n : ports.getOrDefault(String.valueOf(port), -1);
            assertThat(number).as(probe + " port").isEqualTo(service.managementPort());
        }
        assertThat(Tree.text(container, "livenessProbe.httpGet.path")).endsWith("/liveness");
        assertThat(Tree.text(container, "readinessProbe.httpGet.path")).endsWith("/readiness");
    }

    @Test
    void containerPorts_areTheServicesHttpAndGrpcPorts() {
        assertThat(containerPorts()).containsEntry("http", service.httpPort()).containsEntry("grpc", service.grpcPort());
        Map<String, Object> svc = manifests.only("Service").body();
        for (Object port : Tree.list(svc, "spec.ports")) {
            assertThat(containerPorts()).as("Service targetPort").containsKey(Tree.text(port, "targetPort"));
        }
    }

    @Test
    void environment_namesOnlyVariablesThePostgresProfileReads_andSetsEveryOne() {
        Set<String> reads = service.postgresEnvironmentVariables();
        assertThat(reads).as("read from application-postgres.yml").contains("CARTSERVICE_POSTGRES_URL");
        Set<String> given = new TreeSet<>(configMapData().keySet());
        secretRefs().forEach((env, key) -> given.add(env));
        Set<String> expected = new TreeSet<>(reads);
        expected.add("SPRING_PROFILES_ACTIVE");
        assertThat(given).isEqualTo(expected);
        assertThat(configMapData()).containsEntry("SPRING_PROFILES_ACTIVE", "postgres");
        assertThat(Tree.text(Tree.list(container, "envFrom").get(0), "configMapRef.name"))
                .isEqualTo(manifests.only("ConfigMap").name());
    }

    @Test
    void secrets_comeFromTheSecretOnlyUnderTheirVariablesNames_andGitHoldsNoValue() {
        Map<String, Object> secret = manifests.only("Secret").body();
        Map<String, Object> placeholders = Tree.map(secret, "stringData");
        assertThat(placeholders).allSatisfy((key, value) -> assertThat(String.valueOf(value)).as(key).isEmpty());
        assertThat(secret.get("data")).as("no base64 values either").isNull();
        Map<String, String> refs = secretRefs();
        refs.forEach((env, key) -> assertThat(key).as("the key of " + env).isEqualTo(env));
        assertThat(refs.keySet()).isEqualTo(placeholders.keySet());
        for (Object entry : Tree.list(container, "env")) {
            Object ref = Tree.at(entry, "valueFrom.secretKeyRef");
            if (ref != null) {
                assertThat(Tree.text(ref, "name")).isEqualTo(manifests.only("Secret").name());
            }
        }
        assertThat(configMapData().keySet()).as("credentials are never in the ConfigMap")
                .noneMatch(name -> name.matches(".*(PASSWORD|_KEY|SECRET|TOKEN|REDIS_URI).*"));
        assertThat(refs.keySet()).contains("CARTSERVICE_POSTGRES_PASSWORD", "CARTSERVICE_AUTH_HMAC_KEY");
        // the example Secret is not applied with the rest (kustomization.yaml)
        assertThat(Tree.list(manifests.only("Kustomization").body(), "resources"))
                .doesNotContain(manifests.only("Secret").file().getFileName().toString());
    }

    @Test
    void securityContext_runsAsTheImagesNonRootUser_readOnlyRoot_writableTmp() {
        int imageUser = Dockerfile.parse(Path.of("Dockerfile")).userId();
        assertThat(Tree.at(pod, "securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(Tree.at(pod, "securityContext.runAsUser")).isEqualTo(imageUser);
        assertThat(Tree.at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
        assertThat(Tree.at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
        assertThat(Tree.list(container, "securityContext.capabilities.drop")).contains("ALL");
        String tmpVolume = Tree.list(container, "volumeMounts").stream()
                .filter(m -> "/tmp".equals(Tree.at(m, "mountPath"))).map(m -> Tree.text(m, "name")).findFirst()
                .orElseThrow(() -> new AssertionError("no writable /tmp"));
        assertThat(Tree.list(pod, "volumes")).anySatisfy(v -> {
            assertThat(Tree.at(v, "name")).isEqualTo(tmpVolume);
            assertThat(Tree.at(v, "emptyDir")).isNotNull();
        });
    }

    @Test
    void resourcesAndShutdown_limitMemory_andOutwaitTheServicesGracefulShutdown() {
        assertThat(Tree.at(container, "resources.requests.memory")).isNotNull();
        assertThat(Tree.at(container, "resources.limits.memory")).isNotNull();
        assertThat(Tree.at(container, "resources.requests.cpu")).isNotNull();
        long shutdown = service.seconds("spring.lifecycle.timeout-per-shutdown-phase")
                + service.seconds("cartservice.grpc.shutdown-grace");
        List<Object> preStop = Tree.list(container, "lifecycle.preStop.exec.command");
        long pause = Long.parseLong(String.valueOf(preStop.get(preStop.size() - 1)));
        assertThat(((Number) Tree.at(pod, "terminationGracePeriodSeconds")).longValue())
                .isGreaterThan(shutdown + pause);
    }

    @Test
    void labels_selectorsOfDeploymentServiceAndPdbMatchThePodTemplate() {
        Map<String, Object> podLabels = Tree.map(deployment, "spec.template.metadata.labels");
        assertThat(podLabels).containsAllEntriesOf(Tree.map(deployment, "spec.selector.matchLabels"));
        assertThat(podLabels).containsAllEntriesOf(Tree.map(manifests.only("Service").body(), "spec.selector"));
        Map<String, Object> pdb = manifests.only("PodDisruptionBudget").body();
        assertThat(Tree.map(pdb, "spec.selector.matchLabels")).isNotEmpty();
        assertThat(podLabels).containsAllEntriesOf(Tree.map(pdb, "spec.selector.matchLabels"));
    }

    @Test
    void autoscaler_targetsTheDeployment_andKeepsMoreReplicasThanThePdbMayTakeDown() {
        Map<String, Object> hpa = manifests.only("HorizontalPodAutoscaler").body();
        assertThat(Tree.text(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
        assertThat(Tree.text(hpa, "spec.scaleTargetRef.apiVersion")).isEqualTo(Tree.text(deployment, "apiVersion"));
        assertThat(Tree.text(hpa, "spec.scaleTargetRef.name")).isEqualTo(manifests.only("Deployment").name());
        int min = (Integer) Tree.at(hpa, "spec.minReplicas");
        int maxUnavailable = (Integer) Tree.at(manifests.only("PodDisruptionBudget").body(), "spec.maxUnavailable");
        assertThat(min).isGreaterThan(maxUnavailable);
        assertThat((Integer) Tree.at(hpa, "spec.maxReplicas")).isGreaterThanOrEqualTo(min);
    }

    @Test
    void jobs_noCronJobOrJob_becauseTheServiceRunsThemOnOneElectedInstance() {
        assertThat(Manifests.load(Path.of("deploy")).all()).extracting(Manifests.Document::kind)
                .doesNotContain("CronJob", "Job");
        assertThat(service.postgresProfile("cartflow.jobs.purge.enabled")).isEqualTo("true");
        assertThat(service.postgresProfile("cartflow.jobs.single-instance")).as("default true").isNotEqualTo("false");
    }

    @Test
    void kustomization_listsEveryManifestButTheSecretExample() {
        Set<String> files = new HashSet<>();
        manifests.all().stream().filter(d -> !d.kind().equals("Kustomization") && !d.kind().equals("Secret"))
                .forEach(d -> files.add(d.file().getFileName().toString()));
        assertThat(new HashSet<>(Tree.list(manifests.only("Kustomization").body(), "resources"))).isEqualTo(files);
    }

    private Map<String, Integer> containerPorts() {
        Map<String, Integer> ports = new HashMap<>();
        Tree.list(container, "ports").forEach(p -> ports.put(Tree.text(p, "name"), (Integer) Tree.at(p, "containerPort")));
        return ports;
    }

    private Map<String, Object> configMapData() {
        return Tree.map(manifests.only("ConfigMap").body(), "data");
    }

    /** Environment variable name to the Secret key it takes. */
    private Map<String, String> secretRefs() {
        Map<String, String> refs = new HashMap<>();
        for (Object entry : Tree.list(container, "env")) {
            Object ref = Tree.at(entry, "valueFrom.secretKeyRef");
            if (ref != null) {
                refs.put(Tree.text(entry, "name"), Tree.text(ref, "key"));
            }
        }
        return refs;
    }
}
