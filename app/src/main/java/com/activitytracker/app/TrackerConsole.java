package com.activitytracker.app;

import com.activitytracker.app.feed.EngineFeed;
import com.activitytracker.app.feed.FeedPump;
import com.activitytracker.app.feed.FeedUpdate;
import com.activitytracker.app.model.ConsoleModel;
import com.activitytracker.app.model.KafkaViewModel;
import com.activitytracker.app.model.MainModel;
import com.activitytracker.app.model.SettingsModel;
import com.activitytracker.app.model.WhatIfModel;
import com.activitytracker.app.view.ConsoleView;
import com.activitytracker.app.view.KafkaView;
import com.activitytracker.app.view.SettingsDialog;
import com.activitytracker.app.view.Shortcuts;
import com.activitytracker.app.view.ThemeStyler;
import com.activitytracker.app.view.ViewActions;
import com.activitytracker.app.view.WhatIfDialog;
import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.observability.LogSetup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's composition root: creates the engine session, the coalescing feed, the presentation
 * models, the view, the shortcuts and the background executor, and owns their lifecycle. Closing the
 * window stops the engine on a background thread and then hands the exit code to {@code exit}.
 */
public final class TrackerConsole {
    private static final Logger log = LoggerFactory.getLogger(TrackerConsole.class);
    /** The engine gets this long to stop before the console exits regardless. */
    public static final long SHUTDOWN_SECONDS = 5;
    /**
     * The window's smallest size (on a smaller screen, the screen): a 1280x720 laptop's at a display scale of
     * 125 % (1024x576) less a task bar, where the three columns and the four cards still fit
     * ({@link com.activitytracker.app.view.ThemeStyler#SHORT_CLASS}).
     */
    static final WindowSize SMALLEST = new WindowSize(1024, 540);

    private final Settings settings;
    private final Function<Map<String, String>, Settings> settingsLoader;
    private final Path snapshotFolder;
    private final Clock clock;
    private final IntConsumer exit;
    private final ExecutorService background = Executors.newFixedThreadPool(2, new WorkerThreads());

    /** Every engine the session runs publishes here; the pump takes it to the FX thread. */
    private final EngineFeed feed = new EngineFeed();

    private final EngineSession session;
    private boolean engineStarted;
    private ConsoleModel model;
    private FeedPump pump;
    private Stage stage;
    private DashboardSnapshots snapshots;
    private CompletableFuture<Void> shutdown;
    private WhatIfModel whatIf;
    private EngineKafkaTaps kafkaTaps;
    private KafkaViewModel kafka;
    private KafkaView kafkaView;

    /**
     * @param settingsLoader resolves settings with the settings dialog's overrides (throws SettingsException)
     * @param exit           receives the exit code once the engine has stopped (on the FX thread)
     */
    public TrackerConsole(
            Settings settings,
            Function<Map<String, String>, Settings> settingsLoader,
            Path snapshotFolder,
            Clock clock,
            IntConsumer exit) {
        this(settings, settingsLoader, snapshotFolder, clock, exit, Engine::new);
    }

    /** @param engines creates each engine (the launcher's hands them the process's metrics registry) */
    public TrackerConsole(
            Settings settings,
            Function<Map<String, String>, Settings> settingsLoader,
            Path snapshotFolder,
            Clock clock,
            IntConsumer exit,
            Function<Settings, Engine> engines) {
        this.settings = Objects.requireNonNull(settings);
        this.settingsLoader = Objects.requireNonNull(settingsLoader);
        this.snapshotFolder = Objects.requireNonNull(snapshotFolder);
        this.clock = Objects.requireNonNull(clock);
        this.exit = Objects.requireNonNull(exit);
        this.session = new EngineSession(settings, Objects.requireNonNull(engines), feed);
    }

    /**
     * Starts the engine in the background, if not yet started. The launcher calls it before the
     * window exists, so the broker comes up while JavaFX starts; {@link #start(Stage)} calls it otherwise.
     */
    public synchronized void startEngine() {
        if (!engineStarted) {
            engineStarted = true;
            background.execute(session::start);
        }
    }

