package com.activitytracker.engine.observability;

import static net.logstash.logback.argument.StructuredArguments.entries;
import static net.logstash.logback.argument.StructuredArguments.kv;

import com.activitytracker.engine.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The INFO lines that tell a role's story: its start (the settings, secrets masked), its progress
 * every STATS_INTERVAL events, the periodic summary and its final statistics. Figures go in as
 * JSON fields of the line ({@code phase} says which kind of line it is), and into the message too,
 * so the console and the JSON file read alike.
 */
public final class RoleLog {
    public static final String PHASE = "phase";
    private static final Logger log = LoggerFactory.getLogger(RoleLog.class);
    /** Names that may hold a secret in any settings source; their values are never logged. */
    private static final Pattern SECRET =
            Pattern.compile("(?i).*(password|secret|token|credential|jaas|api[_.]?key).*");

    static final String MASK = "****";

    private final String role;

    public RoleLog(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }

    /** The settings in effect; {@code KAFKA_CLIENT_CONFIG} appears as its path, its contents are never read here. */
    public void started(Settings settings, Map<String, ?> extra) {
        Map<String, Object> fields = new LinkedHashMap<>(extra);
        log.info("{} started with {}", role, kv("settings", describe(settings)), entries(with("start", fields)));
    }

    public void progress(Map<String, ?> figures) {
        log.info("{} progress: {}", role, entries(with("progress", figures)));
    }

    /** The periodic metrics summary of a long run. */
    public void summary(Map<String, ?> figures) {
        log.info("{} summary: {}", role, entries(with("summary", figures)));
    }

    public void finished(Map<String, ?> figures) {
        log.info("{} finished: {}", role, entries(with("final", figures)));
    }

    private static Map<String, Object> with(String phase, Map<String, ?> figures) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(PHASE, phase);
        fields.putAll(figures);
        return fields;
    }

    /** Every setting by name, as typed after validation, with secrets masked. */
    static Map<String, Object> describe(Settings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(Settings.KAFKA_BOOTSTRAP_SERVERS, s.bootstrapServers().orElse("embedded broker"));
        out.put(Settings.KAFKA_ACTIVITIES_TOPIC, s.activitiesTopic());
        out.put(Settings.KAFKA_ALERTS_TOPIC, s.alertsTopic());
        out.put(Settings.KAFKA_DLQ_TOPIC, s.dlqTopic());
        out.put(Settings.KAFKA_PARTITIONS, s.partitions());
        out.put(Settings.KAFKA_REPLICATION_FACTOR, s.replicationFactor());
        out.put(
                Settings.KAFKA_CLIENT_CONFIG,
                s.clientConfig().map(p -> p.toString()).orElse("unset"));
        out.put(Settings.EVENTS_PER_SECOND, Double.isInfinite(s.eventsPerSecond()) ? "max" : s.eventsPerSecond());
        out.put(Settings.STATS_INTERVAL, s.statsInterval());
        out.put(Settings.LOG_LEVEL, s.logLevel());
        out.put(Settings.LOG_DIR, s.logDir().toString());
        out.put(Settings.DATA_DIR, s.dataDir().toString());
        s.values().forEach((key, value) -> out.putIfAbsent(key, value));
        out.replaceAll((key, value) -> SECRET.matcher(key).matches() ? MASK : value);
        return out;
    }

    /** Rounds a rate or an amount for a log line: two decimals are plenty and keep the JSON short. */
    public static double round2(double value) {
        return Double.isFinite(value) ? Math.round(value * 100) / 100.0 : 0;
    }
}
