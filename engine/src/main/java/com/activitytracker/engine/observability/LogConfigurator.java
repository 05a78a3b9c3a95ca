package com.activitytracker.engine.observability;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.hook.DefaultShutdownHook;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import ch.qos.logback.core.util.ContextUtil;
import ch.qos.logback.core.util.FileSize;
import net.logstash.logback.encoder.LogstashEncoder;

/**
 * Logback's configuration, at its first use in the process and again whenever {@link LogSetup} is
 * called with other settings:
 *
 * <ul>
 *   <li>the terminal: short human-readable lines on stderr from {@code CONSOLE_LOG_LEVEL} up (stdout
 *       carries the reports), without the one harmless Kafka error of {@link ControllerElectionNoise}
 *       nor the producer's retry warnings ({@link ProducerRetryNoise}), nor the lines that repeat a report
 *       the command printed on stdout ({@link AlreadyPrinted});
 *   <li>files: JSON lines in {@code LOG_DIR/activity-tracker.jsonl} from {@code LOG_LEVEL} up, rolled at
 *       20 MB and daily, gzipped, kept 7 days and 500 MB at most, written through a queue so that
 *       logging never slows the producer or consumer threads;
 *   <li>Kafka's own loggers at {@code KAFKA_LOG_LEVEL}.
 * </ul>
 *
 * <p>Built in code rather than read from a {@code logback.xml}: Logback's XML reader (Joran) took
 * ~0.3 s of CPU at every start, before anything else could log, and in the console that is before
 * the broker starts (docs/BENCHMARKS.md). The settings are read as an XML file would read them: a
 * property of the logger context, else a system property ({@link LogSetup} sets them from the
 * resolved settings), else an environment variable, else the default.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    /** The context object naming the log settings the current configuration was read with. */
    static final String CONFIGURED_WITH = LogConfigurator.class.getName() + ".settings";

    private static final String CONSOLE_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%throwable{short}";
    private static final String[] KAFKA_LOGGERS = {"org.apache.kafka", "kafka", "state.change.logger"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        configure(context, LogSetup.propertiesNow());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Configures {@code context} from the log settings now in force, noting them as {@code settings}. */
    static void configure(LoggerContext context, String settings) {
        context.getStatusManager().add(new NopStatusListener());
        DefaultShutdownHook flushOnExit = new DefaultShutdownHook();
        flushOnExit.setContext(context);
        new ContextUtil(context).addOrReplaceShutdownHook(flushOnExit);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(context, "LOG_LEVEL", Level.INFO));
        root.addAppender(terminal(context));
        root.addAppender(queued(context, jsonFile(context, setting(context, "LOG_DIR", "logs"))));
        Level kafka = level(context, "KAFKA_LOG_LEVEL", Level.WARN);
        for (String name : KAFKA_LOGGERS) {
            context.getLogger(name).setLevel(kafka);
        }
        // its connection warnings repeat for as long as a broker is away
        context.getLogger("org.apache.kafka.clients.NetworkClient").setLevel(Level.ERROR);
        // "performing controller activation" on every fresh embedded broker is not a problem
        context.getLogger("org.apache.kafka.controller.QuorumController").setLevel(Level.ERROR);
        context.putObject(CONFIGURED_WITH, settings);
    }

    private static ConsoleAppender<ILoggingEvent> terminal(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(level(context, "CONSOLE_LOG_LEVEL", Level.WARN).toString());
        threshold.start();
        console.addFilter(threshold);
        ControllerElectionNoise noise = new ControllerElectionNoise();
        noise.setContext(context);
        noise.start();
        console.addFilter(noise);
        ProducerRetryNoise retries = new ProducerRetryNoise();
        retries.setContext(context);
        retries.start();
        console.addFilter(retries);
        AlreadyPrinted printed = new AlreadyPrinted();
        printed.setContext(context);
        printed.start();
        console.addFilter(printed);
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(CONSOLE_PATTERN);
        encoder.start();
        console.setEncoder(encoder);
        console.start();
        return console;
    }

    private static RollingFileAppender<ILoggingEvent> jsonFile(LoggerContext context, String logDir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("JSON_FILE");
        file.setFile(logDir + "/" + LogSetup.LOG_FILE);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(logDir + "/activity-tracker.%d{yyyy-MM-dd}.%i.jsonl.gz");
        rolling.setMaxFileSize(FileSize.valueOf("20MB"));
        rolling.setMaxHistory(7);
        rolling.setTotalSizeCap(FileSize.valueOf("500MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        LogstashEncoder json = new LogstashEncoder();
        json.setContext(context);
        json.getFieldNames().setTimestamp("timestamp");
        json.getFieldNames().setVersion("[ignore]");
        json.getFieldNames().setLevelValue("[ignore]");
        json.setTimestampPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX");
        json.setTimeZone("UTC");
        json.start();
        file.setEncoder(json);
        file.start();
        return file;
    }

    /** Hands events to a queue that never blocks and never drops: the file is written on the queue's thread. */
    private static AsyncAppender queued(LoggerContext context, RollingFileAppender<ILoggingEvent> file) {
        AsyncAppender async = new AsyncAppender();
        async.setContext(context);
        async.setName("ASYNC_JSON");
        async.setQueueSize(8192);
        async.setDiscardingThreshold(0);
        async.setNeverBlock(true);
        async.addAppender(file);
        async.start();
        return async;
    }

    private static Level level(LoggerContext context, String name, Level fallback) {
        return Level.toLevel(setting(context, name, fallback.toString()), fallback);
    }

    private static String setting(LoggerContext context, String name, String fallback) {
        String value = context.getProperty(name);
        if (value == null) {
            value = System.getProperty(name);
        }
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
