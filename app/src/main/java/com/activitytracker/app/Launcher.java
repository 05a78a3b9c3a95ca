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
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the console. Not a JavaFX {@code Application}, so that a plain or shaded jar starts JavaFX
 * from the class path; the toolkit is started with {@link Platform#startup}, and the process exits
 * with the code the console hands back once it has stopped the engine.
 */
public final class Launcher {
    private static final Logger log = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {}

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        if (options.selfTest()) {
            // the engine's own self-test: no display needed, so an installed runtime can be proven anywhere
            System.exit(TrackerCli.execute(System.out, System.err, "self-test"));
            return;
        }
        SettingsLoader loader = SettingsLoader.forProcess();
        Path envFile = options.envFile().orElse(null);
        Settings settings;
        try {
            settings = loader.load(envFile, Map.of());
        } catch (SettingsException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        LogSetup.apply(settings, "WARN", "console");
        MetricsExport metrics = startMetrics(settings);

        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        try {
            openWindow(settings, loader, envFile, options, exitCode, metrics);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("Cannot open the console window: " + e.getMessage()
                    + " (it needs a desktop session; the engine alone runs headless: activity-tracker-engine.jar run)");
            System.exit(1);
        }
        int code = exitCode.join();
        metrics.close();
        System.exit(code);
    }

    /** Metrics on METRICS_PORT (default 9464); a port already taken costs the endpoint, not the demo. */
    private static MetricsExport startMetrics(Settings settings) {
        try {
            return MetricsExport.start("console", MetricsPort.of(settings, true));
        } catch (SettingsException e) {
            System.err.println(e.getMessage() + " (the console runs without its metrics endpoint)");
            return MetricsExport.start("console", new MetricsPort(MetricsPort.OFF));
        }
    }

    private static void openWindow(
            Settings settings,
            SettingsLoader loader,
            Path envFile,
            LaunchOptions options,
            CompletableFuture<Integer> exitCode,
            MetricsExport metrics) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            // a window on screen as soon as the toolkit is up; the console fills it a moment later
            StartingWindow.show(stage);
            Platform.runLater(() -> startConsole(stage, settings, loader, envFile, options, exitCode, metrics));
        });
    }

    private static void startConsole(
            Stage stage,
            Settings settings,
            SettingsLoader loader,
            Path envFile,
            LaunchOptions options,
            CompletableFuture<Integer> exitCode,
            MetricsExport metrics) {
        try {
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
            console.start(stage);
            // Ctrl+C or a kill in the terminal stops the engine and its broker too
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> console.session().close(), "console-shutdown"));
            options.screenshotDir().ifPresent(dir -> console.runScreenshotTour(dir, options.screenshotSizes()));
        } catch (RuntimeException e) {
            log.error("The console could not start: {}", e.getMessage(), e);
            Platform.exit();
            exitCode.complete(1);
        }
    }
}
