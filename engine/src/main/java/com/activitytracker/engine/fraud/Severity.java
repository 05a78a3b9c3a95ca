package com.activitytracker.engine.fraud;

/** How urgently an alert needs a human, lowest first. */
public enum Severity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
}
