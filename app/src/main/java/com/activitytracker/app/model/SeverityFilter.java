package com.activitytracker.app.model;

import com.activitytracker.engine.fraud.Severity;

/** Which alerts the feed shows: all, or one severity. */
public enum SeverityFilter {
    ALL("All", null),
    LOW("Low", Severity.LOW),
    MEDIUM("Medium", Severity.MEDIUM),
    HIGH("High", Severity.HIGH),
    CRITICAL("Critical", Severity.CRITICAL);

    private final String displayName;
    private final Severity severity;

    SeverityFilter(String displayName, Severity severity) {
        this.displayName = displayName;
        this.severity = severity;
    }

    public String displayName() {
        return displayName;
    }

    public boolean matches(Severity s) {
        return severity == null || severity == s;
    }
}
