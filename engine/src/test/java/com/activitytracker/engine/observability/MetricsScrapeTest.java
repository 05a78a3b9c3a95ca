package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.config.MetricsPort;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.generator.Scenario;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real engine against a real broker, scraped over HTTP as Prometheus would: the tracker, Kafka
 * client and JVM meters are there, and so is every metric the committed Grafana dashboard queries.
 */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class MetricsScrapeTest {
    @TempDir
    Path dir;

    @Test
    void aRunServesTrackerKafkaAndJvmMetersAndEveryMetricTheDashboardQueries(KafkaTestCluster kafka) throws Exception {
        Settings settings =
                kafka.freshSettings(dir, Map.of(Settings.EVENTS_PER_SECOND, "200", Settings.METRICS_PORT, "0"));
        String scrape;
        try (MetricsExport metrics = MetricsExport.start("run", MetricsPort.of(settings, true));
                Engine engine = new Engine(settings, Clock.systemUTC(), metrics.registry(), 11)) {
            engine.startAndAwait(Duration.ofSeconds(60));
            engine.inject(Scenario.WHALE_PURCHASE);
            kafka.produceRaw(
                    settings.activitiesTopic(),
                    List.of(new ProducerRecord<>(
                            settings.activitiesTopic(), "u-bad", "{not json".getBytes(StandardCharsets.UTF_8))));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> engine.latestSnapshot() != null
                            && engine.latestSnapshot().alertsTotal() > 0
                            && engine.latestSnapshot().analytics().invalidRecords() > 0
                            && engine.latestSnapshot().analytics().purchases() > 0);
            assertThat(engine.latestSnapshot().endToEnd().p99Millis())
                    .as("client-side percentiles still work")
                    .isPositive();
            String url = metrics.endpoint().orElseThrow().url();
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            scrape = response.body();
        }
        Path saved = Path.of("target", "metrics-scrape.txt");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, scrape);

        Set<String> names = PrometheusText.metricNames(scrape);
        assertThat(names)
                .contains(
                        "tracker_producer_delivered_total",
                        "tracker_fraud_alerts_total",
                        "tracker_consumer_end_to_end_latency_seconds_bucket",
                        "tracker_producer_send_latency_seconds_bucket",
                        "jvm_memory_used_bytes",
                        "jvm_threads_live_threads",
                        "process_cpu_usage",
                        "jvm_classes_loaded_classes");
        assertThat(names)
                .as("Kafka client meters")
                .anyMatch(n -> n.startsWith("kafka_producer_"))
                .anyMatch(n -> n.startsWith("kafka_consumer_"));
        assertThat(scrape).contains("role=\"run\"");

        Set<String> queried = GrafanaDashboard.read(GrafanaDashboard.FILE).metricNames();
        assertThat(queried).isNotEmpty();
        assertThat(names)
                .as("every metric the dashboard queries is in a real scrape")
                .containsAll(queried);
        assertThat(names)
                .as("every metric the alerting rules use")
                .containsAll(ObservabilityFilesTest.ruleMetricNames());
    }
}
