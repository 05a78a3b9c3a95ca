package com.activitytracker.app;

import com.activitytracker.app.model.ConsoleModel;
import com.activitytracker.app.model.KafkaViewModel;
import com.activitytracker.app.model.Theme;
import com.activitytracker.app.model.WhatIfModel;
import com.activitytracker.app.view.KafkaView;
import com.activitytracker.app.view.WhatIfDialog;
import com.activitytracker.engine.EngineStatus.State;
import com.activitytracker.engine.generator.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the documentation's screenshots with the app itself: once the engine streams, lets it run
 * ~10 s, injects one of each scenario, waits for the alerts, saves the dashboard in the dark and the
 * light theme (then dark in presenter mode, and with the shortcut help), then at each window size in
 * normal and presenter mode, and exits 0 (1 when the engine fails or it takes too long). All on the
 * FX thread with timers; the files are written in the background.
 */
final class ScreenshotTour {
    private static final Logger log = LoggerFactory.getLogger(ScreenshotTour.class);
    private static final Duration STREAM_FOR = Duration.seconds(10);
    private static final Duration CATCH_FOR = Duration.seconds(6);
    private static final Duration GIVE_UP_AFTER = Duration.seconds(180);

    private final ConsoleModel model;
    private final DashboardSnapshots snapshots;
    private final Path folder;
    private final IntFunction<?> finish;
    private final PauseTransition watchdog = new PauseTransition(GIVE_UP_AFTER);
    private final Duration streamFor;
    private final Duration catchFor;
    private final List<WindowSize> sizes;
    private final Consumer<WindowSize> resize;
    private final WhatIfModel whatIf;
    private final Supplier<WhatIfDialog> whatIfDialog;
    private boolean started;
    private Supplier<KafkaView> kafkaView;
    private KafkaViewModel kafka;

    /**
     * @param sizes  after the four standard shots, the window is resized to each of these and shot in
     *               normal and presenter mode ({@code dashboard-1366x768.png}, {@code dashboard-1366x768-presenter.png})
     * @param resize sets the window to a size
     */
    ScreenshotTour(
            ConsoleModel model,
            DashboardSnapshots snapshots,
            Path folder,
            IntFunction<?> finish,
            List<WindowSize> sizes,
            Consumer<WindowSize> resize,
            WhatIfModel whatIf,
            Supplier<WhatIfDialog> whatIfDialog) {
        this(model, snapshots, folder, finish, STREAM_FOR, CATCH_FOR, sizes, resize, whatIf, whatIfDialog);
    }

    /** With shorter waits, for a test. */
    ScreenshotTour(
            ConsoleModel model,
            DashboardSnapshots snapshots,
            Path folder,
            IntFunction<?> finish,
            Duration streamFor,
            Duration catchFor,
            List<WindowSize> sizes,
            Consumer<WindowSize> resize,
            WhatIfModel whatIf,
            Supplier<WhatIfDialog> whatIfDialog) {
        this.whatIf = Objects.requireNonNull(whatIf);
        this.whatIfDialog = Objects.requireNonNull(whatIfDialog);
        this.streamFor = streamFor;
        this.catchFor = catchFor;
        this.sizes = List.copyOf(sizes);
        this.resize = Objects.requireNonNull(resize);
        this.model = Objects.requireNonNull(model);
        this.snapshots = Objects.requireNonNull(snapshots);
        this.folder = Objects.requireNonNull(folder);
        this.finish = Objects.requireNonNull(finish);
    }

    /**
     * Also shoots the Kafka view after "What if…": the live records ({@code kafka-view.png}, and
     * {@code kafka-view-light.png}), the consumer groups ({@code kafka-groups.png}) and a dead letter
     * being corrected ({@code dead-letter.png}, and {@code dead-letter-presenter.png}).
     *
     * @param open opens the view and returns its window
     */
    ScreenshotTour withKafkaView(Supplier<KafkaView> open, KafkaViewModel model) {
        this.kafkaView = Objects.requireNonNull(open);
        this.kafka = Objects.requireNonNull(model);
        return this;
    }

    void start() {
        watchdog.setOnFinished(e -> fail("the tour did not finish within " + GIVE_UP_AFTER.toSeconds() + " s"));
        watchdog.play();
        ChangeListener<State> onState = (obs, old, state) -> onState(state);
        model.main().engineStateProperty().addListener(onState);
        onState(model.main().engineStateProperty().get());
    }

    private void onState(State state) {
        if (state == State.FAILED) {
            fail("the engine failed: " + model.main().statusTextProperty().get());
        } else if (state == State.RUNNING && !started) {
            started = true;
            log.info("Screenshot tour: streaming for {} s", streamFor.toSeconds());
            after(streamFor, this::injectAll);
        }
    }

    private void injectAll() {
        for (Scenario s : Scenario.values()) {
            model.controls().inject(s);
        }
        after(
                catchFor,
                () -> shoot(
                        Theme.DARK,
                        false,
                        "dashboard-dark.png",
                        () -> shoot(
                                Theme.LIGHT,
                                false,
                                "dashboard-light.png",
                                () -> shoot(Theme.DARK, true, "dashboard-presenter.png", this::shootHelp))));
    }

