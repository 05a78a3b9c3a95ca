package com.activitytracker.engine.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.activitytracker.engine.config.Settings;
import java.net.URL;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at the resolved settings. Settings can come from a .env file or options, which
 * Logback cannot see on its own, so the program sets them as properties and reloads the configuration.
 */
public final class LogSetup {
    private LogSetup() {}

    /**
     * @param consoleLevel the lowest level shown on the console; the CLI keeps it at WARN so its
     *                     reports stay readable, while the JSON files get {@code LOG_LEVEL}
     */
    public static void apply(Settings settings, String consoleLevel) {
        System.setProperty("LOG_DIR", settings.logDir().toString());
        System.setProperty("LOG_LEVEL", settings.logLevel());
        System.setProperty("CONSOLE_LOG_LEVEL", consoleLevel);
        System.setProperty("KAFKA_LOG_LEVEL", settings.values().getOrDefault("KAFKA_LOG_LEVEL", "WARN"));
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (e.g. in an embedding program) owns logging
        }
        URL config = LogSetup.class.getResource("/logback.xml");
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("broken logback.xml in the engine jar", e);
        }
    }
}
