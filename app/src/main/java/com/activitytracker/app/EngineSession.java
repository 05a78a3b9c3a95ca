package com.activitytracker.app;

import com.activitytracker.app.feed.EngineFeed;
import com.activitytracker.app.model.EngineCommands;
import com.activitytracker.engine.Engine;
import com.activitytracker.engine.backtest.BacktestProgress;
import com.activitytracker.engine.backtest.BacktestReport;
import com.activitytracker.engine.backtest.BacktestRun;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's engine, which a settings change replaces: commands go to the current engine, and
 * every engine publishes into the same {@link EngineFeed}. Starting, restarting and closing block
 * (the broker stops, clients close), so they are called on a background thread, never the FX thread.
 */
public final class EngineSession implements EngineCommands, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineSession.class);

    private final Function<Settings, Engine> engines;
    private final EngineFeed feed;
    private final Object lifecycle = new Object();
    private volatile Settings settings;
    private volatile Engine engine;
    private volatile AutoCloseable subscription;
    private volatile boolean closed;

    /** Creates the engine at once (it does not start until {@link #start()}). */
    public EngineSession(Settings settings, Function<Settings, Engine> engines, EngineFeed feed) {
        this.settings = Objects.requireNonNull(settings);
        this.engines = Objects.requireNonNull(engines);
        this.feed = Objects.requireNonNull(feed);
        this.engine = engines.apply(settings);
    }

    /** The settings as configured (no bootstrap servers: the embedded broker). */
    public Settings settings() {
        return settings;
    }

    /** The current engine. */
    public Engine engine() {
        return engine;
    }

    /** Starts the engine; returns once its start is under way (the broker comes up in the background). */
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            subscription = engine.subscribe(feed);
            engine.start();
        }
    }

    /**
     * Stops the current engine and starts one with the new settings, keeping the rate, the pause
     * state and the thresholds the presenter chose. Blocks while the old engine stops.
     */
    public void restart(Settings newSettings) {
        Objects.requireNonNull(newSettings);
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            Engine old = engine;
            stop(old);
            // read after the stop: a change the presenter made while the old engine stopped still counts
            double rate = old.targetRate();
            boolean paused = old.isPaused();
            FraudThresholds thresholds = old.thresholds();
            Engine next = engines.apply(newSettings.withEventsPerSecond(rate));
            next.updateThresholds(thresholds);
            if (paused) {
                next.pause();
            }
            settings = newSettings;
            engine = next;
            subscription = next.subscribe(feed);
            next.start();
            log.info("Engine restarted with {}", newSettings.bootstrapServers().orElse("the embedded broker"));
        }
    }

    /** Stops the engine and its embedded broker; blocks for a few seconds at most. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            stop(engine);
        }
    }

    private void stop(Engine e) {
        // the feed still hears STOPPING and STOPPED; it is detached after
        e.close();
        AutoCloseable s = subscription;
        subscription = null;
        if (s != null) {
            try {
                s.close();
            } catch (Exception ex) {
                log.warn("Could not unsubscribe from the engine: {}", ex.getMessage());
            }
        }
    }

    // ---- EngineCommands: quick, handed over to the engine's threads -----------------------------

    @Override
    public void setRate(double eventsPerSecond) {
        engine.setRate(eventsPerSecond);
    }

    @Override
    public double targetRate() {
        return engine.targetRate();
    }

    @Override
    public void pause() {
        engine.pause();
    }

    @Override
    public void resume() {
        engine.resume();
    }

    @Override
    public boolean isPaused() {
        return engine.isPaused();
    }

    @Override
    public void reset() {
        engine.reset();
    }

    @Override
    public InjectedScenario inject(Scenario scenario) {
        return engine.inject(scenario);
    }

    @Override
    public FraudThresholds thresholds() {
        return engine.thresholds();
    }

    @Override
    public void updateThresholds(FraudThresholds thresholds) {
        engine.updateThresholds(thresholds);
    }

    @Override
    public CompletableFuture<BacktestReport> whatIf(
            FraudThresholds candidate, Duration span, BacktestProgress progress) {
        BacktestRun run = engine.whatIf(candidate, span, progress);
        CompletableFuture<BacktestReport> handle = new CompletableFuture<>();
        run.result().whenComplete((report, failure) -> {
            if (failure != null) {
                handle.completeExceptionally(failure);
            } else {
                handle.complete(report);
            }
        });
        // cancelling the handle stops the replay (a CompletableFuture cannot interrupt its producer)
        handle.whenComplete((report, failure) -> {
            if (handle.isCancelled()) {
                run.cancel();
            }
        });
        return handle;
    }
}
