package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
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
        String scrape;
        try (LiveRun run = LiveRun.start(kafka, dir, 11)) {
            assertThat(run.engine.latestSnapshot().endToEnd().p99Millis())
                    .as("client-side percentiles still work")
                    .isPositive();
            String url = run.url();
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
