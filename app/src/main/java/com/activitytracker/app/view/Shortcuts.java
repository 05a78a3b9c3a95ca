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
    public record Help(String keys, String description) {
    }

    private record Binding(KeyCombination keys, String description, Runnable action) {
    }

    private final List<Binding> bindings = new ArrayList<>();

    public Shortcuts(ConsoleModel model, ViewActions actions) {
        Objects.requireNonNull(model);
        Objects.requireNonNull(actions);
        add(new KeyCodeCombination(KeyCode.SPACE), "Pause or resume the stream", model.controls()::togglePause);
        add(shortcut(KeyCode.UP), "Double the event rate", () -> model.controls().scaleRate(2));
        add(shortcut(KeyCode.DOWN), "Halve the event rate", () -> model.controls().scaleRate(0.5));
        Scenario[] scenarios = Scenario.values();
        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
        for (int i = 0; i < scenarios.length && i < digits.length; i++) {
            Scenario s = scenarios[i];
            add(shortcut(digits[i]), "Inject: " + s.displayName(), () -> {
                if (model.controls().engineRunningProperty().get()) {
                    model.controls().inject(s);
                }
            });
        }
        add(shortcut(KeyCode.R), "Reset counters, charts and alerts", model::reset);
        add(shortcut(KeyCode.T), "Dark or light theme", model.main()::toggleTheme);
        add(shortcut(KeyCode.P), "Presenter mode: large figures for the audience", model.main()::togglePresenterMode);
        add(new KeyCodeCombination(KeyCode.F11), "Full screen", model.main()::toggleFullScreen);
        add(shortcut(KeyCode.S), "Save a snapshot (PNG + analytics JSON)", model.main()::saveSnapshot);
        add(shortcut(KeyCode.COMMA), "Kafka settings", actions.openSettings());
        add(new KeyCodeCombination(KeyCode.F1), "Show or hide this help", model.main()::toggleHelp);
        add(new KeyCodeCombination(KeyCode.ESCAPE), "Close this help", model.main()::hideHelp);
        add(shortcut(KeyCode.Q), "Quit (stops the engine and the broker)", actions.quit());
    }

    /** Every shortcut, for the help overlay. */
    public List<Help> help() {
        return bindings.stream().map(b -> new Help(b.keys().getDisplayText(), b.description())).toList();
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

    private void add(KeyCombination keys, String description, Runnable action) {
        bindings.add(new Binding(keys, description, action));
    }

    private static KeyCombination shortcut(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
    }
}
