package com.activitytracker.app;

import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Drops the warning JavaFX prints on every start from the class path, {@code WARNING: Unsupported
 * JavaFX configuration: classes were loaded from 'unnamed module @…'}. The console's jar runs JavaFX
 * from the class path on purpose (see {@link Launcher}); the installed app image loads it as modules
 * and is not warned. A presenter starting the jar from a terminal should not read an alarm about an
 * intended setup.
 *
 * <p>JavaFX logs it through its logger {@value #LOGGER} (a {@code System.Logger}, backed by
 * java.util.logging); the {@code com.sun.javafx.application.PlatformImpl startup} above the line in the
 * terminal is the caller, not the logger. Raising that logger's level would also hide JavaFX's other
 * warnings, and those of {@code javafx.css} and {@code javafx.scene.*}, which inherit it; so a filter
 * on it drops exactly this one message and lets everything else through.
 */
final class ClassPathJavaFx {
    /** The logger JavaFX's {@code PlatformImpl.startup} warns through. */
    static final String LOGGER = "javafx";

    static final String WARNING_START = "Unsupported JavaFX configuration: classes were loaded from ";

    /**
     * Held for the life of the process: java.util.logging references its loggers weakly, and a logger
     * collected before JavaFX asks for it would come back without the filter.
     */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger(LOGGER);

    private ClassPathJavaFx() {}

    /**
     * Before {@code Platform.startup}: when {@code javafx} (the module of JavaFX's classes) is the class
     * path's unnamed module, filters that warning out of the {@value #LOGGER} logger.
     *
     * @return whether the filter was installed (false when JavaFX runs as named modules)
     */
    static boolean quietUnsupportedConfigurationWarning(Module javafx) {
        if (javafx.isNamed()) {
            return false;
        }
        Filter before = JAVAFX_LOGGER.getFilter();
        JAVAFX_LOGGER.setFilter(r -> !isTheWarning(r) && (before == null || before.isLoggable(r)));
        return true;
    }

    private static boolean isTheWarning(LogRecord r) {
        String message = r.getMessage();
        return message != null && message.startsWith(WARNING_START);
    }
}
