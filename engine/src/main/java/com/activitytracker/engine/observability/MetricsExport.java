package com.activitytracker.engine.observability;

import com.activitytracker.engine.config.MetricsPort;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.jmx.JmxConfig;
import io.micrometer.jmx.JmxMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * The meters of one process, and where they are read: Prometheus ({@code /metrics} on loopback when
 * a port is set) and JMX (domain {@value #JMX_DOMAIN}, for VisualVM and Mission Control, no port
 * needed). Created by the composition root (a command, the console's launcher), which hands
 * {@link #registry()} to the engine and closes this when the process ends; closing stops the endpoint,
 * the JVM's GC listener and the JMX beans.
 */
public final class MetricsExport implements AutoCloseable {
    public static final String JMX_DOMAIN = "activitytracker";

    private final String role;
    private final CompositeMeterRegistry registry = new CompositeMeterRegistry(Clock.SYSTEM);
    private PrometheusMeterRegistry prometheus;
    private JmxMeterRegistry jmx;
    private JvmGcMetrics gc;
    private MetricsEndpoint endpoint;
    private CompositeMeterRegistry engineScope;

    private MetricsExport(String role) {
        this.role = role;
    }

    /**
     * @param role the command ({@code run}, {@code produce}, ...) or {@code console}; a tag on every meter
     * @throws com.activitytracker.engine.config.SettingsException naming METRICS_PORT when the port is taken
     */
    public static MetricsExport start(String role, MetricsPort port) {
        MetricsExport metrics = new MetricsExport(role);
        metrics.export(port);
        return metrics;
    }

    /**
     * The registry alone, exported by a later {@link #export}: the console starts its engine (and the
     * broker's start, the longest part of a launch) first, and loads Prometheus, JMX and the JVM meters
     * while the broker starts. Meters registered before the export are exported with the rest (what they
     * recorded before it is not: the export ends long before the broker is ready and events flow).
     */
    public static MetricsExport unexported(String role) {
        return new MetricsExport(role);
    }

    /**
     * Adds Prometheus (served on {@code port} unless off), JMX and the JVM's meters; once.
     *
     * @throws com.activitytracker.engine.config.SettingsException naming METRICS_PORT when the port is taken;
     *     nothing is exported then, and the export can be asked again (with the port off)
     */
    public synchronized void export(MetricsPort port) {
        if (prometheus != null) {
            throw new IllegalStateException("the metrics are exported already");
        }
        // exports the consumers' per-event EventTimers as histograms, read from their one recording
        PrometheusMeterRegistry served = new TrackerPrometheusRegistry();
        // the tags on each exporting registry rather than the composite, so meters registered through an
        // engine scope (a composite of its own) get the tags and the histograms too
        served.config().commonTags("application", "activity-tracker", "role", role);
        // histogram buckets only where they are read (histogram_quantile); JMX shows a timer's count,
        // total and max, and the buckets would cost every event a few dozen more updates there
        served.config().meterFilter(new LatencyHistograms());
        try {
            endpoint = port.port() == MetricsPort.OFF ? null : MetricsEndpoint.start(served, port.port());
        } catch (RuntimeException e) {
            served.close();
            throw e;
        }
        prometheus = served;
        jmx = new JmxMeterRegistry(
                new JmxConfig() {
                    @Override
                    public String get(String key) {
                        return null;
                    }

                    @Override
                    public String domain() {
                        return JMX_DOMAIN;
                    }
                },
                Clock.SYSTEM);
        jmx.config().commonTags("application", "activity-tracker", "role", role);
        registry.add(prometheus);
        registry.add(jmx);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
    }

    /** Where the engine and the clients register their meters. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus side, e.g. to scrape without HTTP; null until {@link #export}. */
    public synchronized PrometheusMeterRegistry prometheus() {
        return prometheus;
    }

    public synchronized Optional<MetricsEndpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * A registry for one engine of a process that replaces its engine (the console after a settings
     * change): each call removes the previous engine's meters first, so the new engine's counters and
     * gauges are the ones exported rather than the first engine's under the same names.
     */
    public synchronized MeterRegistry engineScope() {
        if (engineScope != null) {
            for (Meter meter : engineScope.getMeters()) {
                engineScope.remove(meter); // removes it from the exporting registries too
            }
            // not closed: closing a composite closes the registries it holds, the shared ones
        }
        engineScope = new CompositeMeterRegistry(Clock.SYSTEM);
        engineScope.add(registry);
        return engineScope;
    }

    @Override
    public synchronized void close() {
        if (endpoint != null) {
            endpoint.close();
        }
        if (gc != null) {
            gc.close();
        }
        registry.close(); // and the Prometheus and JMX registries it holds
    }
}
