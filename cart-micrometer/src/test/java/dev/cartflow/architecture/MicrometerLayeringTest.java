package dev.cartflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The metrics adapter builds on the engine's public API only: no internals, no other adapter, no framework. */
class MicrometerLayeringTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cartflow.micrometer");

    @Test
    void adapter_reachesNoInternalPackageOfAnotherModule() {
        assertHolds(noClasses().should().dependOnClassesThat().resideInAPackage("dev.cartflow.core.internal.."),
                ADAPTER);
    }

    @Test
    void adapter_knowsNoOtherAdapterAndNoFramework() {
        assertHolds(noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.cartflow.jdbi..", "dev.cartflow.redis..", "dev.cartflow.kafka..", "dev.cartflow.spring..",
                        "org.springframework..", "org.apache.kafka..", "io.lettuce..", "org.jdbi.."),
                ADAPTER);
    }

    @Test
    void adapter_usesOnlyTheObserverHookOfTheEngine() {
        assertHolds(noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cartflow.core.memory..",
                "dev.cartflow.core.cache..", "dev.cartflow.core.codec..", "dev.cartflow.spi.."), ADAPTER);
    }

    private static void assertHolds(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
