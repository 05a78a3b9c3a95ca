package com.activitytracker.app.model;

import com.activitytracker.engine.EngineStatus.State;
import java.util.Locale;

/**
 * What the header chip and the status bar tell the audience, in words and (through the style class)
 * in colour. The engine's own states plus the two the console adds: paused (the producer stopped on
 * the presenter's request) and backpressure (the consumers cannot keep up, so the console holds the
 * producer back).
 */
public enum ConsoleState {
    NOT_STARTED("Not started"),
    STARTING("Starting"),
    STREAMING("Streaming"),
    PAUSED("Paused"),
    BACKPRESSURE("Backpressure"),
    RECONNECTING("Reconnecting"),
    STOPPING("Stopping"),
    STOPPED("Stopped"),
    FAILED("Failed");

    private final String label;

    ConsoleState(String label) {
        this.label = label;
    }

    /** The word on the chip and at the start of the status bar. */
    public String label() {
        return label;
    }

    /** e.g. {@code state-paused}; the theme colours the chip and the status text by it. */
    public String styleClass() {
        return "state-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param paused       the producer is paused
     * @param backpressure the consumers lag behind and the producer is being held back
     */
    public static ConsoleState of(State engine, boolean paused, boolean backpressure) {
        return switch (engine) {
            case NEW -> NOT_STARTED;
            case STARTING -> STARTING;
            case RUNNING -> paused ? PAUSED : backpressure ? BACKPRESSURE : STREAMING;
            case DISCONNECTED -> RECONNECTING;
            case STOPPING -> STOPPING;
            case STOPPED -> STOPPED;
            case FAILED -> FAILED;
        };
    }
}
