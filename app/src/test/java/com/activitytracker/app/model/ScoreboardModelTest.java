package com.activitytracker.app.model;

import static com.activitytracker.app.model.TestSnapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.ScoreboardEntry;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.Severity;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ScoreboardModelTest {
    private final ScoreboardModel board = new ScoreboardModel(ZoneOffset.UTC);

    @Test
    void showsCaughtAndWaitingAttacksWithTheirTimes() {
        InjectedScenario whale =
                new InjectedScenario("s1", Scenario.WHALE_PURCHASE, "u1", T0, "HIGH_VALUE_PURCHASE", 1, T0);
        InjectedScenario bot =
                new InjectedScenario("s2", Scenario.BOT_BURST, "u2", T0, "HIGH_VELOCITY", 40, T0.plusSeconds(2));
        FraudAlert caught = new FraudAlert(
                "a1",
                "HIGH_VALUE_PURCHASE",
                Severity.MEDIUM,
                "u1",
                T0.plusMillis(1_500),
                T0.plusMillis(1_480),
                "big",
                List.of("e1"),
                Map.of());
        board.apply(List.of(new ScoreboardEntry(bot, null), new ScoreboardEntry(whale, caught)));

        assertThat(board.rows()).hasSize(2);
        assertThat(board.rows().get(0).result()).isEqualTo("Waiting…");
        assertThat(board.rows().get(1).scenario()).isEqualTo("Whale purchase");
        assertThat(board.rows().get(1).timeToCatch()).isEqualTo("1.50 s");
        assertThat(board.rows().get(1).detectionLatency()).isEqualTo("20 ms");
        assertThat(board.summaryProperty().get()).isEqualTo("Caught 1 of 2 injected · median time to catch 1.50 s");
    }

    @Test
    void medianOfCatchTimes() {
        assertThat(ScoreboardModel.median(List.of(Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(2))))
                .isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void emptyBoardInvitesAnInjection() {
        board.apply(List.of());
        assertThat(board.summaryProperty().get()).startsWith("Inject a scenario");
    }
}
