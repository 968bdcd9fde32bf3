package dev.cartflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shared language depends on nothing but the JDK and JSpecify, and its packages form no cycle. */
class SpiLayeringTest {
    private static final JavaClasses SPI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cartflow");

    @Test
    void errors_dependOnNothingOfCartFlow() {
        noClasses().that().resideInAPackage("dev.cartflow.error..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.cartflow.model..", "dev.cartflow.spi..")
                .check(SPI);
    }

    @Test
    void model_doesNotDependOnTheSpis() {
        noClasses().that().resideInAPackage("dev.cartflow.model..")
                .should().dependOnClassesThat().resideInAPackage("dev.cartflow.spi..")
                .check(SPI);
    }

    @Test
    void spiModule_dependsOnlyOnTheJdkAndJSpecify() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "dev.cartflow.error..", "dev.cartflow.model..", "dev.cartflow.spi..",
                        "org.jspecify..")
                .check(SPI);
    }

    @Test
    void packages_areFreeOfCycles() {
        slices().matching("dev.cartflow.(*)..").should().beFreeOfCycles().check(SPI);
    }
}
