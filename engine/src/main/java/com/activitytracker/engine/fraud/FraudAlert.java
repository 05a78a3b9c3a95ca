package com.activitytracker.engine.fraud;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One fraud alert, as carried on the alerts topic (see docs/CONTRACTS.md).
 *
 * <p>Numbers in {@code details} are normalised to {@link Long} (integral) or {@link Double}
 * (decimal), and its key order is kept, so that an alert equals its own decoded JSON.
 *
 * @param alertId          UUID; {@link #alertIdFor} makes it from the pattern, so a replayed or
 *                         redelivered alert carries the same id and can be recognised
 * @param rule             rule name, e.g. {@code HIGH_VELOCITY}
 * @param detectedAt       wall-clock time the alert was raised
 * @param eventTime        timestamp of the event that completed the pattern
 * @param description      one human sentence
 * @param evidenceEventIds ids of the events that make up the pattern
 * @param details          the rule's numbers, e.g. {@code {"count":42,"window_seconds":60,"threshold":30}}
 */
public record FraudAlert(
        String alertId,
        String rule,
        Severity severity,
        String userId,
        Instant detectedAt,
        Instant eventTime,
        String description,
        List<String> evidenceEventIds,
        Map<String, Object> details) {

    public FraudAlert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(detectedAt, "detectedAt");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(description, "description");
        evidenceEventIds = List.copyOf(evidenceEventIds);
        details = normalisedMap(details);
    }

    /**
     * The alert id for a pattern: a name-based UUID of the rule, the user and the event that
     * completed the pattern. The user id is length-prefixed so no two triples share a name.
     */
    public static String alertIdFor(String rule, String userId, String completingEventId) {
        String name = rule + '\n' + userId.length() + ':' + userId + '\n' + completingEventId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Map<String, Object> normalisedMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(Objects.requireNonNull(e.getKey(), "details key"));
            copy.put(key, normalised(key, e.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Object normalised(String key, Object value) {
        if (value == null) {
            throw new NullPointerException("details value of '" + key + "'");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Map<?, ?> nested) {
            return normalisedMap(nested);
        }
        if (value instanceof Collection<?> values) {
            List<Object> copy = new ArrayList<>(values.size());
            values.forEach(v -> copy.add(normalised(key, v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
