package com.activitytracker.engine;

import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.consumer.AnalyticsProcessor;
import com.activitytracker.engine.consumer.ConsumerGroups;
import com.activitytracker.engine.consumer.ConsumerPipeline;
import com.activitytracker.engine.consumer.ConsumerPipeline.Options;
import com.activitytracker.engine.consumer.ConsumerPipeline.StartFrom;
import com.activitytracker.engine.consumer.FraudDetectionProcessor;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.producer.ActivityProducer;
import com.activitytracker.engine.producer.EventSource;
import com.activitytracker.engine.producer.ProducerStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * What the engine runs, and owns: the cluster (and its embedded broker), the analytics and the fraud
 * consumer pipelines, and the producer with its meter binder. Started step by step so that a close
 * during the start stops early; {@link #close()} stops whatever was started, producer first.
 */
final class StreamingPipeline implements AutoCloseable {
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(20);

    private final Clock clock;
    private final MeterRegistry registry;
    private final List<KafkaClientMetrics> producerBinders = new CopyOnWriteArrayList<>();
    private volatile KafkaCluster cluster;
    private volatile ConsumerPipeline<AnalyticsProcessor> analytics;
    private volatile ConsumerPipeline<FraudDetectionProcessor> fraud;
    private volatile ActivityProducer producer;
    private volatile SnapshotPublisher publisher;
    private volatile boolean closed;
    private volatile ClusterHealthMonitor health;
    /** Producer counters at start or the last reset: snapshots show what was sent since. */
    private volatile ProducerStats baseline;

    StreamingPipeline(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
    }

    KafkaCluster openCluster(Settings settings) {
        cluster = KafkaCluster.open(settings, KafkaCluster.CONNECT_TIMEOUT, ConsumerGroups.FRAUD);
        return cluster;
    }

    /**
     * Starts both consumers and waits until they own their partitions, so the first events sent count.
     *
     * @param fraudFrom where the fraud group starts: the end for a fresh demo, or its committed offsets
     * @return false when cancelled meanwhile
     */
    boolean startConsumers(
            FraudThresholds thresholds,
            StartFrom fraudFrom,
            EngineListeners listeners,
            DetectionScoreboard scoreboard,
            BooleanSupplier cancelled)
            throws InterruptedException {
        Consumer<AnalyticsSnapshot> onReport = report -> listeners.each(l -> l.onAnalyticsReport(report));
        Consumer<FraudAlert> onAlert = alert -> {
            scoreboard.alert(alert);
            listeners.each(l -> l.onAlert(alert));
        };
        KafkaClientFactory clients = cluster.clients();
        Settings s = cluster.settings();
        analytics = ConsumerPipeline.analytics(
                clients,
                s,
                new Options(ConsumerGroups.newAnalyticsGroup(), StartFrom.END, null),
                clock,
                registry,
                onReport);
        fraud = ConsumerPipeline.fraud(
                clients, s, thresholds, new Options(ConsumerGroups.FRAUD, fraudFrom, null), clock, registry, onAlert);
        analytics.start();
        fraud.start();
        long deadline = System.nanoTime() + ASSIGNMENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline
                && !cancelled.getAsBoolean()
                && (analytics.stats().partitions() == 0 || fraud.stats().partitions() == 0)) {
            if (analytics.worker().awaitFinished(Duration.ofMillis(50))
                    || fraud.worker().awaitFinished(Duration.ZERO)) {
                String error = analytics.stats().error() != null
                        ? analytics.stats().error()
                        : fraud.stats().error();
                throw new EngineStartException("a consumer stopped while starting: " + error);
            }
        }
        return !cancelled.getAsBoolean();
    }

    /** The producer, its client's meters bound here and unbound when this pipeline closes. */
    void startProducer(EventSource traffic, double rate, long maxEvents, EngineListeners listeners) {
        Settings s = cluster.settings();
        Consumer<ProducerStats> onProgress = stats -> listeners.each(l -> l.onProducerProgress(stats));
        producer = ActivityProducer.builder(this::instrumentedProducer, s.activitiesTopic(), traffic)
                .rate(rate)
                .maxEvents(maxEvents)
                .clock(clock)
                .registry(registry)
                .onProgress(s.statsInterval(), onProgress)
                .build();
        baseline = producer.stats();
        producer.start();
    }

    /** Publishes snapshots and watches the cluster's health, both until this pipeline closes. */
    void startMonitoring(Supplier<EngineSnapshot> snapshots, EngineListeners listeners) {
        publisher = new SnapshotPublisher(
                snapshots,
                s -> listeners.each(l -> l.onSnapshot(s)),
                () -> analytics.processor().latest().eventsTotal() > 0);
        health = new ClusterHealthMonitor(cluster, listeners);
    }

    /** Null before the engine streams. */
    SnapshotPublisher publisher() {
        return publisher;
    }

    boolean producerFinished() {
        ActivityProducer p = producer;
        return p != null && !p.isRunning();
    }

    String bootstrapServersOrNull() {
        KafkaCluster c = cluster;
        return c == null ? null : c.bootstrapServers();
    }

    /** Counts the producer's figures from now on. */
    void resetProducerCounters() {
        ActivityProducer p = producer;
        if (p != null) {
            baseline = p.stats();
        }
    }

    EngineSnapshot snapshot(
            EngineStatus status,
            boolean paused,
            double targetRate,
            DetectionScoreboard scoreboard,
            FraudThresholds thresholds) {
        ProducerStats raw = producer.stats();
        ProducerStats base = baseline;
        ProducerStats p = new ProducerStats(
                raw.sent() - base.sent(),
                raw.delivered() - base.delivered(),
                raw.failed() - base.failed(),
                targetRate,
                raw.actualRate(),
                raw.averageRate(),
                raw.activeSessions(),
                raw.elapsed(),
                raw.lastDelivery(),
                raw.running(),
                raw.error());
        AnalyticsProcessor a = analytics.processor();
        FraudDetectionProcessor f = fraud.processor();
        return new EngineSnapshot(
                Instant.now(clock),
                status,
                paused,
                p,
                a.latest(),
                analytics.stats(),
                fraud.stats(),
                f.eventsChecked(),
                scoreboard.total(),
                scoreboard.bySeverity(),
                scoreboard.byRule(),
                LatencyPercentiles.of(a.endToEndLatency()),
                LatencyPercentiles.of(f.detectionLatency()),
                scoreboard.entries(),
                thresholds);
    }

    private KafkaProducer<String, byte[]> instrumentedProducer() {
        KafkaProducer<String, byte[]> p = cluster.clients().producer("activity-producer");
        KafkaClientMetrics binder = new KafkaClientMetrics(p);
        producerBinders.add(binder);
        binder.bindTo(registry);
        return p;
    }

    /** New thresholds for the fraud rules, from the next event on. */
    void updateThresholds(FraudThresholds thresholds) {
        var f = fraud;
        if (f != null) {
            f.processor().updateThresholds(thresholds);
        }
    }

    /** Clears the analytics figures, the fraud windows and the producer's counters. */
    void reset() {
        var a = analytics;
        if (a != null) {
            a.processor().requestReset();
        }
        var f = fraud;
        if (f != null) {
            f.processor().requestReset();
        }
        resetProducerCounters();
    }

    KafkaCluster cluster() {
        return cluster;
    }

    ActivityProducer producer() {
        return producer;
    }

    ConsumerPipeline<AnalyticsProcessor> analytics() {
        return analytics;
    }

    ConsumerPipeline<FraudDetectionProcessor> fraud() {
        return fraud;
    }

    /** Monitors, then the producer (its last events still reach the topic), both consumers at once, the cluster. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        EngineThreads.closeQuietly(health);
        EngineThreads.closeQuietly(publisher);
        EngineThreads.closeQuietly(producer);
        producerBinders.forEach(KafkaClientMetrics::close);
        producerBinders.clear();
        Thread a = closeInBackground(analytics);
        Thread f = closeInBackground(fraud);
        EngineThreads.join(a);
        EngineThreads.join(f);
        EngineThreads.closeQuietly(cluster);
    }

    private static Thread closeInBackground(AutoCloseable closeable) {
        if (closeable == null) {
            return null;
        }
        Thread t = EngineThreads.daemon(() -> EngineThreads.closeQuietly(closeable), "engine-stop");
        t.start();
        return t;
    }
}
