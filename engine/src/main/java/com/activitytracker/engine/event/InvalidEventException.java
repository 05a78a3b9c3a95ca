package com.activitytracker.engine.event;

import java.io.Serial;

/** A record that breaks the activity-event contract; the message is one line saying why. */
public final class InvalidEventException extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public InvalidEventException(String reason) {
        super(reason, null, false, false); // no stack trace: invalid input is expected, not exceptional
    }
}