    /** Builds and shows the console and starts the engine in the background. Call on the FX thread. */
    public void start(Stage primaryStage) {
        this.stage = primaryStage;
        snapshots = new DashboardSnapshots(
                snapshotFolder,
                () -> stage.getScene(),
                () -> session.engine().latestSnapshot(),
                () -> model.main().themeProperty().get(),
                background,
                clock);
        MainModel main = new MainModel(snapshots, Platform::runLater);
        main.showLogFile(LogSetup.logFile(settings));
        model = new ConsoleModel(session, main, clock);

        whatIf = new WhatIfModel(session, model.thresholds(), Platform::runLater);
        kafkaTaps = new EngineKafkaTaps(session);
        kafka = new KafkaViewModel(
                kafkaTaps,
                Platform::runLater,
                background,
                clock.getZone(),
                () -> model.alerts().allAlerts());
        // the Kafka view reads the engine in use: it closes its reader when the engine stops, opens one when it runs
        main.engineStateProperty().addListener((obs, old, state) -> {
            if (state == EngineStatus.State.RUNNING && kafkaView != null && kafkaView.isShowing()) {
                kafka.open();
            } else if (state == EngineStatus.State.STOPPING
                    || state == EngineStatus.State.STOPPED
                    || state == EngineStatus.State.FAILED) {
                kafka.close();
            }
        });
        ViewActions actions = new ViewActions(
                this::openSettings,
                () -> new WhatIfDialog(whatIf, stage).show(),
                () -> shutdown(0),
                this::openKafkaView);
        Shortcuts shortcuts = new Shortcuts(model, actions);
        ConsoleView view = new ConsoleView(model, actions, shortcuts);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowPlacement place =
                WindowPlacement.on(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
        Scene scene = new Scene(view.root(), place.width(), place.height());
        ThemeStyler.bind(scene, main.themeProperty(), main.presenterModeProperty());
        shortcuts.install(scene);

        stage.setTitle("Activity Tracker: live on Apache Kafka");
        stage.setScene(scene);
        stage.setMinWidth(Math.min(SMALLEST.width(), screen.getWidth()));
        stage.setMinHeight(Math.min(SMALLEST.height(), screen.getHeight()));
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setMaximized(place.maximised());
        stage.setFullScreenExitHint("F11 or Esc leaves full screen");
        main.fullScreenProperty().addListener((obs, old, on) -> stage.setFullScreen(on));
        stage.fullScreenProperty().addListener((obs, old, on) -> main.fullScreenChanged(on));
        stage.setOnCloseRequest(e -> {
            e.consume();
            shutdown(0);
        });

        pump = new FeedPump(feed, model::apply);
        pump.start();
        stage.show();
        startEngine();
    }

    /**
     * Streams, injects every scenario, saves the dashboard's screenshots into {@code folder} (also at
     * each of {@code sizes}), then exits.
     */
    void runScreenshotTour(Path folder, List<WindowSize> sizes) {
        new ScreenshotTour(
                        model,
                        snapshots,
                        folder,
                        this::shutdown,
                        sizes,
                        this::resize,
                        whatIf,
                        () -> new WhatIfDialog(whatIf, stage))
                .withKafkaView(
                        () -> {
                            openKafkaView();
                            return kafkaView;
                        },
                        kafka)
                .start();
    }

    /** Sets the window (not maximised) to a size, e.g. to check or shoot the layout at a given screen size. */
    void resize(WindowSize size) {
        stage.setMaximized(false);
        stage.setFullScreen(false);
        stage.setWidth(size.width());
        stage.setHeight(size.height());
    }

    /**
     * Stops the engine on a background thread (at most {@link #SHUTDOWN_SECONDS}), then hides the
     * window and hands {@code exitCode} over. Safe to call more than once.
     */
    public synchronized CompletableFuture<Void> shutdown(int exitCode) {
        if (shutdown != null) {
            return shutdown;
        }
        Runnable onScreen = () -> {
            model.main().showNotice("Stopping the engine…");
            kafka.close();
            if (kafkaView != null) {
                kafkaView.close();
            }
        };
        if (Platform.isFxApplicationThread()) {
            onScreen.run();
        } else {
            Platform.runLater(onScreen); // the Kafka view's readers are closed below in any case
        }
        shutdown = CompletableFuture.runAsync(
                        () -> {
                            closeKafkaReaders();
                            session.close();
                        },
                        background)
                .orTimeout(SHUTDOWN_SECONDS, TimeUnit.SECONDS)
                .handle((ok, error) -> {
                    if (error != null) {
                        log.warn("The engine did not stop cleanly: {}", error.toString());
                    }
                    return null;
                })
                .thenRunAsync(
                        () -> {
                            pump.stop();
                            model.apply(feedAfterStop());
                            stage.hide();
                            background.shutdownNow();
                            exit.accept(exitCode);
                        },
                        Platform::runLater);
        return shutdown;
    }

    private void openSettings() {
        SettingsModel settingsModel =
                new SettingsModel(session.settings(), settingsLoader, this::restart, background, Platform::runLater);
        new SettingsDialog(settingsModel, stage).show();
    }

    private void restart(Settings newSettings) {
        model.main().showNotice("Restarting the engine with the new settings…");
        kafka.close(); // it reads the old engine's cluster; it opens again once the new engine runs
        CompletableFuture.runAsync(
                        () -> {
                            closeKafkaReaders();
                            session.restart(newSettings);
                        },
                        background)
                .whenCompleteAsync(
                        (ok, error) -> {
                            model.engineReplaced();
                            model.main()
                                    .showNotice(
                                            error == null
                                                    ? "Engine restarted with the new settings"
                                                    : "Could not restart the engine: " + error.getMessage());
                        },
                        Platform::runLater);
    }

    /** Opens the Kafka view (or brings it to the front); its reader starts once the engine streams. */
    public void openKafkaView() {
        if (kafkaView == null) {
            kafkaView = new KafkaView(
                    kafka, stage, model.main().themeProperty(), model.main().presenterModeProperty(), snapshotFolder);
        }
        kafkaView.show();
    }

    /** Waits (on a background thread) until the Kafka view's readers have closed their clients. */
    private void closeKafkaReaders() {
        try {
            kafkaTaps.closeAll(java.time.Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FeedUpdate feedAfterStop() {
        return new FeedUpdate(session.engine().status(), null, List.of(), 0);
    }

    // ---- For tests: the parts a UI test checks -------------------------------------------------

    public EngineSession session() {
        return session;
    }

    /** The "what if…" model behind the dialog. */
    public WhatIfModel whatIf() {
        return whatIf;
    }

    /** The Kafka view's model. */
    public KafkaViewModel kafkaView() {
        return kafka;
    }

    /** The Kafka view's window, once opened. */
    public KafkaView kafkaViewWindow() {
        return kafkaView;
    }

    public ConsoleModel model() {
        return model;
    }

    public Stage stage() {
        return stage;
    }

    DashboardSnapshots snapshots() {
        return snapshots;
    }

    /**
     * Daemon worker threads, so a stuck close never keeps the process alive, at the lowest priority, in
     * a group capped there. The engine is started on them, so its broker, clients and pools descend from
     * them (a thread inherits its creator's priority and group, and the group caps any thread that asks
     * for more): when the two cores are busy, the scheduler runs the FX thread and the renderer first and
     * the engine a moment later, rather than a frame late. The JVM hands Java priorities to the
     * operating system on Windows, and on Linux when started with {@code -XX:ThreadPriorityPolicy=1} (the
     * installed app is); elsewhere this changes nothing.
     */
    private static final class WorkerThreads implements ThreadFactory {
        private final ThreadGroup group = belowTheFxThread();
        private final AtomicInteger count = new AtomicInteger();

        private static ThreadGroup belowTheFxThread() {
            ThreadGroup group = new ThreadGroup("activity-tracker-engine");
            group.setMaxPriority(Thread.MIN_PRIORITY);
            return group;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(group, r, "console-worker-" + count.incrementAndGet());
            t.setDaemon(true); // its priority is the group's cap
            return t;
        }
    }
}
