package com.activitytracker.engine.event;

/** A record that breaks the activity-event contract; the message is one line saying why. */
public final class InvalidEventException extends Exception {
    public InvalidEventException(String reason) {
        super(reason, null, false, false); // no stack trace: invalid input is expected, not exceptional
    }
}
