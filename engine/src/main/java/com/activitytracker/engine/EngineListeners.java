package com.activitytracker.engine;

import com.activitytracker.engine.EngineStatus.State;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's subscribers and its current status; a failing listener never stops the others. */
final class EngineListeners {
    private static final Logger log = LoggerFactory.getLogger(EngineListeners.class);

    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private volatile EngineStatus status = EngineStatus.of(State.NEW, "Not started", null, false);

    AutoCloseable subscribe(EngineListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        safely(listener, l -> l.onStatus(status));
        return () -> listeners.remove(listener);
    }

    EngineStatus status() {
        return status;
    }

    void status(State state, String message, String bootstrapServers, boolean embedded) {
        EngineStatus s = EngineStatus.of(state, message, bootstrapServers, embedded);
        status = s;
        each(l -> l.onStatus(s));
    }

    void each(Consumer<EngineListener> call) {
        listeners.forEach(l -> safely(l, call));
    }

    private static void safely(EngineListener listener, Consumer<EngineListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            log.warn("A listener failed: {}", e.getMessage(), e);
        }
    }
}
