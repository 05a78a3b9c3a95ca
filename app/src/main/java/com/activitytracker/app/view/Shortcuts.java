package com.activitytracker.app.view;

import com.activitytracker.app.model.ConsoleModel;
import com.activitytracker.engine.generator.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The presenter's keyboard shortcuts, handled in one scene-level filter so that they work whatever
 * has the focus (a focused button would otherwise take Space); keys without a modifier are left to
 * text fields while one is being typed in.
 */
public final class Shortcuts {
    /** One shortcut as the help overlay lists it. */
    public record Help(String keys, String description) {}

    /** The commands a button's tooltip names the shortcut of. */
    public enum Command {
        PAUSE,
        FASTER,
        SLOWER,
        RESET,
        THEME,
        PRESENTER,
        FULL_SCREEN,
        SNAPSHOT,
        SETTINGS,
        KAFKA_VIEW,
        HELP,
        QUIT
    }

    private record Binding(Command command, KeyCombination keys, String description, Runnable action) {}

    private final List<Binding> bindings = new ArrayList<>();
    private final KeyText keyText;

    /** With the keys written for this machine's operating system. */
    public Shortcuts(ConsoleModel model, ViewActions actions) {
        this(model, actions, System.getProperty("os.name"));
    }

    /** @param osName decides how the keys are written ({@code ⌘T} on macOS, {@code Ctrl+T} elsewhere) */
    public Shortcuts(ConsoleModel model, ViewActions actions, String osName) {
        Objects.requireNonNull(model);
        Objects.requireNonNull(actions);
        this.keyText = KeyText.forOs(osName);
        add(
                Command.PAUSE,
                new KeyCodeCombination(KeyCode.SPACE),
                "Pause or resume the stream",
                model.controls()::togglePause);
        add(
                Command.FASTER,
                shortcut(KeyCode.UP),
                "Double the event rate",
                () -> model.controls().scaleRate(2));
        add(
                Command.SLOWER,
                shortcut(KeyCode.DOWN),
                "Halve the event rate",
                () -> model.controls().scaleRate(0.5));
        Scenario[] scenarios = Scenario.values();
        KeyCode[] digits = {
            KeyCode.DIGIT1,
            KeyCode.DIGIT2,
            KeyCode.DIGIT3,
            KeyCode.DIGIT4,
            KeyCode.DIGIT5,
            KeyCode.DIGIT6,
            KeyCode.DIGIT7,
            KeyCode.DIGIT8,
            KeyCode.DIGIT9
        };
        for (int i = 0; i < scenarios.length && i < digits.length; i++) {
            Scenario s = scenarios[i];
            add(null, shortcut(digits[i]), "Inject: " + s.displayName(), () -> {
                if (model.controls().engineRunningProperty().get()) {
                    model.controls().inject(s);
                }
            });
        }
        add(Command.RESET, shortcut(KeyCode.R), "Reset counters, charts and alerts", model::reset);
        add(Command.THEME, shortcut(KeyCode.T), "Dark or light theme", model.main()::toggleTheme);
        add(
                Command.PRESENTER,
                shortcut(KeyCode.P),
                "Presenter mode: large figures for the audience",
                model.main()::togglePresenterMode);
        add(Command.FULL_SCREEN, new KeyCodeCombination(KeyCode.F11), "Full screen", model.main()::toggleFullScreen);
        add(
                Command.SNAPSHOT,
                shortcut(KeyCode.S),
                "Save a snapshot (PNG + analytics JSON)",
                model.main()::saveSnapshot);
        add(Command.SETTINGS, shortcut(KeyCode.COMMA), "Kafka settings", actions.openSettings());
        add(
                Command.KAFKA_VIEW,
                shortcut(KeyCode.K),
                "Kafka view: live records, consumer lag, dead letters",
                actions.openKafkaView());
        add(Command.HELP, new KeyCodeCombination(KeyCode.F1), "Show or hide this help", model.main()::toggleHelp);
        add(null, new KeyCodeCombination(KeyCode.ESCAPE), "Close this help", model.main()::hideHelp);
        add(Command.QUIT, shortcut(KeyCode.Q), "Quit (stops the engine and the broker)", actions.quit());
    }

    /** Every shortcut, for the help overlay. */
    public List<Help> help() {
        return bindings.stream()
                .map(b -> new Help(keyText.of(b.keys()), b.description()))
                .toList();
    }

    /** The keys of a command as this platform writes them, e.g. for a tooltip: {@code Ctrl+T} or {@code ⌘T}. */
    public String keysOf(Command command) {
        return bindings.stream()
                .filter(b -> b.command() == command)
                .findFirst()
                .map(b -> keyText.of(b.keys()))
                .orElseThrow(() -> new IllegalArgumentException("no shortcut for " + command));
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, handler(scene));
    }

    private EventHandler<KeyEvent> handler(Scene scene) {
        return event -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            for (Binding b : bindings) {
                if (b.keys().match(event)) {
                    if (typing && !hasModifier(event) && !isFunctionKey(event.getCode())) {
                        return;
                    }
                    if (event.getCode() == KeyCode.ESCAPE && !helpOpen(scene)) {
                        return; // leave Esc to full screen and dialogs
                    }
                    b.action().run();
                    event.consume();
                    return;
                }
            }
        };
    }

    private static boolean helpOpen(Scene scene) {
        Node overlay = scene.lookup("#help-overlay");
        return overlay != null && overlay.isVisible();
    }

    private static boolean hasModifier(KeyEvent e) {
        return e.isControlDown() || e.isMetaDown() || e.isAltDown() || e.isShortcutDown();
    }

    private static boolean isFunctionKey(KeyCode code) {
        return code.isFunctionKey() || code == KeyCode.ESCAPE;
    }

    private void add(Command command, KeyCombination keys, String description, Runnable action) {
        bindings.add(new Binding(command, keys, description, action));
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
