package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.app.model.WhatIfRow;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "What if…" as a presenter uses it: after a bot burst is caught, raising the velocity limit past any
 * burst and running the replay shows the burst missed, and only "Apply" makes the candidate live.
 */
@Tag("ui")
class ConsoleWhatIfUiTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture fx;

    @BeforeAll
    static void openConsole() throws Exception {
        fx = ConsoleFixture.start(dir).awaitRunning();
    }

    @AfterAll
    static void closeConsole() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void raisingTheVelocityLimitShowsTheBotBurstMissedBeforeAnythingIsApplied() {
        InjectedScenario bot = fx.console.session().inject(Scenario.BOT_BURST);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var s = fx.console.session().engine().latestSnapshot();
            return s != null
                    && s.scoreboard().stream().anyMatch(e -> e.scenario().id().equals(bot.id()) && e.caught());
        });

        // a scaled laptop's window (1366x768 at 125 % less the task bar): the button at the end of the
        // scrolled left column, the dialog on a low screen
        fx.robot.interact(() -> {
            fx.console.resize(new WindowSize(1093, 574));
            fx.<ScrollPane>lookup(".controls-scroll").setVvalue(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx.robot.clickOn("#what-if-open");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fx.robot.lookup("#what-if-dialog").tryQuery().isPresent());
        assertThat(fx.<Button>lookup("#what-if-apply").isDisabled())
                .as("nothing compared yet")
                .isTrue();
        // a burst is at most 50 events: at 60 no burst is fast enough
        fx.robot.interact(() -> fx.<Spinner<Integer>>lookup("#what-if-velocity-max-events")
                .getValueFactory()
                .setValue(60));
        fx.robot.clickOn("#what-if-run");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> !fx.<Button>lookup("#what-if-apply").isDisabled());
        List<WhatIfRow> rows = fx.console.whatIf().rowsProperty();
        WhatIfRow velocity = rows.stream()
                .filter(r -> r.label().equals("HIGH_VELOCITY"))
                .findFirst()
                .orElseThrow();
        assertThat(velocity.live()).isGreaterThanOrEqualTo(1);
        assertThat(velocity.candidate()).isLessThan(velocity.live());
        List<String> findings = fx.<VBox>lookup("#what-if-findings").getChildren().stream()
                .map(n -> ((Label) n).getText())
                .toList();
        assertThat(findings).anySatisfy(line -> assertThat(line).contains("misses Bot burst (" + bot.userId() + ")"));
        assertThat(findings)
                .anySatisfy(
                        line -> assertThat(line).startsWith("No longer flagged").contains(bot.userId()));
        assertThat(fx.<Label>lookup("#what-if-status").getText()).contains("events replayed");
        // the dialog opened with an empty table; the rule names and column heads are whole once it is filled
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> cut = new java.util.ArrayList<>();
            fx.robot.interact(() -> fx.<GridPane>lookup("#what-if-table").getChildren().stream()
                    .filter(Label.class::isInstance)
                    .map(Label.class::cast)
                    .filter(l -> !l.getText().isEmpty() && !l.getText().equals(ConsoleFixture.shownText(l)))
                    .forEach(l -> cut.add(l.getText() + " shows \"" + ConsoleFixture.shownText(l) + "\"")));
            assertThat(cut).as("cut in the comparison").isEmpty();
        });
        assertThat(fx.console.session().thresholds().velocityMaxEvents())
                .as("a replay applies nothing")
                .isEqualTo(30);

        fx.robot.clickOn("#what-if-apply");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> fx.robot.lookup("#what-if-dialog").tryQuery().isEmpty());
        assertThat(fx.console.session().thresholds().velocityMaxEvents()).isEqualTo(60);
        assertThat(fx.console.model().thresholds().velocityMaxEventsProperty().get())
                .isEqualTo(60);
        fx.assertNoFxErrors();
    }
}