    private void shootHelp() {
        model.main().togglePresenterMode();
        model.main().toggleHelp();
        shoot(Theme.DARK, false, "dashboard-help.png", () -> {
            model.main().hideHelp();
            shootWhatIf();
        });
    }

    /** "What if…" with the candidate of the demo script: velocity 60 lets the bot burst through, 1,000 flags shoppers. */
    private void shootWhatIf() {
        WhatIfDialog dialog = whatIfDialog.get();
        dialog.show();
        whatIf.candidate().velocityMaxEventsProperty().set(60);
        whatIf.candidate().highValueAmountProperty().set(1_000.0);
        whatIf.hasResultProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean old, Boolean shown) {
                if (shown) {
                    whatIf.hasResultProperty().removeListener(this);
                    after(
                            Duration.millis(500),
                            () -> snapshots
                                    .saveImage(dialog.scene(), folder.resolve("what-if.png"))
                                    .whenComplete((file, error) -> Platform.runLater(() -> {
                                        dialog.close();
                                        if (error != null) {
                                            fail("could not save a screenshot: " + error.getMessage());
                                        } else {
                                            log.info("Screenshot tour: saved {}", file);
                                            if (kafkaView == null) {
                                                shootSizes(0);
                                            } else {
                                                shootKafkaView();
                                            }
                                        }
                                    })));
                }
            }
        });
        whatIf.run();
    }

    /** Opens the Kafka view, sends a broken purchase so a dead letter exists, waits for records, lag and the letter. */
    private void shootKafkaView() {
        model.main().setTheme(Theme.DARK);
        KafkaView view = kafkaView.get();
        kafka.sendBrokenPurchase();
        waitFor(
                () -> !kafka.deadLetters().isEmpty()
                        && kafka.activities().size() >= 20
                        && !kafka.alerts().isEmpty()
                        && !kafka.lags().isEmpty(),
                40,
                () -> {
                    view.showTab(0);
                    view.selectFirstRecord();
                    shootWindow(
                            view,
                            Theme.DARK,
                            "kafka-view.png",
                            () -> shootWindow(view, Theme.LIGHT, "kafka-view-light.png", () -> {
                                view.showTab(3);
                                shootWindow(view, Theme.DARK, "kafka-groups.png", () -> shootDeadLetter(view));
                            }));
                });
    }

    private void shootDeadLetter(KafkaView view) {
        view.showDeadLetters();
        view.selectFirstRecord();
        // the presenter's correction: the purchase gets its amount
        StringProperty correction = kafka.deadLetterEditor().correctionProperty();
        String text = correction.get();
        correction.set(text.replace("\"currency\"", "\"amount\" : 129.99,\n  \"currency\""));
        shootWindow(view, Theme.DARK, "dead-letter.png", () -> {
            model.main().togglePresenterMode();
            shootWindow(view, Theme.DARK, "dead-letter-presenter.png", () -> {
                model.main().togglePresenterMode();
                view.close();
                shootSizes(0);
            });
        });
    }

    private void shootWindow(KafkaView view, Theme theme, String name, Runnable next) {
        model.main().setTheme(theme);
        after(Duration.millis(700), () -> thenNext(snapshots.saveImage(view.scene(), folder.resolve(name)), next));
    }

    /** Checks every half second, up to {@code tries} times, then goes on regardless (the shot shows what there is). */
    private static void waitFor(java.util.function.BooleanSupplier ready, int tries, Runnable next) {
        if (ready.getAsBoolean() || tries <= 0) {
            next.run();
        } else {
            after(Duration.millis(500), () -> waitFor(ready, tries - 1, next));
        }
    }

    private void shootSizes(int index) {
        if (index >= sizes.size()) {
            done();
            return;
        }
        WindowSize size = sizes.get(index);
        resize.accept(size);
        shoot(
                Theme.DARK,
                false,
                "dashboard-" + size + ".png",
                () -> shoot(Theme.DARK, true, "dashboard-" + size + "-presenter.png", () -> {
                    model.main().togglePresenterMode();
                    shootSizes(index + 1);
                }));
    }

    private void shoot(Theme theme, boolean presenter, String name, Runnable next) {
        model.main().setTheme(theme);
        if (model.main().presenterModeProperty().get() != presenter) {
            model.main().togglePresenterMode();
        }
        // one more pulse so the new stylesheet is laid out before the capture
        after(Duration.millis(500), () -> thenNext(snapshots.saveImage(folder.resolve(name)), next));
    }

    /** Goes on with the tour once the shot is on disk, or fails it, on the FX thread. */
    private void thenNext(java.util.concurrent.CompletionStage<Path> saved, Runnable next) {
        saved.whenComplete((file, error) -> Platform.runLater(() -> {
            if (error != null) {
                fail("could not save a screenshot: " + error.getMessage());
            } else {
                log.info("Screenshot tour: saved {}", file);
                next.run();
            }
        }));
    }

    private void done() {
        watchdog.stop();
        finish.apply(0);
    }

    private void fail(String why) {
        watchdog.stop();
        log.error("Screenshot tour failed: {}", why);
        finish.apply(1);
    }

    private static void after(Duration delay, Runnable action) {
        PauseTransition pause = new PauseTransition(delay);
        pause.setOnFinished(e -> action.run());
        pause.play();
    }
}
