package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.MetricsPort;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.observability.MetricsExport;
import java.io.PrintStream;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --metrics-port}: where a command serves its meters for Prometheus. */
public final class MetricsOptions {
    @Option(
            names = "--metrics-port",
            paramLabel = "PORT",
            description = "serve metrics at http://127.0.0.1:PORT/metrics (METRICS_PORT; 0: any free port, off: none;"
                    + " default " + MetricsPort.DEFAULT + " for run, off for the single roles)")
    String metricsPort;

    void addTo(Map<String, String> overrides) {
        overrides.put(Settings.METRICS_PORT, metricsPort);
    }

    /**
     * Starts the meters of this process (JMX always, the endpoint when a port applies) and prints
     * where to scrape them; the caller closes it.
     */
    static MetricsExport start(String role, Settings settings, boolean onByDefault, PrintStream out) {
        MetricsExport metrics = MetricsExport.start(role, MetricsPort.of(settings, onByDefault));
        metrics.endpoint().ifPresent(e -> out.println("📈 Metrics for Prometheus: " + e.url()));
        return metrics;
    }
}
