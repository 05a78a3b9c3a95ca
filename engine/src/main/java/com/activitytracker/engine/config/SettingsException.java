package com.activitytracker.engine.config;

/** A setting with a value the program cannot use; the message is one line naming the setting. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
