package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activitytracker.engine.config.SettingsException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MetricsEndpointTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void servesTheRegistryInPrometheusTextOnLoopback() throws Exception {
        Counter.builder("tracker.test.events").register(registry).increment(3);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry, 0)) {
            assertThat(endpoint.url()).isEqualTo("http://127.0.0.1:" + endpoint.port() + "/metrics");
            HttpResponse<String> response = get(endpoint.url());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(response.body()).contains("tracker_test_events_total 3.0");
            assertThat(get("http://127.0.0.1:" + endpoint.port() + "/").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void aPortAlreadyTakenIsOneLineNamingTheSetting() throws IOException {
        try (MetricsEndpoint first = MetricsEndpoint.start(registry, 0)) {
            assertThatThrownBy(() -> MetricsEndpoint.start(registry, first.port()))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith("METRICS_PORT: port " + first.port() + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("--metrics-port")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void closingFreesThePort() throws IOException {
        int port;
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry, 0)) {
            port = endpoint.port();
        }
        try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
