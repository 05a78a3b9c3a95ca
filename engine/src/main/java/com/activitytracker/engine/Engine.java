package com.activitytracker.engine;

import com.activitytracker.engine.EngineStatus.State;
import com.activitytracker.engine.backtest.BacktestProgress;
import com.activitytracker.engine.backtest.BacktestRun;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.consumer.ConsumerPipeline.StartFrom;
import com.activitytracker.engine.fraud.FraudSettings;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.kafka.KafkaUnavailableException;
import com.activitytracker.engine.producer.GeneratedTraffic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root and the one API of the headless engine, for the console app and the {@code run}
 * command: it starts the cluster (an embedded broker unless one is configured), the producer and the
 * analytics and fraud consumers, and publishes snapshots, alerts and status to listeners. The work is
 * done by the {@link StreamingPipeline}, which closes everything it opened. Commands may come from any
 * thread; they are handed to the thread that owns the state they change.
 */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final Settings settings;
    private final Clock clock;
    private final MeterRegistry registry;
    private final GeneratedTraffic traffic;
    private final DetectionScoreboard scoreboard = new DetectionScoreboard();
    private final EngineListeners listeners = new EngineListeners();
    private final StartSequence startSequence = new StartSequence();
    private final StreamingPipeline pipeline;
    private final ProducerRate rate;
    private final WhatIfBacktests backtests;
    private volatile FraudThresholds thresholds;
    private volatile boolean closed;
    private long maxEvents;
    private StartFrom fraudFrom = StartFrom.END;

    public Engine(Settings settings) {
        this(settings, Clock.systemUTC(), new SimpleMeterRegistry(), System.nanoTime());
    }

    /** @param seed seed of the simulated traffic, for a repeatable run; a bad FRAUD_* setting throws SettingsException */
    public Engine(Settings settings, Clock clock, MeterRegistry registry, long seed) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = clock;
        this.registry = registry;
        this.traffic = new GeneratedTraffic(seed);
        this.thresholds = FraudSettings.thresholds(settings.values());
        this.pipeline = new StreamingPipeline(clock, registry);
        this.rate = new ProducerRate(settings.eventsPerSecond(), pipeline::producer);
        this.backtests = new WhatIfBacktests(clock);
    }

    /** Makes the producer stop after {@code events} events (the command line's {@code --events}); call before start. */
    public synchronized void limitEvents(long events) {
        requireNew("set the event limit");
        this.maxEvents = events;
    }

    /**
     * Where the fraud detector's group starts; call before start. By default ({@link StartFrom#END}) it
     * starts at the end of the topic, so a demo relaunched on the data of a rehearsal shows no backlog;
     * {@link StartFrom#COMMITTED_OR_LATEST} resumes where the group left off instead.
     */
    public synchronized void startFraudFrom(StartFrom from) {
        requireNew("choose where fraud detection starts");
        this.fraudFrom = Objects.requireNonNull(from);
    }

    /** True once a producer with an event limit has sent them all and has them acknowledged. */
    public boolean producerFinished() {
        return pipeline.producerFinished();
    }

    /** Starts everything on a background thread and returns at once; follow progress with {@link #status()}. */
    public synchronized void start() {
        requireNew("start");
        status(
                State.STARTING,
                settings.bootstrapServers()
                        .map(b -> "Connecting to Kafka at " + b + "…")
                        .orElse("Starting the embedded Kafka broker…"),
                null);
        startSequence.begin(this::startPipeline, this::startFailed);
    }

    /** Starts and waits until streaming; throws {@link EngineStartException} with the reason when it could not. */
    public void startAndAwait(Duration timeout) throws InterruptedException {
        start();
        if (!startSequence.await(timeout)) {
            throw new EngineStartException("the engine did not start within " + timeout.toSeconds() + " s");
        }
        if (status().state() == State.FAILED) {
            throw new EngineStartException(status().message());
        }
    }

    private void startPipeline() throws InterruptedException {
        KafkaCluster c = pipeline.openCluster(settings);
        if (!closed && pipeline.startConsumers(thresholds, fraudFrom, listeners, scoreboard, () -> closed)) {
            pipeline.startProducer(traffic, rate.current(), maxEvents, listeners);
            pipeline.startMonitoring(
                    () -> pipeline.snapshot(status(), rate.paused(), rate.target(), scoreboard, thresholds), listeners);
            status(State.RUNNING, "Streaming", c.bootstrapServers());
            log.info("Engine running on {} at {} events/s", c.bootstrapServers(), rate.target());
        }
    }

    private void startFailed(Exception e) { // Kafka unreachable or its data folder taken: no stack trace
        log.error("Engine failed to start: {}", e.getMessage(), e instanceof KafkaUnavailableException ? null : e);
        pipeline.close();
        status(State.FAILED, e.getMessage(), null);
    }

    /** Stops the producer, the consumers and the embedded broker; returns within a few seconds. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        State before = status().state();
        status(State.STOPPING, "Stopping…", pipeline.bootstrapServersOrNull());
        // let a start under way finish (it sees `closed`), so a broker is never killed half-started
        startSequence.join();
        backtests.close();
        pipeline.close();
        if (before != State.FAILED) {
            status(State.STOPPED, "Stopped", pipeline.bootstrapServersOrNull());
        }
    }

    /** Waits until a producer with an event limit has sent them all; true if it did within the timeout. */
    public boolean awaitProducerFinished(Duration timeout) throws InterruptedException {
        SnapshotPublisher p = pipeline.publisher();
        return p != null && p.await(() -> producerFinished() || closed, timeout) && producerFinished();
    }

    /** Pauses, then waits until every event sent is acknowledged and read by both consumers; the newest snapshot at the timeout. */
    public EngineSnapshot drain(Duration timeout) throws InterruptedException {
        pause();
        SnapshotPublisher p = pipeline.publisher();
        if (p != null) {
            p.await(() -> p.latest() != null && p.latest().isDrained(), timeout);
        }
        return latestSnapshot();
    }

    /** Sets the target rate (events per second); while paused it applies on resume. */
    public void setRate(double eventsPerSecond) {
        rate.set(eventsPerSecond);
    }

    public double targetRate() {
        return rate.target();
    }

    public void pause() {
        rate.pause(true);
    }

    public void resume() {
        rate.pause(false);
    }

    public boolean isPaused() {
        return rate.paused();
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
        pipeline.updateThresholds(newThresholds);
    }

    /** "What if": the last {@code span} replayed through candidate thresholds beside the live ones; live consumers untouched. */
    public BacktestRun whatIf(FraudThresholds candidate, Duration span, BacktestProgress progress) {
        return backtests.start(
                pipeline.cluster(), thresholds, candidate, span, scoreboard.injectedScenarios(), progress);
    }

    /** Clears the figures: analytics, per-user fraud windows, alert counts, the scoreboard, producer counters. */
    public void reset() {
        pipeline.reset();
        scoreboard.reset();
    }

    /** Receives snapshots, alerts and status from now on; close the returned handle to stop. */
    public AutoCloseable subscribe(EngineListener listener) {
        return listeners.subscribe(listener);
    }

    public EngineStatus status() {
        return listeners.status();
    }

    /** The newest published snapshot, or null before the engine runs. */
    public EngineSnapshot latestSnapshot() {
        SnapshotPublisher p = pipeline.publisher();
        return p == null ? null : p.latest();
    }

    public MeterRegistry registry() {
        return registry;
    }

    public Settings settings() {
        return settings;
    }

    /** The settings with the bootstrap servers actually in use, once started. */
    public Settings effectiveSettings() {
        KafkaCluster c = pipeline.cluster();
        return c == null ? settings : c.settings();
    }

    /** Every status says where Kafka is and whether this engine runs it (embedded) itself. */
    private void status(State state, String message, String bootstrapServers) {
        listeners.status(state, message, bootstrapServers, settings.usesEmbeddedBroker());
    }

    private void requireNew(String what) {
        if (status().state() != State.NEW) {
            throw new IllegalStateException("cannot " + what + " once the engine has started");
        }
    }
}
