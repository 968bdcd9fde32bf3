package dev.cartflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The cart service uses the engine as any host would: through its public API, the Spring adapter's
 * beans and the service's own packages; the transports (HTTP, gRPC, events) do not reach into each
 * other, and only the demo shop knows the in-memory providers' data.
 */
class ServiceLayeringTest {
    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cartflow.service");

    @Test
    void service_reachesNoInternalPackage() {
        assertHolds(noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cartflow.core.internal..",
                "dev.cartflow.jdbi.internal..", "dev.cartflow.redis.internal.."));
    }

    @Test
    void grpc_doesNotUseTheHttpLayer() {
        assertHolds(noClasses().that().resideInAPackage("dev.cartflow.service.grpc..").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.web..", "jakarta.servlet.."));
    }

    @Test
    void httpAndGrpc_doNotDependOnEachOther() {
        assertHolds(noClasses().that().resideInAPackage("dev.cartflow.service.http..").should().dependOnClassesThat()
                .resideInAPackage("dev.cartflow.service.grpc.."));
        assertHolds(noClasses().that().resideInAPackage("dev.cartflow.service.grpc..").should().dependOnClassesThat()
                .resideInAPackage("dev.cartflow.service.http.."));
    }

    private static void assertHolds(ArchRule rule) {
        assertFalse(SERVICE.isEmpty(), "classes imported");
        EvaluationResult result = rule.evaluate(SERVICE);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
