package com.activitytracker.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

/**
 * With {@code -Dactivitytracker.startup-times=true}, prints how long after the process started the
 * first window was shown and the first counted event reached the screen (the events tile showing a
 * non-zero count), so the launch can be measured from outside without a debugger. Off by default:
 * then nothing is timed or printed.
 */
final class StartupTimes {
    static final String PROPERTY = "activitytracker.startup-times";

    private final Optional<Instant> processStart;

    private StartupTimes(Optional<Instant> processStart) {
        this.processStart = processStart;
    }

    static StartupTimes fromProperty() {
        if (!Boolean.getBoolean(PROPERTY)) {
            return new StartupTimes(Optional.empty());
        }
        return new StartupTimes(ProcessHandle.current().info().startInstant());
    }

    void windowShown(Stage stage) {
        if (processStart.isPresent() && stage.isShowing()) {
            print("first window shown");
        }
    }

    /** @param total the events tile's value, e.g. "0" and then "1,234" */
    void watchFirstEvent(ObservableValue<String> total) {
        if (processStart.isPresent()) {
            onFirstEvent(total, () -> print("first counted event on screen"));
        }
    }

    /** Runs {@code action} once, on the FX thread, when {@code total} first shows a non-zero count. */
    static void onFirstEvent(ObservableValue<String> total, Runnable action) {
        ChangeListener<String> listener = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends String> value, String before, String now) {
                if (now != null && now.matches(".*[1-9].*")) {
                    value.removeListener(this);
                    action.run();
                }
            }
        };
        total.addListener(listener);
        listener.changed(total, null, total.getValue());
    }

    private void print(String what) {
        Instant now = Instant.now();
        processStart.ifPresent(start -> System.err.println(String.format(
                Locale.ROOT,
                "startup: %s %.2f s after the process started (at %d ms since the epoch)",
                what,
                Duration.between(start, now).toMillis() / 1000.0,
                now.toEpochMilli())));
    }
}
