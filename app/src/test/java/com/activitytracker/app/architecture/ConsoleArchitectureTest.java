package com.activitytracker.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The console's layering: toolkit-free models, thin views, one way in to the engine. */
@Tag("unit")
class ConsoleArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.activitytracker.app");
    }

    @Test
    void presentationModelsNeedNoToolkit() {
        noClasses()
                .that()
                .resideInAPackage("com.activitytracker.app.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "javafx.scene..",
                        "javafx.stage..",
                        "javafx.application..",
                        "javafx.animation..",
                        "javafx.embed..")
                .because("the models are tested with plain JUnit, without starting JavaFX")
                .check(classes);
    }

    @Test
    void modelsDoNotKnowTheViews() {
        noClasses()
                .that()
                .resideInAPackage("com.activitytracker.app.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.activitytracker.app.view..")
                .check(classes);
    }

    @Test
    void viewsGoThroughTheModelsNotTheEngine() {
        noClasses()
                .that()
                .resideInAPackage("com.activitytracker.app.view..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("com.activitytracker.engine.Engine")
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..")
                .check(classes);
    }

    @Test
    void theFeedHandsOverWithoutRunLater() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "com.activitytracker.app.feed..",
                        "com.activitytracker.app.model..",
                        "com.activitytracker.app.view..")
                .should()
                .callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("engine updates reach the FX thread through the coalescing feed, drained on a fixed cadence")
                .check(classes);
    }
}
