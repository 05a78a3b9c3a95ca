package com.activitytracker.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.ScoreboardEntry;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The engine's "what if" scores candidate thresholds against the attacks it injected itself. */
@Tag("e2e")
@ExtendWith(SharedKafka.class)
class EngineWhatIfTest {
    @TempDir
    Path dir;

    @Test
    void raisingTheVelocityLimitPastABotBurstShowsTheBurstMissed(KafkaTestCluster kafka) throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of(Settings.EVENTS_PER_SECOND, "100"));
        try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 7)) {
            engine.startAndAwait(Duration.ofSeconds(60));
            InjectedScenario bot = engine.inject(Scenario.BOT_BURST);
            InjectedScenario whale = engine.inject(Scenario.WHALE_PURCHASE);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> engine.latestSnapshot() != null
                            && engine.latestSnapshot().scoreboard().size() == 2
                            && engine.latestSnapshot().scoreboard().stream().allMatch(ScoreboardEntry::caught));

            // a burst is at most 50 events: a limit of 60 lets every burst through
            FraudThresholds candidate = engine.thresholds().withVelocityMaxEvents(60);
            BacktestRun run = engine.whatIf(candidate, Duration.ofMinutes(10), BacktestProgress.NONE);
            BacktestReport report = run.result().get(60, TimeUnit.SECONDS);

            assertThat(report.groundTruthKnown()).isTrue();
            assertThat(report.attacksInSpan()).isEqualTo(2);
            assertThat(report.live().attacksCaught()).isEqualTo(2);
            assertThat(report.candidate().attacksCaught()).isEqualTo(1);
            assertThat(report.candidate().attacksMissed()).containsExactly("Bot burst (" + bot.userId() + ")");
            assertThat(report.noLongerFlagged()).contains(bot.userId()).doesNotContain(whale.userId());
            assertThat(report.live().ordinaryUsersFlagged()).hasValue(0);
            assertThat(engine.thresholds()).as("a backtest applies nothing").isNotEqualTo(candidate);
        }
    }
}
