package com.activitytracker.engine;

import java.io.Serial;

/** The engine could not start; the message says why in words a user can act on. */
public final class EngineStartException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    public EngineStartException(String message) {
        super(message, null, false, false);
    }
}
