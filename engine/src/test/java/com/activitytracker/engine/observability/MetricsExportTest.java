package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activitytracker.engine.config.MetricsPort;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ObjectName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MetricsExportTest {
    @Test
    void jvmMetersAreThereFromTheStartTaggedWithTheRole() {
        try (MetricsExport metrics = MetricsExport.start("produce", new MetricsPort(MetricsPort.OFF))) {
            assertThat(metrics.endpoint()).isEmpty();
            String scrape = metrics.prometheus().scrape();
            assertThat(PrometheusText.metricNames(scrape))
                    .contains(
                            "jvm_memory_used_bytes",
                            "jvm_gc_memory_allocated_bytes_total",
                            "jvm_threads_live_threads",
                            "process_cpu_usage",
                            "jvm_classes_loaded_classes",
                            "system_cpu_count");
            assertThat(scrape).contains("role=\"produce\"", "application=\"activity-tracker\"");
        }
    }

    @Test
    void trackerTimersGetAPercentileHistogramAndKeepTheirClientSidePercentiles() {
        try (MetricsExport metrics = MetricsExport.start("run", new MetricsPort(MetricsPort.OFF))) {
            Timer timer = Timer.builder("tracker.test.latency")
                    .publishPercentiles(0.5, 0.99)
                    .register(metrics.registry());
            for (int ms = 1; ms <= 100; ms++) {
                timer.record(Duration.ofMillis(ms));
            }
            Timer other = Timer.builder("other.latency").register(metrics.registry());
            other.record(Duration.ofMillis(5));
            String scrape = metrics.prometheus().scrape();
            assertThat(scrape)
                    .contains("tracker_test_latency_seconds_bucket{")
                    .doesNotContain("other_latency_seconds_bucket");
            assertThat(timer.takeSnapshot().percentileValues()).hasSize(2);
        }
    }

    @Test
    void theMetersAreInJmxUntilClosed() throws Exception {
        ObjectName pattern = new ObjectName(MetricsExport.JMX_DOMAIN + ":*");
        MetricsExport metrics = MetricsExport.start("run", new MetricsPort(MetricsPort.OFF));
        try {
            assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(pattern, null))
                    .anyMatch(n -> n.toString().contains("jvmMemoryUsed"));
        } finally {
            metrics.close();
        }
        assertThat(ManagementFactory.getPlatformMBeanServer().queryNames(pattern, null))
                .isEmpty();
    }

    /** The console's order: the engine registers its meters, then Prometheus, JMX and the JVM's are added. */
    @Test
    void metersRegisteredBeforeTheExportAreExportedWithTheRest() throws Exception {
        try (MetricsExport metrics = MetricsExport.unexported("console")) {
            assertThat(metrics.prometheus()).isNull();
            MeterRegistry engine = metrics.engineScope();
            AtomicLong sent = new AtomicLong(7);
            FunctionCounter.builder("tracker.test.sent", sent, AtomicLong::get).register(engine);
            Timer latency = Timer.builder("tracker.test.latency").register(engine);

            metrics.export(new MetricsPort(MetricsPort.OFF));
            latency.record(Duration.ofMillis(12));

            String scrape = metrics.prometheus().scrape();
            assertThat(scrape)
                    .contains("tracker_test_sent_total{application=\"activity-tracker\",role=\"console\"} 7.0")
                    .contains("tracker_test_latency_seconds_count{application=\"activity-tracker\",role=\"console\"} 1")
                    .contains("tracker_test_latency_seconds_bucket{")
                    .contains("jvm_memory_used_bytes");
            assertThat(ManagementFactory.getPlatformMBeanServer()
                            .queryNames(new ObjectName(MetricsExport.JMX_DOMAIN + ":*"), null))
                    .anyMatch(n -> n.toString().contains("trackerTestSent"));
            assertThatThrownBy(() -> metrics.export(new MetricsPort(MetricsPort.OFF)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aTakenPortExportsNothingAndTheExportCanBeAskedAgainWithoutAPort() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
                MetricsExport metrics = MetricsExport.unexported("console")) {
            assertThatThrownBy(() -> metrics.export(new MetricsPort(taken.getLocalPort())))
                    .isInstanceOf(com.activitytracker.engine.config.SettingsException.class)
                    .hasMessageContaining("METRICS_PORT");
            assertThat(metrics.prometheus()).isNull();
            metrics.export(new MetricsPort(MetricsPort.OFF));
            assertThat(metrics.endpoint()).isEmpty();
            assertThat(metrics.prometheus().scrape()).contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void aNewEngineScopeExportsTheNewEnginesFiguresNotTheFirstOnes() {
        try (MetricsExport metrics = MetricsExport.start("console", new MetricsPort(MetricsPort.OFF))) {
            AtomicLong first = new AtomicLong(5);
            MeterRegistry one = metrics.engineScope();
            FunctionCounter.builder("tracker.test.sent", first, AtomicLong::get).register(one);
            assertThat(metrics.prometheus().scrape())
                    .contains("tracker_test_sent_total{application=\"activity-tracker\",role=\"console\"} 5.0");

            AtomicLong second = new AtomicLong(42);
            MeterRegistry two = metrics.engineScope();
            FunctionCounter.builder("tracker.test.sent", second, AtomicLong::get)
                    .register(two);
            assertThat(metrics.prometheus().scrape())
                    .contains("tracker_test_sent_total{application=\"activity-tracker\",role=\"console\"} 42.0")
                    .contains("jvm_memory_used_bytes");
        }
    }
}
