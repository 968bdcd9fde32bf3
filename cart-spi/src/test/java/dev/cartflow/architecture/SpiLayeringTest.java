package dev.cartflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/** The shared language depends on nothing but the JDK and JSpecify, and its packages form no cycle. */
class SpiLayeringTest {
    private static final JavaClasses SPI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cartflow");

    @Test
    void errors_dependOnNothingOfCartFlow() {
        assertHolds(noClasses().that().resideInAPackage("dev.cartflow.error..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cartflow.model..", "dev.cartflow.spi.."),
                SPI);
    }

    @Test
    void model_doesNotDependOnTheSpis() {
        assertHolds(noClasses().that().resideInAPackage("dev.cartflow.model..")
                .should().dependOnClassesThat().resideInAPackage("dev.cartflow.spi.."),
                SPI);
    }

    @Test
    void spiModule_dependsOnlyOnTheJdkAndJSpecify() {
        assertHolds(classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.cartflow.error..", "dev.cartflow.model..", "dev.cartflow.spi..",
                        "org.jspecify.."),
                SPI);
    }

    @Test
    void packages_areFreeOfCycles() {
        assertHolds(slices().matching("dev.cartflow.(*)..").should().beFreeOfCycles(),
                SPI);
    }

    private static void assertHolds(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
    }
}
