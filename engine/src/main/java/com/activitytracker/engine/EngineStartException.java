package com.activitytracker.engine;

/** The engine could not start; the message says why in words a user can act on. */
public final class EngineStartException extends RuntimeException {
    public EngineStartException(String message) {
        super(message, null, false, false);
    }
}
