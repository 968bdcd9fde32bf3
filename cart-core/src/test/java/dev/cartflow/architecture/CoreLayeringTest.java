package dev.cartflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * The engine's arrows (DESIGN.md): it knows the shared language and its own optional libraries,
 * never an adapter or a framework; the pure rules and pricing see no provider; each optional
 * library is used in the one package that decorates with it.
 */
class CoreLayeringTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cartflow.core");

    @Test
    void core_dependsOnlyOnTheSharedLanguageAndItsOwnLibraries() {
        assertHolds(classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.cartflow.error..", "dev.cartflow.model..", "dev.cartflow.spi..",
                        "dev.cartflow.core..", "com.fasterxml.jackson..", "com.github.benmanes.caffeine..",
                        "dev.failsafe..", "io.github.bucket4j..", "org.slf4j..", "org.jspecify..",
                        "javax.crypto.."),
                CORE);
    }

    @Test
    void pricingAndRules_seeNoProvider() {
        assertHolds(noClasses().that().resideInAnyPackage("..core.internal.pricing..", "..core.internal.rules..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("dev.cartflow.spi..")
                        .and(JavaClass.Predicates.INTERFACES))
                .because("rules and pricing decide on the snapshot; only the snapshot stage asks providers"),
                CORE);
    }

    @Test
    void caffeine_onlyInTheCachePackage() {
        assertHolds(noClasses().that().resideOutsideOfPackage("dev.cartflow.core.cache..")
                .should().dependOnClassesThat().resideInAPackage("com.github.benmanes.caffeine.."),
                CORE);
    }

    @Test
    void bucket4j_onlyInTheRateLimitPackage() {
        assertHolds(noClasses().that().resideOutsideOfPackage("dev.cartflow.core.ratelimit..")
                .should().dependOnClassesThat().resideInAPackage("io.github.bucket4j.."),
                CORE);
    }

    @Test
    void failsafe_onlyInTheResiliencePackage() {
        assertHolds(noClasses().that().resideOutsideOfPackage("dev.cartflow.core.resilience..")
                .should().dependOnClassesThat().resideInAPackage("dev.failsafe.."),
                CORE);
    }

    private static void assertHolds(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
