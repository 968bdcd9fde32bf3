package dev.cartflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** cart-kafka builds on the engine's public API and kafka-clients only: no internals, no other adapter, no framework. */
class KafkaLayeringTest {
    private static final JavaClasses KAFKA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cartflow.kafka");

    @Test
    void kafka_dependsOnlyOnTheSharedLanguageTheEngineAndItsLibraries() {
        assertHolds(classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.cartflow.error..", "dev.cartflow.model..", "dev.cartflow.spi..",
                        "dev.cartflow.core..", "dev.cartflow.kafka..", "org.apache.kafka..",
                        "com.fasterxml.jackson..", "com.github.benmanes.caffeine..", "org.jspecify.."));
    }

    @Test
    void kafka_reachesNoInternalPackageAndNoOtherAdapter() {
        assertHolds(noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cartflow.core.internal..",
                "dev.cartflow.jdbi..", "dev.cartflow.redis..", "dev.cartflow.micrometer..", "dev.cartflow.spring..",
                "org.springframework..", "org.apache.kafka.common.internals..", "org.apache.kafka.common.header.internals.."));
    }

    private static void assertHolds(ArchRule rule) {
        assertFalse(KAFKA.isEmpty(), "classes imported");
        EvaluationResult result = rule.evaluate(KAFKA);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
