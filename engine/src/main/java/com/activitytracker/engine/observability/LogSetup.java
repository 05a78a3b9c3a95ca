package com.activitytracker.engine.observability;

import ch.qos.logback.classic.LoggerContext;
import com.activitytracker.engine.config.Settings;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Points Logback at the resolved settings. Settings can come from a .env file or options, which
 * Logback cannot see on its own, so the program sets them as system properties; Logback's first use
 * reads its configuration with them ({@link LogConfigurator}), and a later call with other settings
 * reloads it.
 */
public final class LogSetup {
    public static final String ROLE = "role";
    public static final String RUN_ID = "run_id";
    /** The JSON log's name in LOG_DIR. */
    public static final String LOG_FILE = "activity-tracker.jsonl";
    /** The system properties {@link LogConfigurator} reads. */
    private static final String[] PROPERTIES = {"LOG_DIR", "LOG_LEVEL", "CONSOLE_LOG_LEVEL", "KAFKA_LOG_LEVEL"};

    private LogSetup() {}

    /**
     * @param consoleLevel the lowest level shown on the console; the CLI keeps it at WARN so its
     *                     reports stay readable, while the JSON files get {@code LOG_LEVEL}
     */
    public static void apply(Settings settings, String consoleLevel) {
        apply(settings, consoleLevel, "engine");
    }

    /**
     * As {@link #apply(Settings, String)}, and stamps every line of every thread (Kafka's own
     * included) with the {@code role} and a fresh {@code run_id}, so the lines of one run of one
     * role can be picked out of a shared log folder.
     *
     * @return the run id
     */
    public static String apply(Settings settings, String consoleLevel, String role) {
        String runId = UUID.randomUUID().toString();
        System.setProperty("LOG_DIR", settings.logDir().toString());
        System.setProperty("LOG_LEVEL", settings.logLevel());
        System.setProperty("CONSOLE_LOG_LEVEL", consoleLevel);
        System.setProperty("KAFKA_LOG_LEVEL", kafkaLogLevel(settings));
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return runId; // another SLF4J binding (e.g. in an embedding program) owns logging
        }
        String wanted = propertiesNow();
        if (!wanted.equals(context.getObject(LogConfigurator.CONFIGURED_WITH))) {
            context.reset();
            LogConfigurator.configure(context, wanted);
        }
        // context properties rather than MDC: MDC is per thread, and the producer, consumer and
        // Kafka client threads would miss it; the JSON encoder writes these on every line
        context.putProperty(ROLE, role);
        context.putProperty(RUN_ID, runId);
        return runId;
    }

    /** The log settings as the system properties {@link LogConfigurator} reads now hold them, in one string. */
    static String propertiesNow() {
        return Stream.of(PROPERTIES)
                .map(name -> name + "=" + System.getProperty(name, ""))
                .collect(Collectors.joining("\n"));
    }

    /**
     * Kafka's own loggers: {@code KAFKA_LOG_LEVEL} when set, else WARN — or the tracker's level when
     * that is stricter, so {@code --log-level ERROR} also silences the client's retry warnings
     * during a broker outage (the producer reports the wait itself).
     */
    static String kafkaLogLevel(Settings settings) {
        String explicit = settings.values().get(Settings.KAFKA_LOG_LEVEL);
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        return switch (settings.logLevel()) {
            case "ERROR", "OFF" -> settings.logLevel();
            default -> "WARN";
        };
    }

    /** The JSON lines file of the current run, in {@code LOG_DIR}. */
    public static Path logFile(Settings settings) {
        return settings.logDir().resolve(LOG_FILE);
    }
}
