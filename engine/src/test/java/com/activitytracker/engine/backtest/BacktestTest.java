package com.activitytracker.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activitytracker.engine.cli.TrackerCli;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.fraud.FraudAlertCodec;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.fraud.Severity;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.testing.EventScript;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * "What if" on a recorded stream with two known attacks and a few ordinary shoppers: candidate
 * thresholds that raise the velocity limit past the bot burst and lower the high-value amount under
 * the shoppers' purchases must show exactly those differences, and the live detector must not notice.
 */
@Tag("e2e")
@ExtendWith(SharedKafka.class)
class BacktestTest {
    private static final FraudThresholds LIVE = FraudThresholds.defaults();
    /** Velocity 50 lets the 40-click bot through; 1,000 flags the three 2,000 purchases. */
    private static final FraudThresholds CANDIDATE =
            LIVE.withVelocityMaxEvents(50).withHighValueAmount(1_000);

    @TempDir
    Path dir;

    private KafkaTestCluster kafka;
    private Settings settings;
    private KafkaClientFactory clients;
    private List<InjectedScenario> attacks;

    @BeforeEach
    void recordTheStream(KafkaTestCluster kafka) {
        this.kafka = kafka;
        settings = kafka.freshSettings(dir, Map.of());
        clients = new KafkaClientFactory(settings);
        new TopicAdmin(clients, Duration.ofSeconds(10)).ensureTopics(settings, true);
        Instant t0 = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        EventScript script = new EventScript(t0);
        for (int u = 1; u <= 5; u++) { // ordinary shoppers: a few page views, three of them buy for 2,000
            for (int i = 0; i < 5; i++) {
                script.add("shopper-" + u, EventTypes.PAGE_VIEW, u + i * 10);
            }
            if (u <= 3) {
                script.purchase("shopper-" + u, u + 60, 2_000.0);
            }
        }
        for (int i = 0; i < 40; i++) { // bot burst: 40 clicks in 20 s
            script.add("bot", EventTypes.CLICK, 100 + i * 0.5);
        }
        script.add("whale", EventTypes.PAGE_VIEW, 200).purchase("whale", 210, 7_500.0);
        kafka.produceRaw(settings.activitiesTopic(), script.records(settings.activitiesTopic()));
        attacks = List.of(
                new InjectedScenario(
                        "a1", Scenario.BOT_BURST, "bot", t0.plusSeconds(100), "HIGH_VELOCITY", 40, t0.plusSeconds(120)),
                new InjectedScenario(
                        "a2",
                        Scenario.WHALE_PURCHASE,
                        "whale",
                        t0.plusSeconds(200),
                        "HIGH_VALUE_PURCHASE",
                        2,
                        t0.plusSeconds(210)));
    }

    @Test
    void candidateThatMissesTheBotAndFlagsShoppersShowsExactlyThoseDifferences() {
        AtomicLong lastRead = new AtomicLong();
        AtomicLong total = new AtomicLong(-1);
        BacktestReport report = backtest()
                .run(
                        BacktestRequest.withGroundTruth(LIVE, CANDIDATE, Duration.ofHours(1), attacks),
                        (read, all) -> {
                            lastRead.set(read);
                            total.set(all);
                        },
                        () -> false);

        assertThat(report.recordsRead()).isEqualTo(5 * 5 + 3 + 40 + 2);
        assertThat(total.get()).isEqualTo(report.recordsRead());
        assertThat(lastRead.get()).isEqualTo(report.recordsRead());
        assertThat(report.live().alertsByRule().get("HIGH_VELOCITY")).isEqualTo(Map.of(Severity.HIGH, 1L));
        assertThat(report.live().alertsByRule().get("HIGH_VALUE_PURCHASE")).isEqualTo(Map.of(Severity.MEDIUM, 1L));
        assertThat(report.live().alertsTotal()).isEqualTo(2);
        assertThat(report.live().attacksCaught()).isEqualTo(2);
        assertThat(report.live().ordinaryUsersFlagged()).hasValue(0);

        assertThat(report.candidate().alerts("HIGH_VELOCITY")).isZero();
        // the whale's 7,500 is now 7.5x the amount: HIGH rather than MEDIUM
        assertThat(report.candidate().alertsByRule().get("HIGH_VALUE_PURCHASE"))
                .isEqualTo(Map.of(Severity.MEDIUM, 3L, Severity.HIGH, 1L));
        assertThat(report.candidate().attacksCaught()).isEqualTo(1);
        assertThat(report.candidate().attacksMissed()).containsExactly("Bot burst (bot)");
        assertThat(report.candidate().ordinaryUsersFlagged()).hasValue(3);
        assertThat(report.attacksInSpan()).isEqualTo(2);
        assertThat(report.newlyFlagged()).containsExactly("shopper-1", "shopper-2", "shopper-3");
        assertThat(report.noLongerFlagged()).containsExactly("bot");
        assertThat(report.limit().forgotAny()).isFalse();
    }

