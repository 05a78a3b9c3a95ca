package com.activitytracker.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/ARCHITECTURE.md, checked on every build. */
@Tag("unit")
class EngineArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.activitytracker.engine");

    @Test
    void engineNeverDependsOnJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("the engine is headless; the app depends on it, never the other way")
                .check(ENGINE);
    }

    @Test
    void domainLogicIsTestableWithoutKafka() {
        noClasses().that().resideInAnyPackage("..engine.event..", "..engine.generator..", "..engine.analytics..", "..engine.fraud..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "kafka..")
                .because("rules, analytics and the generator are plain single-threaded state driven by unit tests")
                .check(ENGINE);
    }

    @Test
    void domainLogicDoesNotReachIntoTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("..engine.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine.cli..", "picocli..")
                .check(ENGINE);
    }
}
