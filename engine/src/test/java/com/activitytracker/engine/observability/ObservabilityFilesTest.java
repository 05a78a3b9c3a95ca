package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.activitytracker.engine.config.MetricsPort;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files as Docker, Prometheus and Grafana would read them. No Docker engine runs
 * here, so the compose file, the provisioning and the dashboard are parsed and cross-checked; the
 * Prometheus config and rules also go through Prometheus' own promtool where it is installed.
 */
@Tag("unit")
class ObservabilityFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = GrafanaDashboard.ROOT;
    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");
    private static final Path PROMETHEUS = ROOT.resolve("prometheus/prometheus.yml");
    private static final Path RULES = ROOT.resolve("prometheus/alerts.yml");
    private static final Path RULE_TESTS = ROOT.resolve("prometheus/alerts.test.yml");

    @Test
    void composeStartsPrometheusAndGrafanaOnlyWithTheObservabilityProfile() throws IOException {
        JsonNode services = YAML.readTree(COMPOSE.toFile()).path("services");
        for (String name : List.of("prometheus", "grafana")) {
            JsonNode service = services.path(name);
            assertThat(texts(service.path("profiles"))).as(name + " profiles").containsExactly("observability");
            // the engine's endpoint is on the host's loopback: a bridge-networked container could not reach it
            assertThat(service.path("network_mode").asText())
                    .as(name + " network")
                    .isEqualTo("host");
            assertThat(service.path("image").asText())
                    .as(name + " image")
                    .contains(":")
                    .doesNotEndWith(":latest");
            for (String mount : texts(service.path("volumes"))) {
                String source = mount.substring(0, mount.indexOf(':'));
                if (source.startsWith("./")) {
                    assertThat(Path.of("..").resolve(source))
                            .as("mounted folder " + source)
                            .isDirectory();
                }
            }
        }
        assertThat(services.path("kafka").path("profiles").isMissingNode())
                .as("kafka starts without a profile")
                .isTrue();
    }

    @Test
    void prometheusScrapesTheDefaultMetricsPortAndLoadsTheRules() throws IOException {
        JsonNode config = YAML.readTree(PROMETHEUS.toFile());
        List<String> targets = new ArrayList<>();
        config.path("scrape_configs")
                .forEach(job -> job.path("static_configs").forEach(s -> targets.addAll(texts(s.path("targets")))));
        assertThat(targets).contains("127.0.0.1:" + MetricsPort.DEFAULT);
        config.path("scrape_configs")
                .forEach(job ->
                        assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo(MetricsEndpoint.PATH));
        assertThat(texts(config.path("rule_files")))
                .containsExactly(RULES.getFileName().toString());
    }

    @Test
    void grafanaProvisionsTheDataSourceAndTheDashboardFolderTheComposeFileMounts() throws IOException {
        JsonNode source = YAML.readTree(ROOT.resolve("grafana/provisioning/datasources/prometheus.yml")
                        .toFile())
                .path("datasources")
                .get(0);
        assertThat(source.path("type").asText()).isEqualTo("prometheus");
        assertThat(source.path("url").asText()).isEqualTo("http://127.0.0.1:9090");
        String uid = source.path("uid").asText();

        GrafanaDashboard dashboard = GrafanaDashboard.read(GrafanaDashboard.FILE);
        for (JsonNode panel : dashboard.panels()) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText())
                        .as(panel.path("title").asText())
                        .isEqualTo(uid);
            }
        }
        String path = YAML.readTree(ROOT.resolve("grafana/provisioning/dashboards/activity-tracker.yml")
                        .toFile())
                .path("providers")
                .get(0)
                .path("options")
                .path("path")
                .asText();
        JsonNode grafana = YAML.readTree(COMPOSE.toFile()).path("services").path("grafana");
        assertThat(texts(grafana.path("volumes"))).contains("./observability/grafana/dashboards:" + path + ":ro");
    }

    @Test
    void theDashboardShowsWhatAKafkaEngineerLooksFor() throws IOException {
        GrafanaDashboard dashboard = GrafanaDashboard.read(GrafanaDashboard.FILE);
        List<String> titles =
                dashboard.panels().stream().map(p -> p.path("title").asText()).toList();
        assertThat(titles)
                .contains(
                        "Throughput",
                        "Consumer lag",
                        "End-to-end latency",
                        "Alerts by rule and severity",
                        "Dead letters",
                        "Revenue per minute",
                        "Heap",
                        "GC pauses");
        Set<Integer> ids = new HashSet<>();
        dashboard
                .panels()
                .forEach(p -> assertThat(ids.add(p.path("id").asInt()))
                        .as("unique panel id")
                        .isTrue());
        assertThat(dashboard.expressions()).anyMatch(e -> e.startsWith("histogram_quantile(0.99"));
        assertThat(dashboard.metricNames())
                .contains(
                        "tracker_producer_delivered_total",
                        "jvm_memory_used_bytes",
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "tracker_fraud_alerts_total");
    }

    @Test
    void metricNamesAreReadOutOfPromQl() {
        assertThat(
                        GrafanaDashboard.metricNames(
                                "histogram_quantile(0.99, sum by (le) (rate(tracker_x_seconds_bucket{consumer=\"fraud\"}[$__rate_interval])))"))
                .containsExactly("tracker_x_seconds_bucket");
        assertThat(GrafanaDashboard.metricNames("sum(rate(a_total[5m])) / sum(rate(b_count[5m])) * 60"))
                .containsExactly("a_total", "b_count");
        assertThat(GrafanaDashboard.metricNames("max by (client_id) (lag_max) > 10000"))
                .containsExactly("lag_max");
    }

    @Test
    void promtoolAcceptsTheConfigTheRulesAndTheirTests() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (Debian: apt-get install prometheus)");
        assertThat(promtool("check", "config", PROMETHEUS.toString())).isZero();
        assertThat(promtool("check", "rules", RULES.toString())).isZero();
        assertThat(promtool("test", "rules", RULE_TESTS.toString())).isZero();
    }

    static Set<String> ruleMetricNames() throws IOException {
        Set<String> names = new HashSet<>();
        YAML.readTree(RULES.toFile())
                .path("groups")
                .forEach(g -> g.path("rules")
                        .forEach(r -> names.addAll(
                                GrafanaDashboard.metricNames(r.path("expr").asText()))));
        names.remove("up"); // Prometheus' own series for each target
        return names;
    }

    private static int promtool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return p.exitValue();
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(File.pathSeparator)).anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node.asText());
        }
        return out;
    }
}