    @Test
    void detectorsBoundedBelowTheUsersForgetTheStalestSaySoAndStillCatchTheBurst() {
        BacktestReport report = backtest(() -> 3)
                .run(
                        BacktestRequest.withGroundTruth(LIVE, CANDIDATE, Duration.ofHours(1), attacks),
                        (r, t) -> {},
                        () -> false);

        assertThat(report.limit().usersPerSide()).isEqualTo(3);
        // seven users, at most three kept: four at least went before their windows ended
        assertThat(report.limit().forgottenUsers()).isGreaterThanOrEqualTo(4);
        // the bot's burst is its own newest activity, so the least recently active goes first, never the bot
        assertThat(report.live().alertsByRule().get("HIGH_VELOCITY")).isEqualTo(Map.of(Severity.HIGH, 1L));
        assertThat(new BacktestReportFormat().table(report))
                .contains(
                        "To fit in memory each side kept at most 3 users at a time and forgot the least recently active one ");
        assertThat(new BacktestReportFormat().json(report))
                .contains("\"users_per_side\" : 3")
                .contains("\"users_forgotten\" : " + report.limit().forgottenUsers());
    }

    @Test
    void aSpanThatEndsBeforeTheRecordsReadsNothing() {
        BacktestReport report = backtest()
                .run(
                        BacktestRequest.withGroundTruth(LIVE, CANDIDATE, Duration.ofMinutes(1), attacks),
                        BacktestProgress.NONE,
                        () -> false);

        assertThat(report.recordsRead()).isZero();
        assertThat(report.attacksInSpan()).isZero();
        assertThat(report.live().alertsTotal()).isZero();
    }

    @Test
    void aCancelledBacktestStopsWithoutAReport() {
        assertThatThrownBy(() -> backtest()
                        .run(
                                BacktestRequest.withGroundTruth(LIVE, CANDIDATE, Duration.ofHours(1), attacks),
                                BacktestProgress.NONE,
                                () -> true))
                .isInstanceOf(BacktestCancelledException.class);
    }

    @Test
    void theLiveDetectorsAlertsGroupAndOffsetsAreUnchangedByABacktestBesideIt() throws Exception {
        Set<String> groupsBefore = groups();
        String liveGroup = "live-" + settings.activitiesTopic();
        CompletableFuture<Integer> live = CompletableFuture.supplyAsync(
                () -> cli("fraud", "--group", liveGroup, "--from-beginning", "--idle-exit", "3s"));
        List<BacktestReport> beside = new ArrayList<>();
        while (!live.isDone() || beside.isEmpty()) {
            beside.add(backtest()
                    .run(
                            BacktestRequest.withGroundTruth(LIVE, CANDIDATE, Duration.ofHours(1), attacks),
                            BacktestProgress.NONE,
                            () -> false));
        }
        assertThat(live.get()).isZero();
        Set<String> groupsAfter = groups();
        groupsAfter.removeAll(groupsBefore);
        assertThat(groupsAfter).containsExactly(liveGroup); // the backtests joined none

        assertThat(beside).allSatisfy(r -> assertThat(r.noLongerFlagged()).containsExactly("bot"));
        FraudAlertCodec codec = new FraudAlertCodec();
        assertThat(kafka.readAll(settings.alertsTopic(), 2, Duration.ofSeconds(20)))
                .extracting(record -> codec.decode(record.value()).rule() + "/" + record.key())
                .containsExactlyInAnyOrder("HIGH_VELOCITY/bot", "HIGH_VALUE_PURCHASE/whale");
        try (Admin admin = clients.admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(liveGroup)
                    .partitionsToOffsetAndMetadata()
                    .get();
            long committedTotal = committed.values().stream()
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
            assertThat(committedTotal).isEqualTo(5 * 5 + 3 + 40 + 2);
        }
    }

