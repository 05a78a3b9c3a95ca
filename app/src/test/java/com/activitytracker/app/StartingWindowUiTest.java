package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The first window: shown at once, titled, saying what is starting. Headless (Monocle) and without a
 * JVM splash, closing the splash must touch nothing and throw nothing.
 */
@Tag("ui")
class StartingWindowUiTest {
    private Stage stage;

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    @Test
    void showsTheAppAndWhatIsStartingAtOnce() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            StartingWindow.show(stage);
        });
        List<String> texts = stage.getScene().getRoot().lookupAll(".label").stream()
                .map(node -> ((Label) node).getText())
                .toList();
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).startsWith("Activity Tracker");
        assertThat(texts).containsExactly("Activity Tracker", "Starting Kafka and the console…");
    }
}
