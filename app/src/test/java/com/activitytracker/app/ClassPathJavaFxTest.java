package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.javafx.logging.PlatformLogger;
import com.sun.javafx.util.Logging;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The class-path launch drops JavaFX's "Unsupported JavaFX configuration" warning, logged through the
 * very logger {@code PlatformImpl.startup} uses, and nothing else: JavaFX's other warnings, and those
 * of its child loggers, still reach the handlers.
 */
@Tag("unit")
class ClassPathJavaFxTest {
    private final Logger javafx = Logger.getLogger(ClassPathJavaFx.LOGGER);
    private final Logger css = Logger.getLogger(ClassPathJavaFx.LOGGER + ".css");
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getLoggerName() + ": " + r.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Filter filterBefore;

    @BeforeEach
    void captureJavaFxLogging() {
        filterBefore = javafx.getFilter();
        javafx.addHandler(capture);
        javafx.setUseParentHandlers(false); // no test warnings in the build's output
    }

    @AfterEach
    void restore() {
        javafx.removeHandler(capture);
        javafx.setUseParentHandlers(true);
        javafx.setFilter(filterBefore);
    }

    @Test
    void onTheClassPathOnlyTheUnsupportedConfigurationWarningIsDropped() {
        // the tests, like the console's jar, load JavaFX from the class path
        assertThat(Platform.class.getModule().isNamed()).isFalse();
        assertThat(ClassPathJavaFx.quietUnsupportedConfigurationWarning(Platform.class.getModule()))
                .isTrue();

        PlatformLogger platform = Logging.getJavaFXLogger(); // what PlatformImpl.startup warns through
        platform.warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1b2c3d'");
        platform.warning("Another JavaFX warning");
        Logging.getCSSLogger().warning("Could not resolve '-color-x'");

        assertThat(logged)
                .containsExactly("javafx: Another JavaFX warning", "javafx.css: Could not resolve '-color-x'");
        // the level is untouched: JavaFX's warnings are still loggable
        assertThat(javafx.isLoggable(Level.WARNING)).isTrue();
        assertThat(css.isLoggable(Level.WARNING)).isTrue();
    }

    @Test
    void withJavaFxAsNamedModulesNothingIsFiltered() {
        assertThat(ClassPathJavaFx.quietUnsupportedConfigurationWarning(Object.class.getModule()))
                .isFalse();

        Logging.getJavaFXLogger()
                .warning("Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1b2c3d'");

        assertThat(logged)
                .containsExactly(
                        "javafx: Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1b2c3d'");
    }
}
