package com.activitytracker.engine.config;

import java.io.Serial;

/** A setting with a value the program cannot use; the message is one line naming the setting. */
public final class SettingsException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
