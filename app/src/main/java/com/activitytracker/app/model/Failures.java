package com.activitytracker.app.model;

import java.util.concurrent.CompletionException;

/** What went wrong in a background step, as the models report it to the presenter. */
final class Failures {
    private Failures() {}

    /**
     * The failure itself rather than the {@link CompletionException} a dependent stage wraps it in, so
     * its own type and message reach the presenter; null stays null.
     */
    static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
