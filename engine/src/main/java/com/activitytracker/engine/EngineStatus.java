package com.activitytracker.engine;

/**
 * Where the engine is in its life, and what a user should be told about it.
 *
 * @param message        one human sentence, e.g. "Starting the embedded Kafka broker…"
 * @param bootstrapServers the cluster in use, once known (null before)
 * @param embeddedBroker true when the engine started its own broker
 */
public record EngineStatus(State state, String message, String bootstrapServers, boolean embeddedBroker) {

    public enum State {
        /** Created, not started. */
        NEW,
        /** Starting the broker or connecting to the cluster, creating topics, starting threads. */
        STARTING,
        /** Streaming. */
        RUNNING,
        /** Was running; the cluster stopped answering. Clients keep retrying. */
        DISCONNECTED,
        STOPPING,
        STOPPED,
        /** Could not start; the message says why. */
        FAILED
    }

    public boolean isRunning() {
        return state == State.RUNNING || state == State.DISCONNECTED;
    }

    static EngineStatus of(State state, String message, String bootstrapServers, boolean embedded) {
        return new EngineStatus(state, message, bootstrapServers, embedded);
    }
}
