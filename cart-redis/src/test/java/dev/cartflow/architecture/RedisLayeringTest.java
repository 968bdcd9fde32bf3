package dev.cartflow.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** An adapter builds on the engine's public API only: no other module's internals, no other adapter, no framework. */
class RedisLayeringTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.cartflow.redis");

    @Test
    void adapter_reachesNoInternalPackageOfAnotherModule() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.cartflow.core.internal..")
                .check(ADAPTER);
    }

    @Test
    void adapter_knowsNoOtherAdapterAndNoFramework() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.cartflow.jdbi..", "dev.cartflow.spring..", "org.springframework..",
                        "io.micrometer..", "org.apache.kafka..")
                .check(ADAPTER);
    }
}
