package com.activitytracker.engine.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.net.URL;

/**
 * Logback's configuration at its first use in the process: reads the engine's {@code logback.xml}
 * (found by Logback through {@code META-INF/services}) and notes in the context which log settings
 * it was read with. {@link LogSetup} sets those settings as system properties before it first
 * touches Logback, so in the usual start the file is read once, not once by Logback's own
 * auto-configuration and again by {@link LogSetup} after a reset, which drops the lines other threads
 * log meanwhile.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    /** The context object naming the log settings the current configuration was read with. */
    static final String CONFIGURED_WITH = LogConfigurator.class.getName() + ".settings";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        configure(context, LogSetup.propertiesNow());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Reads {@code logback.xml} into {@code context} with {@code settings} (already set as system properties). */
    static void configure(LoggerContext context, String settings) {
        URL config = LogConfigurator.class.getResource("/logback.xml");
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(context);
        try {
            joran.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("broken logback.xml in the engine jar", e);
        }
        context.putObject(CONFIGURED_WITH, settings);
    }
}
