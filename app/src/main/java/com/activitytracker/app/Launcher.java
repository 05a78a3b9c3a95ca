package com.activitytracker.app;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.cli.TrackerCli;
import com.activitytracker.engine.config.MetricsPort;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsException;
import com.activitytracker.engine.config.SettingsLoader;
import com.activitytracker.engine.observability.LogSetup;
import com.activitytracker.engine.observability.MetricsExport;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;
import org.slf4j.LoggerFactory;

/**
 * Starts the console. Not a JavaFX {@code Application}, so that a plain or shaded jar starts JavaFX
 * from the class path; the toolkit is started with {@link Platform#startup}, and the process exits
 * with the code the console hands back once it has stopped the engine.
 *
 * <p>What the presenter sees first comes first: the JVM's splash screen (see {@link StartupSplash}),
 * then the {@link StartingWindow} as soon as the toolkit is up. Settings, logging (Logback's
 * configuration), the metrics endpoint and the engine's start are done on another thread meanwhile, and nothing here
 * touches Logback before then (no static logger), so its configuration is read once, after the
 * settings say where the logs go.
 */
public final class Launcher {
    /** How long {@code --startup-check} waits for the first counted event. */
    private static final long STARTUP_CHECK_SECONDS = 60;

    private Launcher() {}

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            StartupSplash.close();
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            StartupSplash.close();
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        if (options.selfTest()) {
            StartupSplash.close();
            // the engine's own self-test: no display needed, so an installed runtime can be proven anywhere
            System.exit(TrackerCli.execute(System.out, System.err, "self-test"));
            return;
        }
        StartupTimes times = StartupTimes.fromProperty();
        SettingsLoader loader = SettingsLoader.forProcess();
        Path envFile = options.envFile().orElse(null);
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        // settings, logging, metrics and the engine's start (the broker's is the longest part) while the
        // toolkit starts; the window needs none of them
        CompletableFuture<Prepared> prepared =
                CompletableFuture.supplyAsync(() -> prepare(loader, envFile, options, exitCode));
        Platform.setImplicitExit(false);
        // this jar runs JavaFX from the class path on purpose: no "Unsupported JavaFX configuration" alarm
        ClassPathJavaFx.quietUnsupportedConfigurationWarning(Platform.class.getModule());
        try {
            Platform.startup(() -> {
                Stage stage = new Stage();
                // a window on screen as soon as the toolkit is up; the console fills it a moment later
                StartingWindow.show(stage);
                times.windowShown(stage);
                prepared.thenAccept(p -> Platform.runLater(() -> startConsole(stage, p, options, exitCode, times)));
            });
        } catch (UnsupportedOperationException | IllegalStateException e) {
            StartupSplash.close();
            System.err.println("Cannot open the console window: " + e.getMessage()
                    + " (it needs a desktop session; the engine alone runs headless: activity-tracker-engine.jar run)");
            prepared.thenAccept(p -> p.console().session().close()).join();
            System.exit(1);
        }
        Prepared p;
        try {
            p = prepared.join();
        } catch (CompletionException e) {
            // a settings error: said in one line, as before the window existed
            System.err.println(e.getCause().getMessage());
            System.exit(2);
            return;
        }
        int code = exitCode.join();
        p.metrics().close();
        System.exit(code);
    }

    /** What the console needs besides the window; its engine is already starting. */
    private record Prepared(MetricsExport metrics, TrackerConsole console) {}

    private static Prepared prepare(
            SettingsLoader loader, Path envFile, LaunchOptions options, CompletableFuture<Integer> exitCode) {
        Settings settings = loader.load(envFile, Map.of());
        LogSetup.apply(settings, "WARN", "console");
        // the engine first: its broker's start is the longest part of a launch, and Prometheus, JMX and the
        // JVM's meters load while it runs (the engine's meters are exported with them)
        MetricsExport metrics = MetricsExport.unexported("console");
        TrackerConsole console = new TrackerConsole(
                settings,
                overrides -> loader.load(envFile, overrides),
                options.snapshotDir().orElseGet(DashboardSnapshots::defaultFolder),
                Clock.systemDefaultZone(),
                code -> {
                    Platform.exit();
                    exitCode.complete(code);
                },
                s -> new Engine(s, Clock.systemUTC(), metrics.engineScope(), System.nanoTime()));
        console.startEngine();
        // Ctrl+C or a kill in the terminal stops the engine and its broker too
        Runtime.getRuntime().addShutdownHook(new Thread(() -> console.session().close(), "console-shutdown"));
        exportMetrics(metrics, settings);
        return new Prepared(metrics, console);
    }

    /** Metrics on METRICS_PORT (default 9464); a port already taken costs the endpoint, not the demo. */
    private static void exportMetrics(MetricsExport metrics, Settings settings) {
        try {
            metrics.export(MetricsPort.of(settings, true));
        } catch (SettingsException e) {
            System.err.println(e.getMessage() + " (the console runs without its metrics endpoint)");
            metrics.export(new MetricsPort(MetricsPort.OFF));
        }
    }

    private static void startConsole(
            Stage stage,
            Prepared prepared,
            LaunchOptions options,
            CompletableFuture<Integer> exitCode,
            StartupTimes times) {
        TrackerConsole console = prepared.console();
        try {
            console.start(stage);
            ObservableValue<String> total =
                    console.model().dashboard().tile("total-events").valueProperty();
            times.watchFirstEvent(total);
            if (options.startupCheck()) {
                StartupTimes.onFirstEvent(total, () -> console.shutdown(0));
                CompletableFuture.delayedExecutor(STARTUP_CHECK_SECONDS, TimeUnit.SECONDS)
                        .execute(() -> Platform.runLater(() -> console.shutdown(1)));
            }
            options.screenshotDir().ifPresent(dir -> console.runScreenshotTour(dir, options.screenshotSizes()));
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Launcher.class).error("The console could not start: {}", e.getMessage(), e);
            CompletableFuture.runAsync(() -> console.session().close()).whenComplete((ok, error) -> {
                Platform.exit();
                exitCode.complete(1);
            });
        }
    }
}
