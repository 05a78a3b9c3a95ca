package com.activitytracker.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.cli.TrackerCli;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudAlertCodec;
import com.activitytracker.engine.fraud.Severity;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.testing.EventScript;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classic replay workflow on recorded data: events written by another producer, replayed with
 * {@code --from-beginning --idle-exit}, give the report and the alerts a hand computation gives.
 */
@Tag("e2e")
@ExtendWith(SharedKafka.class)
class ReplayTest {
    @TempDir
    Path dir;

    @Test
    void replayedEventsGiveTheHandComputedReportAndAlerts(KafkaTestCluster kafka) throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of());
        new TopicAdmin(new KafkaClientFactory(settings), Duration.ofSeconds(10)).ensureTopics(settings, true);
        Instant t0 = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS); // recorded earlier

        EventScript script = new EventScript(t0);
        // alice browses and buys twice: 3 page views, 1 add to cart, 1 checkout, 2 purchases (120 + 80)
        script.add("alice", EventTypes.PAGE_VIEW, 0)
                .add("alice", EventTypes.PAGE_VIEW, 5)
                .add("alice", EventTypes.PAGE_VIEW, 9)
                .add("alice", EventTypes.ADD_TO_CART, 12)
                .add("alice", EventTypes.CHECKOUT, 20)
                .purchase("alice", 25, 120.0)
                .purchase("alice", 300, 80.0);
        // bob only looks: 2 page views
        script.add("bob", EventTypes.PAGE_VIEW, 1).add("bob", EventTypes.PAGE_VIEW, 40);
        // a bot: 30 clicks in 29 s -> HIGH_VELOCITY (30 within 60 s)
        for (int i = 0; i < 30; i++) {
            script.add("bot", EventTypes.CLICK, 100 + i);
        }
        // a whale: one purchase of 7,500 -> HIGH_VALUE_PURCHASE MEDIUM
        script.add("whale", EventTypes.PAGE_VIEW, 50).purchase("whale", 60, 7_500.0);
        // a takeover: 5 failed logins then a login within 15 min -> ACCOUNT_TAKEOVER
        for (int i = 0; i < 5; i++) {
            script.add("victim", EventTypes.LOGIN_FAILED, 200 + i * 10);
        }
        script.add("victim", EventTypes.LOGIN, 260);
        // a traveller: US then RU within an hour -> IMPOSSIBLE_TRAVEL
        script.from("traveller", EventTypes.PAGE_VIEW, 400, "US").from("traveller", EventTypes.PAGE_VIEW, 700, "RU");
        kafka.produceRaw(settings.activitiesTopic(), script.records(settings.activitiesTopic()));

        Path env = Files.writeString(
                dir.resolve("replay.env"),
                "KAFKA_DLQ_TOPIC=" + settings.dlqTopic() + "\nKAFKA_ALERTS_TOPIC=" + settings.alertsTopic()
                        + "\nLOG_DIR=" + dir.resolve("logs") + "\n");
        Path report = dir.resolve("r.json");
        List<String> common = List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic",
                settings.activitiesTopic(),
                "--env-file",
                env.toString(),
                "--from-beginning",
                "--idle-exit",
                "5s");
        assertThat(cli("analytics", common, "--report-json", report.toString())).isZero();
        assertThat(cli("fraud", common)).isZero();

        JsonNode r = new ObjectMapper().readTree(report.toFile());
        int total = 7 + 2 + 30 + 2 + 6 + 2;
        assertThat(r.get("events_total").asLong()).isEqualTo(total);
        assertThat(r.get("invalid_records").asLong()).isZero();
        assertThat(r.get("event_types").get("click").asLong()).isEqualTo(30);
        assertThat(r.get("event_types").get("page_view").asLong()).isEqualTo(3 + 2 + 1 + 2);
        assertThat(r.get("event_types").get("purchase").asLong()).isEqualTo(3);
        assertThat(r.get("purchases").asLong()).isEqualTo(3);
        assertThat(r.get("revenue_total").asDouble()).isEqualTo(7_700.0);
        assertThat(r.get("average_order_value").asDouble()).isEqualTo(2_566.67);
        assertThat(r.get("unique_users").asLong()).isEqualTo(6);
        assertThat(r.get("unique_sessions").asLong()).isEqualTo(6);
        JsonNode funnel = r.get("funnel");
        assertThat(funnel.get("page_view_users").asLong()).isEqualTo(4); // alice, bob, whale, traveller
        assertThat(funnel.get("add_to_cart_users").asLong()).isEqualTo(1);
        assertThat(funnel.get("checkout_users").asLong()).isEqualTo(1);
        assertThat(funnel.get("purchase_users").asLong()).isEqualTo(2); // alice, whale
        assertThat(funnel.get("conversion_rate").asDouble()).isEqualTo(0.5);

        FraudAlertCodec codec = new FraudAlertCodec();
        List<FraudAlert> alerts = new ArrayList<>();
        for (var record : kafka.readAll(settings.alertsTopic(), 4, Duration.ofSeconds(20))) {
            FraudAlert alert = codec.decode(record.value());
            assertThat(record.key()).isEqualTo(alert.userId());
            alerts.add(alert);
        }
        assertThat(alerts)
                .extracting(a -> a.rule() + "/" + a.userId() + "/" + a.severity())
                .containsExactlyInAnyOrder(
                        "HIGH_VELOCITY/bot/" + Severity.HIGH,
                        "HIGH_VALUE_PURCHASE/whale/" + Severity.MEDIUM,
                        "ACCOUNT_TAKEOVER/victim/" + Severity.CRITICAL,
                        "IMPOSSIBLE_TRAVEL/traveller/" + Severity.HIGH);
        FraudAlert velocity = alerts.stream()
                .filter(a -> a.rule().equals("HIGH_VELOCITY"))
                .findFirst()
                .orElseThrow();
        assertThat(velocity.evidenceEventIds()).hasSize(30);
        assertThat(velocity.eventTime()).isEqualTo(t0.plusSeconds(129));
    }

    private static int cli(String command, List<String> common, String... extra) {
        List<String> args = new ArrayList<>();
        args.add(command);
        args.addAll(common);
        args.addAll(List.of(extra));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return TrackerCli.execute(out, out, args.toArray(String[]::new));
    }
}
