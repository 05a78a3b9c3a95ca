package com.activitytracker.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JODATIME;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/ARCHITECTURE.md, checked on every build. */
@Tag("unit")
class EngineArchitectureTest {
    private static final String ROOT = "com.activitytracker.engine";
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void engineNeverDependsOnJavaFx() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..")
                .because("the engine is headless; the app depends on it, never the other way")
                .check(ENGINE);
    }

    @Test
    void domainLogicIsTestableWithoutKafka() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..engine.event..", "..engine.generator..", "..engine.analytics..", "..engine.fraud..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "kafka..")
                .because("rules, analytics and the generator are plain single-threaded state driven by unit tests")
                .check(ENGINE);
    }

    @Test
    void domainLogicDoesNotReachIntoTheCommandLine() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..engine.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..engine.cli..", "picocli..")
                .check(ENGINE);
    }

    @Test
    void theEnginesPackagesHaveNoCycles() {
        slices().assignedFrom(TOP_LEVEL_PACKAGES)
                .should()
                .beFreeOfCycles()
                .because("each package can then be understood, tested and changed from the bottom up")
                .check(ENGINE);
    }

    @Test
    void dependenciesPointDownTheLayers() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("command line")
                .definedBy("..engine.cli..")
                .layer("engine facade")
                .definedBy(ROOT)
                .layer("roles")
                .definedBy(
                        "..engine.consumer..",
                        "..engine.producer..",
                        "..engine.fraud..",
                        "..engine.analytics..",
                        "..engine.generator..",
                        "..engine.kafka..",
                        "..engine.observability..")
                .layer("contract")
                .definedBy("..engine.event..", "..engine.config..")
                .whereLayer("command line")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("engine facade")
                .mayOnlyBeAccessedByLayers("command line")
                .whereLayer("roles")
                .mayOnlyBeAccessedByLayers("engine facade", "command line")
                .whereLayer("contract")
                .mayOnlyBeAccessedByLayers("roles", "engine facade", "command line")
                .because("the console and the command line build on the engine facade, which wires the roles, "
                        + "which share the event contract and the settings")
                .check(ENGINE);
    }

    @Test
    void onlyTheCommandLinePrintsToTheConsole() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..engine.cli..")
                .should(ACCESS_STANDARD_STREAMS)
                .because("the engine logs through SLF4J; stdout carries the command line's reports")
                .check(ENGINE);
    }

    @Test
    void generalCodingRules() {
        NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.check(ENGINE);
        NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(ENGINE);
        NO_CLASSES_SHOULD_USE_JODATIME.check(ENGINE);
        NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.check(ENGINE);
    }

    /** One slice per package directly under the engine's, and one for the engine's own package. */
    private static final SliceAssignment TOP_LEVEL_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (pkg.equals(ROOT)) {
                return SliceIdentifier.of("engine");
            }
            if (!pkg.startsWith(ROOT + ".")) {
                return SliceIdentifier.ignore();
            }
            String rest = pkg.substring(ROOT.length() + 1);
            int dot = rest.indexOf('.');
            return SliceIdentifier.of(dot < 0 ? rest : rest.substring(0, dot));
        }

        @Override
        public String getDescription() {
            return "top-level packages of the engine";
        }
    };
}
