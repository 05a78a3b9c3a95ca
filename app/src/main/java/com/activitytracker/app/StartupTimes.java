package com.activitytracker.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return new StartupTimes(
                linuxProcessStart().or(() -> ProcessHandle.current().info().startInstant()));
    }

    /**
     * When this process started, to the hundredth of a second, on Linux. {@link ProcessHandle} counts a
     * process's start from the boot time in {@code /proc/stat}, which is in whole seconds, so there every
     * figure came out too long by the same fraction of a second (0.68 s on one machine, against a clock
     * read just before the launcher's exec); {@code /proc/uptime} has hundredths.
     */
    private static Optional<Instant> linuxProcessStart() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String uptime = Files.readString(Path.of("/proc/uptime"));
            return Optional.of(processStart(stat, uptime, Instant.now()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not Linux, or not a /proc it can read
        }
    }

    /**
     * @param stat   {@code /proc/self/stat}: the start time is the 22nd field, in clock ticks since boot
     * @param uptime {@code /proc/uptime}: seconds since boot, read at {@code now}
     */
    static Instant processStart(String stat, String uptime, Instant now) {
        // the command name (field 2) may hold spaces and parentheses: fields 3 on follow its last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long startTicks = Long.parseLong(fields[22 - 3]);
        double upSeconds = Double.parseDouble(uptime.trim().split("\\s+")[0]);
        // Linux reports ticks in USER_HZ, which its user-space interface fixes at 100 a second
        long sinceStartMillis = Math.round(upSeconds * 1000) - startTicks * 10;
        return now.minusMillis(sinceStartMillis);
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