    @Test
    void theCommandLinePrintsTheComparisonAsJson() throws Exception {
        String out = cliOutput(
                "fraud",
                "backtest",
                "--since",
                "30m",
                "--set",
                "FRAUD_VELOCITY_MAX_EVENTS=50",
                "--set",
                "FRAUD_HIGH_VALUE_AMOUNT=1000",
                "--json");

        JsonNode r = new ObjectMapper().readTree(out);
        assertThat(r.get("records_read").asLong()).isEqualTo(5 * 5 + 3 + 40 + 2);
        assertThat(r.get("ground_truth_known").asBoolean()).isFalse();
        assertThat(r.at("/live/alerts_total").asLong()).isEqualTo(2);
        assertThat(r.at("/candidate/alerts_total").asLong()).isEqualTo(4);
        assertThat(r.at("/candidate/thresholds/FRAUD_VELOCITY_MAX_EVENTS").asText())
                .isEqualTo("50");
        assertThat(r.at("/candidate/alerts_by_rule/HIGH_VALUE_PURCHASE/HIGH").asLong())
                .isEqualTo(1);
        List<String> newly = new ArrayList<>();
        r.get("newly_flagged").forEach(n -> newly.add(n.asText()));
        assertThat(newly).containsExactly("shopper-1", "shopper-2", "shopper-3");
        assertThat(r.get("no_longer_flagged").get(0).asText()).isEqualTo("bot");
    }

    @Test
    void theCommandLineTableNamesTheChangedThresholdsAndUsers() {
        String out = cliOutput("fraud", "backtest", "--set", "FRAUD_VELOCITY_MAX_EVENTS=50");

        assertThat(out)
                .contains("HIGH_VELOCITY")
                .contains("FRAUD_VELOCITY_MAX_EVENTS 30 -> 50")
                .contains("No longer flagged (1): bot")
                .contains("Newly flagged: none");
    }

    @Test
    void aBadThresholdNameOrValueIsOneLineAndExitTwo() {
        assertThat(cli("fraud", "backtest", "--set", "FRAUD_VELOCITY=50")).isEqualTo(TrackerCli.EXIT_USAGE);
        assertThat(cli("fraud", "backtest", "--set", "FRAUD_VELOCITY_MAX_EVENTS=-3"))
                .isEqualTo(TrackerCli.EXIT_USAGE);
        assertThat(cli("fraud", "backtest", "--set", "EVENTS_PER_SECOND=3")).isEqualTo(TrackerCli.EXIT_USAGE);
        assertThat(cli("fraud", "backtest", "--since", "soon")).isEqualTo(TrackerCli.EXIT_USAGE);
    }

    private Backtest backtest() {
        return new Backtest(
                () -> clients.reader("test-backtest"),
                settings.activitiesTopic(),
                new ActivityEventCodec(),
                Clock.systemUTC());
    }

    private Backtest backtest(IntSupplier usersPerSide) {
        return new Backtest(
                () -> clients.reader("test-backtest"),
                settings.activitiesTopic(),
                new ActivityEventCodec(),
                Clock.systemUTC(),
                usersPerSide);
    }

    private Set<String> groups() throws Exception {
        try (Admin admin = clients.admin()) {
            return admin.listGroups().all().get().stream()
                    .map(GroupListing::groupId)
                    .collect(Collectors.toSet());
        }
    }

    private int cli(String... args) {
        return run(new ByteArrayOutputStream(), args);
    }

    private String cliOutput(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        assertThat(run(sink, args)).isZero();
        return sink.toString(StandardCharsets.UTF_8);
    }

    private int run(ByteArrayOutputStream sink, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        Path env = dir.resolve("test.env");
        try {
            Files.writeString(
                    env,
                    "KAFKA_DLQ_TOPIC=" + settings.dlqTopic() + "\nKAFKA_ALERTS_TOPIC=" + settings.alertsTopic()
                            + "\nLOG_DIR=" + dir.resolve("logs") + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.addAll(List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic",
                settings.activitiesTopic(),
                "--env-file",
                env.toString()));
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return TrackerCli.execute(out, out, all.toArray(String[]::new));
    }
}
