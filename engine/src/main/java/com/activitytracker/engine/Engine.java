package com.activitytracker.engine;

import com.activitytracker.engine.EngineStatus.State;
import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.consumer.AnalyticsProcessor;
import com.activitytracker.engine.consumer.ConsumerStats;
import com.activitytracker.engine.consumer.ConsumerWorker;
import com.activitytracker.engine.consumer.FraudDetectionProcessor;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudSettings;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.observability.Figures;
import com.activitytracker.engine.observability.RoleLog;
import com.activitytracker.engine.producer.ActivityProducer;
import com.activitytracker.engine.producer.GeneratedTraffic;
import com.activitytracker.engine.producer.ProducerStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root and the one API of the headless engine: it starts the cluster (an embedded
 * broker unless one is configured), the producer and the analytics and fraud consumers, each on its
 * own thread, and publishes immutable snapshots, alerts and status to listeners. The console app and
 * the {@code run} command drive everything through this class.
 *
 * <p>Commands (rate, pause, inject, thresholds, reset) may come from any thread; they are handed to
 * the thread that owns the state they change.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final long PUBLISH_EVERY_MS = 250;
    private static final long HEALTH_EVERY_MS = 2_000;
    private static final long METRICS_LOG_EVERY_MS = 30_000;
    private static final Duration ASSIGNMENT_TIMEOUT = Duration.ofSeconds(20);
    private static final String FRAUD_GROUP = "activity-tracker-fraud";

    private final Settings settings;
    private final RoleLog summaryLog = new RoleLog("engine");
    private final Clock clock;
    private final MeterRegistry registry;
    private final GeneratedTraffic traffic;
    private final DetectionScoreboard scoreboard = new DetectionScoreboard();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
        Thread t = new Thread(runnable, "engine-publisher");
        t.setDaemon(true);
        return t;
    });

    private volatile EngineStatus status = EngineStatus.of(State.NEW, "Not started", null, false);
    private volatile double targetRate;
    private volatile boolean paused;
    private volatile FraudThresholds thresholds;
    private volatile EngineSnapshot latest;
    private volatile ProducerStats baseline;
    private volatile KafkaCluster cluster;
    private volatile ActivityProducer producer;
    private volatile ConsumerWorker analyticsWorker;
    private volatile ConsumerWorker fraudWorker;
    private volatile AnalyticsProcessor analytics;
    private volatile FraudDetectionProcessor fraud;
    private volatile boolean closed;
    private Thread starter;
    private final Object published = new Object();
    private long maxEvents;
    private long lastMetricsLog;

    public Engine(Settings settings) {
        this(settings, Clock.systemUTC(), new SimpleMeterRegistry(), System.nanoTime());
    }

    /**
     * @param seed seed of the simulated traffic, for a repeatable run
     * @throws com.activitytracker.engine.config.SettingsException when a FRAUD_* setting is bad
     */
    public Engine(Settings settings, Clock clock, MeterRegistry registry, long seed) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = clock;
        this.registry = registry;
        this.traffic = new GeneratedTraffic(seed);
        this.targetRate = settings.eventsPerSecond();
        this.thresholds = FraudSettings.thresholds(settings.values());
    }

    // ---- Lifecycle ------------------------------------------------------------------------------

    /** Makes the producer stop after {@code events} events (the command line's {@code --events}); call before start. */
    public synchronized void limitEvents(long events) {
        if (status.state() != State.NEW) {
            throw new IllegalStateException("set the event limit before starting");
        }
        this.maxEvents = events;
    }

    /** True once a producer with an event limit has sent them all and has them acknowledged. */
    public boolean producerFinished() {
        ActivityProducer p = producer;
        return p != null && !p.isRunning();
    }

    /** Starts everything on a background thread and returns at once; follow progress with {@link #status()}. */
    public synchronized void start() {
        if (status.state() != State.NEW) {
            throw new IllegalStateException("engine already started");
        }
        setStatus(State.STARTING, settings.usesEmbeddedBroker() ? "Starting the embedded Kafka broker…"
                : "Connecting to Kafka at " + settings.bootstrapServers().orElseThrow() + "…", null, settings.usesEmbeddedBroker());
        starter = new Thread(this::startPipeline, "engine-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Starts and waits until streaming.
     *
     * @throws EngineStartException when the engine could not start, with the reason
     */
    public void startAndAwait(Duration timeout) throws InterruptedException {
        start();
        if (!started.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new EngineStartException("the engine did not start within " + timeout.toSeconds() + " s");
        }
        if (status.state() == State.FAILED) {
            throw new EngineStartException(status.message());
        }
    }

    private void startPipeline() {
        try {
            KafkaCluster c = KafkaCluster.open(settings, KafkaCluster.CONNECT_TIMEOUT);
            cluster = c;
            if (closed) {
                c.close();
                return;
            }
            startConsumers(c);
            if (closed) {
                return;
            }
            startProducer(c);
            if (closed) {
                return;
            }
            scheduler.scheduleAtFixedRate(this::publish, 0, PUBLISH_EVERY_MS, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(this::checkHealth, HEALTH_EVERY_MS, HEALTH_EVERY_MS, TimeUnit.MILLISECONDS);
            setStatus(State.RUNNING, "Streaming", c.bootstrapServers(), c.embeddedBroker().isPresent());
            log.info("Engine running on {} at {} events/s", c.bootstrapServers(), targetRate);
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            log.error("Engine failed to start: {}", e.getMessage(), e);
            stopPipeline();
            setStatus(State.FAILED, e.getMessage(), null, settings.usesEmbeddedBroker());
        } finally {
            started.countDown();
        }
    }

    private void startConsumers(KafkaCluster c) throws InterruptedException {
        KafkaClientFactory clients = c.clients();
        Settings s = c.settings();
        KafkaProducer<byte[], byte[]> analyticsDlq = clients.rawProducer("analytics-dlq");
        analytics = new AnalyticsProcessor(analyticsDlq, s.dlqTopic(), clock, registry, s.statsInterval(),
                snapshot -> listeners.forEach(l -> safely(l::onAnalyticsReport, snapshot)));
        // a dashboard reads every partition, so each engine has a group of its own
        String analyticsGroup = "activity-tracker-analytics-" + UUID.randomUUID();
        analyticsWorker = new ConsumerWorker("analytics", () -> instrumented(clients.consumer(analyticsGroup, "analytics", false)),
                s.activitiesTopic(), analytics, clock, null);
        KafkaProducer<byte[], byte[]> alerts = clients.rawProducer("fraud-alerts");
        fraud = new FraudDetectionProcessor(thresholds, alerts, s.alertsTopic(), s.dlqTopic(), clock, registry, this::onAlert);
        fraudWorker = new ConsumerWorker("fraud", () -> instrumented(clients.consumer(FRAUD_GROUP, "fraud", false)),
                s.activitiesTopic(), fraud, clock, null);
        analyticsWorker.start();
        fraudWorker.start();
        // consumers read from "latest": wait until they own their partitions, so the first events count
        long deadline = System.nanoTime() + ASSIGNMENT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !closed
                && (analyticsWorker.stats().partitions() == 0 || fraudWorker.stats().partitions() == 0)) {
            if (analyticsWorker.awaitFinished(Duration.ofMillis(50)) || fraudWorker.awaitFinished(Duration.ZERO)) {
                throw new EngineStartException("a consumer stopped while starting: "
                        + firstNonNull(analyticsWorker.stats().error(), fraudWorker.stats().error()));
            }
        }
    }

    private void startProducer(KafkaCluster c) {
        KafkaClientFactory clients = c.clients();
        producer = ActivityProducer.builder(() -> instrumented(clients.producer("activity-producer")),
                        c.settings().activitiesTopic(), traffic)
                .rate(paused ? 0 : targetRate)
                .maxEvents(maxEvents)
                .clock(clock)
                .registry(registry)
                .onProgress(c.settings().statsInterval(), stats -> listeners.forEach(l -> safely(l::onProducerProgress, stats)))
                .build();
        baseline = producer.stats();
        producer.start();
    }

    /** Stops the producer, the consumers and the embedded broker; returns within a few seconds. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        State before = status.state();
        setStatus(State.STOPPING, "Stopping…", bootstrapServersOrNull(), settings.usesEmbeddedBroker());
        scheduler.shutdownNow();
        // closing while the broker still starts: let the start finish (it sees `closed` and stops
        // early), so the broker is never killed half-started when the process exits right after
        joinQuietly(starter);
        stopPipeline();
        if (before != State.FAILED) {
            setStatus(State.STOPPED, "Stopped", bootstrapServersOrNull(), settings.usesEmbeddedBroker());
        }
    }

    private void stopPipeline() {
        closeQuietly(producer);
        Thread a = closeInBackground(analyticsWorker);
        Thread f = closeInBackground(fraudWorker);
        joinQuietly(a);
        joinQuietly(f);
        closeQuietly(cluster);
    }

    /** Waits until a producer with an event limit has sent them all; true if it did within the timeout. */
    public boolean awaitProducerFinished(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (published) {
            while (!producerFinished()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || closed) {
                    return false;
                }
                published.wait(left);
            }
            return true;
        }
    }

    /**
     * Pauses the producer and waits until every event it sent is acknowledged and read by both
     * consumers, so final figures count everything.
     *
     * @return the snapshot at that moment, or the newest one when the timeout passed first
     */
    public EngineSnapshot drain(Duration timeout) throws InterruptedException {
        pause();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (published) {
            while (true) {
                EngineSnapshot s = latest;
                if (s != null && isDrained(s)) {
                    return s;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || closed) {
                    return s;
                }
                published.wait(left);
            }
        }
    }

    private static boolean isDrained(EngineSnapshot s) {
        long delivered = s.producer().delivered();
        return s.producer().inFlight() == 0
                && s.analyticsConsumer().lagRecords() == 0 && s.analyticsConsumer().processed() >= delivered
                // the analytics figures are snapshotted on the consumer's tick: wait for one that counts everything
                && s.analytics().eventsTotal() + s.analytics().invalidRecords() >= delivered
                && s.fraudConsumer().lagRecords() == 0 && s.fraudConsumer().processed() >= delivered;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Sets the target rate (events per second); while paused it applies on resume. */
    public void setRate(double eventsPerSecond) {
        if (!(eventsPerSecond >= 0) || eventsPerSecond > com.activitytracker.engine.config.SettingsLoader.MAX_RATE) {
            throw new IllegalArgumentException("rate must be from 0 to "
                    + (long) com.activitytracker.engine.config.SettingsLoader.MAX_RATE + " events per second");
        }
        targetRate = eventsPerSecond;
        ActivityProducer p = producer;
        if (p != null && !paused) {
            p.setRate(eventsPerSecond);
        }
    }

    public double targetRate() {
        return targetRate;
    }

    public void pause() {
        paused = true;
        ActivityProducer p = producer;
        if (p != null) {
            p.setRate(0);
        }
    }

    public void resume() {
        paused = false;
        ActivityProducer p = producer;
        if (p != null) {
            p.setRate(targetRate);
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** Injects an attack into the live stream; its events go out within about 1.5 s, even while paused. */
    public InjectedScenario inject(Scenario scenario) {
        InjectedScenario injected = traffic.inject(Objects.requireNonNull(scenario), clock.instant());
        scoreboard.injected(injected);
        log.info("Injected scenario {} as user {}", scenario, injected.userId());
        return injected;
    }

    public FraudThresholds thresholds() {
        return thresholds;
    }

    /** New thresholds apply to the next event the detector sees. */
    public void updateThresholds(FraudThresholds newThresholds) {
        thresholds = Objects.requireNonNull(newThresholds);
        FraudDetectionProcessor f = fraud;
        if (f != null) {
            f.updateThresholds(newThresholds);
        }
    }

    /** Clears the figures: analytics, per-user fraud windows, alert counts, the scoreboard, producer counters. */
    public void reset() {
        AnalyticsProcessor a = analytics;
        if (a != null) {
            a.requestReset();
        }
        FraudDetectionProcessor f = fraud;
        if (f != null) {
            f.requestReset();
        }
        scoreboard.reset();
        ActivityProducer p = producer;
        if (p != null) {
            baseline = p.stats();
        }
    }

    // ---- Queries and subscriptions -------------------------------------------------------------

    /** Receives snapshots, alerts and status from now on; close the returned handle to stop. */
    public AutoCloseable subscribe(EngineListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        safely(listener::onStatus, status);
        return () -> listeners.remove(listener);
    }

    public EngineStatus status() {
        return status;
    }

    /** The newest published snapshot, or null before the engine runs. */
    public EngineSnapshot latestSnapshot() {
        return latest;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public Settings settings() {
        return settings;
    }

    /** The settings with the bootstrap servers actually in use, once started. */
    public Settings effectiveSettings() {
        KafkaCluster c = cluster;
        return c == null ? settings : c.settings();
    }

    // ---- Engine threads ------------------------------------------------------------------------

    private void onAlert(FraudAlert alert) {
        scoreboard.alert(alert);
        listeners.forEach(l -> safely(l::onAlert, alert));
    }

    private void publish() {
        try {
            EngineSnapshot snapshot = snapshot();
            latest = snapshot;
            synchronized (published) {
                published.notifyAll();
            }
            listeners.forEach(l -> safely(l::onSnapshot, snapshot));
            long now = System.currentTimeMillis();
            if (now - lastMetricsLog >= METRICS_LOG_EVERY_MS) {
                lastMetricsLog = now;
                logMetricsSummary(snapshot);
            }
        } catch (RuntimeException e) {
            log.warn("Could not publish a snapshot: {}", e.getMessage(), e);
        }
    }

    private EngineSnapshot snapshot() {
        ProducerStats raw = producer.stats();
        ProducerStats base = baseline;
        ProducerStats p = new ProducerStats(raw.sent() - base.sent(), raw.delivered() - base.delivered(),
                raw.failed() - base.failed(), targetRate, raw.actualRate(), raw.averageRate(), raw.activeSessions(),
                raw.elapsed(), raw.lastDelivery(), raw.running(), raw.error());
        AnalyticsSnapshot a = analytics.latest();
        ConsumerStats ac = analyticsWorker.stats();
        ConsumerStats fc = fraudWorker.stats();
        return new EngineSnapshot(clock.instant(), status, paused, p, a, ac, fc, fraud.eventsChecked(),
                scoreboard.total(), scoreboard.bySeverity(), scoreboard.byRule(),
                LatencyPercentiles.of(analytics.endToEndLatency()), LatencyPercentiles.of(fraud.detectionLatency()),
                scoreboard.entries(), thresholds);
    }

    private void logMetricsSummary(EngineSnapshot s) {
        Map<String, Object> figures = new LinkedHashMap<>(Figures.producer(s.producer()));
        figures.put("analysed", s.analytics().eventsTotal());
        figures.put("fraud_checked", s.fraudEventsChecked());
        figures.put("alerts", s.alertsTotal());
        figures.put("lag_records", Math.max(0, s.analyticsConsumer().lagRecords()) + Math.max(0, s.fraudConsumer().lagRecords()));
        figures.put("e2e_p50_ms", RoleLog.round2(s.endToEnd().p50Millis()));
        figures.put("e2e_p99_ms", RoleLog.round2(s.endToEnd().p99Millis()));
        figures.put("revenue_total", RoleLog.round2(s.analytics().revenueTotal()));
        summaryLog.summary(figures);
    }

    /** Tells the app when the cluster stops answering and when it is back. */
    private void checkHealth() {
        KafkaCluster c = cluster;
        if (c == null || closed) {
            return;
        }
        boolean reachable;
        try (Admin admin = c.clients().admin()) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(1_500)).nodes().get(2, TimeUnit.SECONDS);
            reachable = true;
        } catch (Exception e) {
            reachable = false;
        }
        State state = status.state();
        if (!reachable && state == State.RUNNING) {
            setStatus(State.DISCONNECTED, "Lost the connection to Kafka at " + c.bootstrapServers() + "; retrying…",
                    c.bootstrapServers(), c.embeddedBroker().isPresent());
        } else if (reachable && state == State.DISCONNECTED) {
            setStatus(State.RUNNING, "Connection to Kafka is back", c.bootstrapServers(), c.embeddedBroker().isPresent());
        }
    }

    private void setStatus(State state, String message, String bootstrap, boolean embedded) {
        EngineStatus s = EngineStatus.of(state, message, bootstrap, embedded);
        status = s;
        listeners.forEach(l -> safely(l::onStatus, s));
    }

    private <T> T instrumented(T client) {
        if (client instanceof KafkaProducer<?, ?> p) {
            new KafkaClientMetrics(p).bindTo(registry);
        } else if (client instanceof org.apache.kafka.clients.consumer.KafkaConsumer<?, ?> c) {
            new KafkaClientMetrics(c).bindTo(registry);
        }
        return client;
    }

    private String bootstrapServersOrNull() {
        KafkaCluster c = cluster;
        return c == null ? null : c.bootstrapServers();
    }

    private static <T> void safely(Consumer<T> call, T value) {
        try {
            call.accept(value);
        } catch (RuntimeException e) {
            log.warn("A listener failed: {}", e.getMessage(), e);
        }
    }

    private static Thread closeInBackground(AutoCloseable closeable) {
        if (closeable == null) {
            return null;
        }
        Thread t = new Thread(() -> closeQuietly(closeable), "engine-stop");
        t.start();
        return t;
    }

    private static void joinQuietly(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Error while stopping {}: {}", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
