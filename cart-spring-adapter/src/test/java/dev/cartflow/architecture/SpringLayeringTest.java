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
 * The Spring adapter wires the modules through their public API only, and no module below it knows
 * Spring.
 */
class SpringLayeringTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cartflow.spring");
    private static final JavaClasses BELOW = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/dev/cartflow/spring/"))
            .importPackages("dev.cartflow");

    @Test
    void adapter_reachesNoInternalPackage() {
        assertHolds(noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.cartflow.core.internal..",
                "dev.cartflow.jdbi.internal..", "dev.cartflow.redis.internal.."), ADAPTER);
    }

    @Test
    void modulesBelowTheAdapter_knowNoSpring() {
        assertHolds(noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..",
                "dev.cartflow.spring.."), BELOW);
    }

    private static void assertHolds(ArchRule rule, JavaClasses classes) {
        assertFalse(classes.isEmpty(), "classes imported");
        EvaluationResult result = rule.evaluate(classes);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
