package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard as Grafana would run it, short of Grafana: a real Prometheus (Debian's package)
 * scrapes a real engine streaming against a real broker, with the committed alerting rules loaded,
 * and every PromQL expression of every panel is sent to Prometheus' query API. Each must parse and
 * answer with at least one series — a renamed meter, a wrong label or a typo in a query fails here.
 */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class DashboardQueriesTest {
    /** What Grafana puts in for {@code $__rate_interval}: several scrape intervals. */
    private static final String RATE_INTERVAL = "20s";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void everyPanelQueryAnswersFromARealPrometheusScrapingARealRun(KafkaTestCluster kafka) throws Exception {
        assumeTrue(
                ObservabilityFilesTest.onPath("prometheus"),
                "prometheus is not installed (Debian: apt-get install prometheus)");
        List<String> expressions = GrafanaDashboard.read(GrafanaDashboard.FILE).expressions();
        assertThat(expressions).isNotEmpty();

        try (LiveRun run = LiveRun.start(kafka, dir, 5)) {
            String target = URI.create(run.url()).getAuthority();
            try (Prometheus prometheus = Prometheus.start(dir.resolve("prometheus"), target)) {
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> scalar(prometheus.query("count_over_time(up{job=\"tracker\"}[1m])")) >= 6
                                && scalar(prometheus.query("up{job=\"tracker\"}")) == 1);

                List<String> empty = new ArrayList<>();
                for (String expr : expressions) {
                    String query = expr.replace("$__rate_interval", RATE_INTERVAL);
                    JsonNode answer = prometheus.query(query);
                    assertThat(answer.path("status").asText())
                            .as("%s -> %s", query, answer)
                            .isEqualTo("success");
                    if (answer.path("data").path("result").isEmpty()) {
                        empty.add(query);
                    }
                }
                assertThat(empty).as("panel queries with no series").isEmpty();
                assertThat(scalar(prometheus.query("sum(tracker_producer_delivered_total)")))
                        .isPositive();
                assertThat(scalar(prometheus.query("sum(tracker_fraud_alerts_total)")))
                        .isPositive();

                JsonNode rules = prometheus.get("/api/v1/rules");
                List<JsonNode> loaded = new ArrayList<>();
                rules.path("data").path("groups").forEach(g -> g.path("rules").forEach(loaded::add));
                assertThat(loaded).as("the committed alerting rules are loaded").isNotEmpty();
                assertThat(loaded)
                        .as("every rule evaluates without error")
                        .allSatisfy(r -> assertThat(r.path("health").asText())
                                .as(r.toString())
                                .isIn("ok", "unknown"));
            }
        }
    }

    private static double scalar(JsonNode answer) {
        JsonNode result = answer.path("data").path("result");
        return result.isEmpty()
                ? Double.NaN
                : Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    /** Debian's Prometheus on a free loopback port, scraping one target every second. */
    private static final class Prometheus implements AutoCloseable {
        private final HttpClient http = HttpClient.newHttpClient();
        private final Process process;
        private final String base;
        private final Path log;

        private Prometheus(Process process, String base, Path log) {
            this.process = process;
            this.base = base;
            this.log = log;
        }

        static Prometheus start(Path home, String target) throws IOException {
            Files.createDirectories(home);
            Path rules = GrafanaDashboard.ROOT
                    .resolve("prometheus/alerts.yml")
                    .toAbsolutePath()
                    .normalize();
            Path config = Files.writeString(
                    home.resolve("prometheus.yml"),
                    String.join(
                            "\n",
                            "global:",
                            "  scrape_interval: 1s",
                            "  evaluation_interval: 1s",
                            "rule_files:",
                            "  - " + rules,
                            "scrape_configs:",
                            "  - job_name: tracker",
                            "    static_configs:",
                            "      - targets: [\"" + target + "\"]",
                            ""));
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Path log = home.resolve("prometheus.log");
            Process p = new ProcessBuilder(
                            "prometheus",
                            "--config.file=" + config,
                            "--storage.tsdb.path=" + home.resolve("data"),
                            "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new Prometheus(p, "http://127.0.0.1:" + port, log);
        }

        JsonNode query(String promql) throws IOException, InterruptedException {
            return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            assertThat(process.isAlive())
                    .as("prometheus is running: %s", logText())
                    .isTrue();
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        }

        private String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return e.toString();
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
